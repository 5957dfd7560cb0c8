import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';
import { GATEWAY_CODE_RANGE, MIDDLEWARE_OWN_CODES } from './error-catalog';
import type { Readings } from './readings';
import { cachedVariant, schemaId } from './schema-id';

/** Outside the WG/CMS range: "The numeric ranges do not overlap" (error-handling page). */
const OUTSIDE_GATEWAY_RANGE = [
  { maximum: GATEWAY_CODE_RANGE.min - 1 },
  { minimum: GATEWAY_CODE_RANGE.max + 1 },
] as const;

const IntegerOwnCodeSchema = {
  type: 'integer',
  description: 'Middleware code: never in the WG/CMS range 7000–8099.',
  [DOCUMENTED_VALUES]: MIDDLEWARE_OWN_CODES,
  anyOf: OUTSIDE_GATEWAY_RANGE,
} as const;

/** The ownCode as a string of digits (reading middleware-own-code-type = string). */
const StringOwnCodeSchema = {
  type: 'string',
  pattern: '^[0-9]+$',
  description: 'Middleware code as a string of digits, never in the WG/CMS range 7000–8099.',
  [DOCUMENTED_VALUES]: MIDDLEWARE_OWN_CODES.map(String),
  not: { pattern: '^(?:7[0-9]{3}|80[0-9]{2})$' },
} as const;

export const MiddlewareErrorSchema = {
  $id: schemaId('middleware-error'),
  description: `Middleware error envelope {success:false, ownCode, message}. Source: ${DOC_PAGES.errorHandling} ("The numeric ranges do not overlap and the field names differ") and ${DOC_PAGES.altDismissTransaction} (ownCodes 5000/400, 2000/404, 4021/405, 4020/409; the code-to-status table is the error catalog). UNSURE: only the field name ownCode is documented; the readings middleware-error-layout (success and message beside it) and middleware-own-code-type (a JSON integer) have this as their defaults.`,
  type: 'object',
  required: ['success', 'ownCode', 'message'],
  properties: {
    success: { const: false },
    ownCode: IntegerOwnCodeSchema,
    message: { type: 'string' },
  },
} as const;
export type MiddlewareError = FromSchema<typeof MiddlewareErrorSchema>;

/** The middleware-error schema under a profile (readings middleware-error-layout and middleware-own-code-type). */
export function middlewareErrorFor(readings: Readings): object {
  const layout = readings['middleware-error-layout'];
  const type = readings['middleware-own-code-type'];
  if (layout === 'success-own-code' && type === 'integer') return MiddlewareErrorSchema;
  const key = [layout === 'success-own-code' ? '' : layout, type === 'integer' ? '' : `${type}-own-code`]
    .filter(Boolean)
    .join(',');
  return cachedVariant('middleware-error', key, (id) => ({
    $id: id,
    description: `Middleware error envelope under the readings middleware-error-layout = ${layout} and middleware-own-code-type = ${type}. Source: ${DOC_PAGES.errorHandling}.`,
    type: 'object',
    required: layout === 'success-own-code' ? ['success', 'ownCode', 'message'] : ['ownCode', 'message'],
    properties: {
      success: { const: false },
      ownCode: type === 'integer' ? IntegerOwnCodeSchema : StringOwnCodeSchema,
      message: { type: 'string' },
    },
  }));
}
