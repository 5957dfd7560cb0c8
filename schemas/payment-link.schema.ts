import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { middlewareSuccessOf } from './middleware-success.schema';
import { NonEmptyStringSchema } from './primitives';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

/** The envelope fields a Payment Link body must not carry: their presence means a wrapper crept in. */
const NO_ENVELOPE = { success: false, data: false, errors: false } as const;

const UidSchema = {
  ...NonEmptyStringSchema,
  description: 'Transaction uid, e.g. trx_8f3c2b1d9e7a. Parse it, never build it.',
} as const;
const ReferenceSchema = {
  ...NonEmptyStringSchema,
  description: 'Merchant-facing reference, e.g. CLIENT020007SB (only Payment Links return one).',
} as const;

export const PaymentLinkSchema = {
  $id: schemaId('payment-link'),
  description: `Payment Link created: top-level {uid, reference, URL}, no envelope, uppercase URL. Answer of POST /transactions and POST /transactions-hook. Source: ${DOC_PAGES.createPaymentLink} and ${DOC_PAGES.paymentLinkQuickstart} ("URL is uppercase", so reading body.url yields undefined). A success/data/errors field fails: it means the body was wrapped (reading payment-link-extra-fields, default forbidden). UNSURE: the Dominican Republic recipe says "the customer opens data.url" (docs contradiction A.7 #6): the reading payment-link-url, whose default is this top-level form. The /transactions-hook response shape is presumed the same (not visible).`,
  type: 'object',
  required: ['uid', 'reference', 'URL'],
  properties: {
    uid: UidSchema,
    reference: ReferenceSchema,
    URL: {
      type: 'string',
      format: 'uri',
      description: 'Hosted checkout link, e.g. https://sandbox.migopayments.com/?orderId=<uid>.',
    },
    ...NO_ENVELOPE,
  },
} as const;
export type PaymentLink = FromSchema<typeof PaymentLinkSchema>;

const { success: _success, data: _data, errors: _errors, ...LINK_PROPERTIES } = PaymentLinkSchema.properties;

/** The top-level link with envelope fields beside it ignored (reading payment-link-extra-fields = ignored). */
const PaymentLinkIgnoringExtrasSchema = {
  $id: variantSchemaId('payment-link', 'extra-fields-ignored'),
  description: `Payment Link created: top-level {uid, reference, URL}; success, data or errors beside it are unknown fields and ignored (reading payment-link-extra-fields = ignored). Source: ${DOC_PAGES.versioning} and ${DOC_PAGES.createPaymentLink}.`,
  type: 'object',
  required: ['uid', 'reference', 'URL'],
  properties: LINK_PROPERTIES,
} as const;

/** The link in the Middleware envelope with a lowercase data.url (reading payment-link-url = data-url). */
const PaymentLinkDataUrlSchema = {
  $id: variantSchemaId('payment-link', 'data-url'),
  description: `Payment Link created, in the Middleware success envelope: {success:true, message, data:{uid, reference, url}} (reading payment-link-url = data-url). Source: ${DOC_PAGES.recipesDominicanRepublic} ("The customer opens data.url").`,
  ...middlewareSuccessOf({
    type: 'object',
    required: ['uid', 'reference', 'url'],
    properties: {
      uid: UidSchema,
      reference: ReferenceSchema,
      url: { type: 'string', format: 'uri', description: 'Hosted checkout link.' },
    },
  }),
} as const;

/** The payment-link schema under a profile (readings payment-link-url, then payment-link-extra-fields). */
export function paymentLinkFor(readings: Readings): object {
  if (readings['payment-link-url'] === 'data-url') return PaymentLinkDataUrlSchema;
  return readings['payment-link-extra-fields'] === 'ignored'
    ? PaymentLinkIgnoringExtrasSchema
    : PaymentLinkSchema;
}

/** The link a create answer carries, wherever the reading payment-link-url puts it; undefined parts are missing. */
export function paymentLinkOf(
  body: unknown,
  readings: Readings,
): { uid?: unknown; reference?: unknown; url?: unknown } {
  const top = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (readings['payment-link-url'] === 'data-url') {
    const data = (typeof top.data === 'object' && top.data !== null ? top.data : {}) as Record<
      string,
      unknown
    >;
    return { uid: data.uid, reference: data.reference, url: data.url };
  }
  return { uid: top.uid, reference: top.reference, url: top.URL };
}
