import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { customResponseOf } from './custom-response.schema';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

export const HealthSchema = {
  $id: schemaId('health'),
  description: `Wallet Gateway health probe (GET /health): {statusCode:200, message, data:{}}. Source: ${DOC_PAGES.quickstart}. UNSURE: the quickstart envelope contradicts CustomResponse (docs contradiction A.7 #1); the reading wallet-envelope picks the form (this one is its default, quickstart).`,
  type: 'object',
  required: ['statusCode', 'message', 'data'],
  properties: {
    statusCode: { const: 200 },
    message: { type: 'string' },
    data: { type: 'object' },
  },
} as const;
export type Health = FromSchema<typeof HealthSchema>;

/** The health answer as a CustomResponse (reading wallet-envelope = custom-response). */
const HealthCustomResponseSchema = {
  $id: variantSchemaId('health', 'custom-response'),
  description: `Wallet Gateway health probe as a CustomResponse {success:true, message?, data:{}}: the reading wallet-envelope = custom-response. Source: ${DOC_PAGES.errorHandling}.`,
  ...customResponseOf({ type: 'object' }),
} as const;

/** The health schema under a profile (reading wallet-envelope). */
export function healthFor(readings: Readings): object {
  return readings['wallet-envelope'] === 'custom-response' ? HealthCustomResponseSchema : HealthSchema;
}
