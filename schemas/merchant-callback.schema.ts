import type { FromSchema } from 'json-schema-to-ts';
import { CardTransactionStatusSchema } from './card-transaction-status';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const MerchantCallbackSchema = {
  $id: schemaId('merchant-callback'),
  description: `Merchant Generic Callback body {uid, reference, status, …}, sent by Migo to the merchant. It is sent when a Payment Link transaction reaches a terminal status. Source: ${DOC_PAGES.merchantGenericCallback} and ${DOC_PAGES.createPaymentLink}. Not HMAC-signed, no standard retry semantics. UNSURE: the full payload section of the page is cut, so more fields may come (accepted).`,
  type: 'object',
  required: ['uid', 'reference', 'status'],
  properties: {
    uid: NonEmptyStringSchema,
    reference: NonEmptyStringSchema,
    status: CardTransactionStatusSchema,
  },
} as const;
export type MerchantCallback = FromSchema<typeof MerchantCallbackSchema>;
