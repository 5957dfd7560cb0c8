import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { schemaId } from './schema-id';

export const HealthSchema = {
  $id: schemaId('health'),
  description: `Wallet Gateway health probe (GET /health): {statusCode:200, message, data:{}}. Source: ${DOC_PAGES.quickstart}. UNSURE: the quickstart envelope contradicts CustomResponse (docs contradiction A.7 #1).`,
  type: 'object',
  required: ['statusCode', 'message', 'data'],
  properties: {
    statusCode: { const: 200 },
    message: { type: 'string' },
    data: { type: 'object' },
  },
} as const;
export type Health = FromSchema<typeof HealthSchema>;
