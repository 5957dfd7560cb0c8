import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

/** The envelope fields a Payment Link body must not carry: their presence means a wrapper crept in. */
const NO_ENVELOPE = { success: false, data: false, errors: false } as const;

export const PaymentLinkSchema = {
  $id: schemaId('payment-link'),
  description: `Payment Link created: top-level {uid, reference, URL}, no envelope, uppercase URL. Answer of POST /transactions and POST /transactions-hook. Source: ${DOC_PAGES.createPaymentLink} and ${DOC_PAGES.paymentLinkQuickstart} ("URL is uppercase", so reading body.url yields undefined). A success/data/errors field fails: it means the body was wrapped. UNSURE: the Dominican Republic recipe says "the customer opens data.url" (docs contradiction A.7 #6); the create and quickstart pages win. The /transactions-hook response shape is presumed the same (not visible).`,
  type: 'object',
  required: ['uid', 'reference', 'URL'],
  properties: {
    uid: {
      ...NonEmptyStringSchema,
      description: 'Transaction uid, e.g. trx_8f3c2b1d9e7a. Parse it, never build it.',
    },
    reference: {
      ...NonEmptyStringSchema,
      description: 'Merchant-facing reference, e.g. CLIENT020007SB (only Payment Links return one).',
    },
    URL: {
      type: 'string',
      format: 'uri',
      description: 'Hosted checkout link, e.g. https://sandbox.migopayments.com/?orderId=<uid>.',
    },
    ...NO_ENVELOPE,
  },
} as const;
export type PaymentLink = FromSchema<typeof PaymentLinkSchema>;
