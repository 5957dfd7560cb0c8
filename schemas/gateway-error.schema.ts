import type { FromSchema } from 'json-schema-to-ts';
import {
  envelopeProperties,
  GatewayErrorObjectSchema,
  GatewayErrorsSchema,
  TerminalErrorObjectSchema,
} from './custom-response.schema';
import { DOC_PAGES } from './doc-pages';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

export const GatewayErrorSchema = {
  $id: schemaId('gateway-error'),
  description: `Wallet Gateway / CMS business error: a CustomResponse with success:false and errors[]. errors[] is non-empty, each {code, message} with code a four-digit string in 7000–8099. Source: ${DOC_PAGES.errorHandling} and ${DOC_PAGES.errorCatalog} (example: {"success": false, "message": "...", "errors": [{"code": "7200", "message": "Card not found in the system."}]}). The HTTP status follows the catalog (error-catalog.ts). This is the default of the reading error-code-form (errors-array).`,
  type: 'object',
  required: ['success', 'errors'],
  properties: {
    ...envelopeProperties({ description: 'Not expected on errors; tolerated.' }),
    success: { const: false },
    errors: { ...GatewayErrorsSchema, minItems: 1 },
  },
} as const;
export type GatewayError = FromSchema<typeof GatewayErrorSchema>;

/** The business error as the other options of the reading error-code-form have it. */
const GATEWAY_ERROR_BY_FORM = {
  'error-object': {
    $id: variantSchemaId('gateway-error', 'error-object'),
    description: `Wallet Gateway / CMS business error {success:false, message, error:{code, message}}: the seed checklist's CustomResponse.error.code (reading error-code-form = error-object). Source: ${DOC_PAGES.goLive}.`,
    type: 'object',
    required: ['success', 'error'],
    properties: { success: { const: false }, message: { type: 'string' }, error: GatewayErrorObjectSchema },
  },
  'terminal-error': {
    $id: variantSchemaId('gateway-error', 'terminal-error'),
    description: `Wallet Gateway / CMS business error {statusCode, message, error:{code, name}}, as the terminal payment pages show it (reading error-code-form = terminal-error). Source: ${DOC_PAGES.terminalProcessPayment}.`,
    type: 'object',
    required: ['statusCode', 'message', 'error'],
    properties: {
      statusCode: { type: 'integer', minimum: 400, maximum: 599 },
      message: { type: 'string' },
      error: TerminalErrorObjectSchema,
    },
  },
} as const;

/** The gateway-error schema under a profile (reading error-code-form). */
export function gatewayErrorFor(readings: Readings): object {
  const form = readings['error-code-form'];
  return form === 'errors-array' ? GatewayErrorSchema : GATEWAY_ERROR_BY_FORM[form];
}

/** One business error as a body carries it: its code (as on the wire) and the message beside it. */
export interface GatewayErrorItem {
  code: unknown;
  message: unknown;
}

/**
 * The business errors of a WG/CMS body, wherever the reading error-code-form puts them: `errors[]`,
 * `error: {code, message}`, or `error: {code, name}` with the top-level message. Empty when there are none.
 */
export function gatewayErrorItems(body: unknown, readings: Readings): GatewayErrorItem[] {
  if (typeof body !== 'object' || body === null) return [];
  const { errors, error, message } = body as { errors?: unknown; error?: unknown; message?: unknown };
  switch (readings['error-code-form']) {
    case 'errors-array':
      return Array.isArray(errors)
        ? errors.map((e: { code?: unknown; message?: unknown } | null) => ({
            code: e?.code,
            message: e?.message,
          }))
        : [];
    case 'error-object': {
      const e = error as { code?: unknown; message?: unknown } | null | undefined;
      return typeof e === 'object' && e !== null ? [{ code: e.code, message: e.message }] : [];
    }
    case 'terminal-error': {
      const e = error as { code?: unknown } | null | undefined;
      return typeof e === 'object' && e !== null ? [{ code: e.code, message }] : [];
    }
  }
}
