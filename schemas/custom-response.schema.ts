import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';
import { GATEWAY_CODE_PATTERN, GATEWAY_ERROR_CODES } from './error-catalog';
import { schemaId } from './schema-id';

/** One `errors[]` item: `code` is a string (the docs: "There is no statusCode, error.name, or error.detail field"). */
export const GatewayErrorItemSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      pattern: GATEWAY_CODE_PATTERN,
      [DOCUMENTED_VALUES]: GATEWAY_ERROR_CODES,
      description:
        'Four-digit business code, as a string, in 7000–8099. Codes 7015–8099 are accepted although undocumented: the catalog page could only be read up to 7014.',
    },
    message: { type: 'string' },
  },
} as const;

export const GatewayErrorsSchema = { type: 'array', items: GatewayErrorItemSchema } as const;

/** The four envelope fields of a CustomResponse, with the `data` slot filled by the caller. */
export function envelopeProperties<const D extends JSONSchema>(data: D) {
  return {
    success: { type: 'boolean' },
    message: { type: 'string' },
    data,
    errors: GatewayErrorsSchema,
  } as const;
}

export const CustomResponseSchema = {
  $id: schemaId('custom-response'),
  description: `Wallet Gateway / CMS CustomResponse envelope {success, message?, data?, errors?[]}. Source: ${DOC_PAGES.errorHandling} and ${DOC_PAGES.errorCatalog}. success:false carries a non-empty errors[]; success:true carries none (absent or empty): our reading of the documented examples (the type marks errors optional). UNSURE: the quickstart shows a different {statusCode, message, data} envelope for /auth/login and /health (docs contradiction A.7 #1), encoded separately as login-response and health.`,
  type: 'object',
  required: ['success'],
  properties: envelopeProperties({ description: 'Endpoint-specific payload.' }),
  allOf: [
    {
      if: { properties: { success: { const: false } }, required: ['success'] },
      then: { required: ['errors'], properties: { errors: { type: 'array', minItems: 1 } } },
    },
    {
      if: { properties: { success: { const: true } }, required: ['success'] },
      then: { properties: { errors: { type: 'array', maxItems: 0 } } },
    },
  ],
} as const;
export type CustomResponse = FromSchema<typeof CustomResponseSchema>;

/**
 * A successful CustomResponse whose `data` has a known shape: typed envelopes are built with this so the
 * envelope is written once. A 2xx typed body is `success: true` with `data` and no errors.
 */
export function customResponseOf<const D extends JSONSchema>(data: D) {
  return {
    type: 'object',
    required: ['success', 'data'],
    properties: {
      ...envelopeProperties(data),
      success: { const: true },
      errors: { ...GatewayErrorsSchema, maxItems: 0 },
    },
  } as const;
}
