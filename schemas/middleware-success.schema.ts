import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { schemaId } from './schema-id';

export const MiddlewareSuccessSchema = {
  $id: schemaId('middleware-success'),
  description: `Middleware success envelope {success:true, message?, data?}. Used by Alternative Payments, subscriptions and plans. Source: ${DOC_PAGES.errorHandling} and ${DOC_PAGES.altCreateTransaction}. Payment Link create does NOT use it (see payment-link).`,
  type: 'object',
  required: ['success'],
  properties: {
    success: { const: true },
    message: { type: 'string' },
    data: { description: 'Endpoint-specific payload.' },
  },
} as const;
export type MiddlewareSuccess = FromSchema<typeof MiddlewareSuccessSchema>;

/** A Middleware success envelope whose `data` has a known shape (the envelope is written once, above). */
export function middlewareSuccessOf<const D extends JSONSchema>(data: D) {
  return {
    type: 'object',
    required: ['success', 'data'],
    properties: { ...MiddlewareSuccessSchema.properties, data },
  } as const;
}
