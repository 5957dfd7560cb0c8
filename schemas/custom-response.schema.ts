import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';
import { GATEWAY_CODE_PATTERN, GATEWAY_ERROR_CODES, GATEWAY_CODE_RANGE } from './error-catalog';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

/** A WG/CMS business code: a string (the docs: "code is a string (e.g. "7100")"). */
const GatewayCodeSchema = {
  type: 'string',
  pattern: GATEWAY_CODE_PATTERN,
  [DOCUMENTED_VALUES]: GATEWAY_ERROR_CODES,
  description:
    'Four-digit business code, as a string, in 7000–8099. Codes 7015–8099 are accepted although undocumented: the catalog page could only be read up to 7014.',
} as const;

/** One `errors[]` item: `code` is a string (the docs: "There is no statusCode, error.name, or error.detail field"). */
export const GatewayErrorItemSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: GatewayCodeSchema, message: { type: 'string' } },
} as const;

/** `error` of the seed checklist's `CustomResponse.error.code` (reading error-code-form = error-object). */
export const GatewayErrorObjectSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: GatewayCodeSchema, message: { type: 'string' } },
} as const;

/**
 * `error` of the terminal pages' `{statusCode, message, error: {code, name, …}}` (reading error-code-form =
 * terminal-error). The type of its code is not shown: a code string or a number in the range both pass.
 */
export const TerminalErrorObjectSchema = {
  type: 'object',
  required: ['code', 'name'],
  properties: {
    code: {
      anyOf: [
        GatewayCodeSchema,
        { type: 'integer', minimum: GATEWAY_CODE_RANGE.min, maximum: GATEWAY_CODE_RANGE.max },
      ],
    },
    name: { type: 'string', description: 'The catalog name, e.g. USER_NOT_FOUND.' },
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
 * A CustomResponse whose `success:false` carries its code in `error` (the other options of the reading
 * error-code-form), the error shaped by `error`.
 */
function customResponseWithErrorObject<const E extends object>(key: string, description: string, error: E) {
  return {
    $id: variantSchemaId('custom-response', key),
    description,
    type: 'object',
    required: ['success'],
    properties: {
      success: { type: 'boolean' },
      message: { type: 'string' },
      data: { description: 'Endpoint-specific payload.' },
      error,
    },
    allOf: [
      {
        if: { properties: { success: { const: false } }, required: ['success'] },
        then: { required: ['error'], properties: { error: { type: 'object' } } },
      },
      {
        if: { properties: { success: { const: true } }, required: ['success'] },
        then: { properties: { error: false } },
      },
    ],
  } as const;
}

const CUSTOM_RESPONSE_BY_FORM = {
  'error-object': customResponseWithErrorObject(
    'error-object',
    `Wallet Gateway / CMS CustomResponse whose error carries its code in error.code (reading error-code-form = error-object). Source: ${DOC_PAGES.goLive}.`,
    GatewayErrorObjectSchema,
  ),
  'terminal-error': customResponseWithErrorObject(
    'terminal-error',
    `Wallet Gateway / CMS CustomResponse whose error carries its code in error.code, next to statusCode (reading error-code-form = terminal-error). Source: ${DOC_PAGES.terminalProcessPayment}.`,
    TerminalErrorObjectSchema,
  ),
};

/** The custom-response schema under a profile (reading error-code-form). */
export function customResponseFor(readings: Readings): object {
  const form = readings['error-code-form'];
  return form === 'errors-array' ? CustomResponseSchema : CUSTOM_RESPONSE_BY_FORM[form];
}

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
