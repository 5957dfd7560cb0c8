import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';
import { GATEWAY_CODE_RANGE, MIDDLEWARE_OWN_CODES } from './error-catalog';
import { schemaId } from './schema-id';

export const MiddlewareErrorSchema = {
  $id: schemaId('middleware-error'),
  description: `Middleware error envelope {success:false, ownCode, message}. Source: ${DOC_PAGES.errorHandling} ("The numeric ranges do not overlap and the field names differ") and ${DOC_PAGES.altDismissTransaction} (ownCodes 5000/400, 2000/404, 4021/405, 4020/409; the code-to-status table is the error catalog). UNSURE: only the field name ownCode is documented; success and message are the Middleware's standard envelope fields, assumed here, and ownCode is read as a JSON integer (the docs speak of numeric ranges but show no error body).`,
  type: 'object',
  required: ['success', 'ownCode', 'message'],
  properties: {
    success: { const: false },
    ownCode: {
      type: 'integer',
      description: 'Middleware code: never in the WG/CMS range 7000–8099.',
      [DOCUMENTED_VALUES]: MIDDLEWARE_OWN_CODES,
      anyOf: [{ maximum: GATEWAY_CODE_RANGE.min - 1 }, { minimum: GATEWAY_CODE_RANGE.max + 1 }],
    },
    message: { type: 'string' },
  },
} as const;
export type MiddlewareError = FromSchema<typeof MiddlewareErrorSchema>;
