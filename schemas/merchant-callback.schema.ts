import type { FromSchema } from 'json-schema-to-ts';
import { CardTransactionStatusSchema, UppercaseCardTransactionStatusSchema } from './card-transaction-status';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import type { Readings } from './readings';
import { cachedVariant, schemaId } from './schema-id';

export const MerchantCallbackSchema = {
  $id: schemaId('merchant-callback'),
  description: `Merchant Generic Callback body {uid, reference, status, …}, sent by Migo to the merchant. It is sent when a Payment Link transaction reaches a terminal status. Source: ${DOC_PAGES.merchantGenericCallback} and ${DOC_PAGES.createPaymentLink}. Not HMAC-signed, no standard retry semantics. UNSURE: the full payload section of the page is cut, so more fields may come (accepted); the status case and whether every flow carries a reference are the readings callback-status-case and callback-reference (this schema holds their defaults).`,
  type: 'object',
  required: ['uid', 'reference', 'status'],
  properties: {
    uid: NonEmptyStringSchema,
    reference: NonEmptyStringSchema,
    status: CardTransactionStatusSchema,
  },
} as const;
export type MerchantCallback = FromSchema<typeof MerchantCallbackSchema>;

/**
 * The merchant-callback schema under a profile (readings callback-status-case and callback-reference). With
 * `payment-links-only` a reference is optional here: only the flow tells whether it must be there, so the spec
 * that knows the flow asserts it.
 */
export function merchantCallbackFor(readings: Readings): object {
  const statusCase = readings['callback-status-case'];
  const reference = readings['callback-reference'];
  if (statusCase === 'lowercase' && reference === 'every-flow') return MerchantCallbackSchema;
  const key = [
    statusCase === 'lowercase' ? '' : 'uppercase-status',
    reference === 'every-flow' ? '' : reference,
  ]
    .filter(Boolean)
    .join(',');
  return cachedVariant('merchant-callback', key, (id) => ({
    $id: id,
    description: `Merchant Generic Callback body under the readings callback-status-case = ${statusCase} and callback-reference = ${reference}. Source: ${DOC_PAGES.merchantGenericCallback}, ${DOC_PAGES.createPaymentLink} and ${DOC_PAGES.chooseFlow}.`,
    type: 'object',
    required: reference === 'every-flow' ? ['uid', 'reference', 'status'] : ['uid', 'status'],
    properties: {
      uid: NonEmptyStringSchema,
      reference: NonEmptyStringSchema,
      status: statusCase === 'lowercase' ? CardTransactionStatusSchema : UppercaseCardTransactionStatusSchema,
    },
  }));
}
