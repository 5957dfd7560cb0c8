import type { FromSchema } from 'json-schema-to-ts';
import { envelopeProperties, GatewayErrorsSchema } from './custom-response.schema';
import { DOC_PAGES } from './doc-pages';
import { schemaId } from './schema-id';

export const GatewayErrorSchema = {
  $id: schemaId('gateway-error'),
  description: `Wallet Gateway / CMS business error: a CustomResponse with success:false and errors[]. errors[] is non-empty, each {code, message} with code a four-digit string in 7000–8099. Source: ${DOC_PAGES.errorHandling} and ${DOC_PAGES.errorCatalog} (example: {"success": false, "message": "...", "errors": [{"code": "7200", "message": "Card not found in the system."}]}). The HTTP status follows the catalog (error-catalog.ts).`,
  type: 'object',
  required: ['success', 'errors'],
  properties: {
    ...envelopeProperties({ description: 'Not expected on errors; tolerated.' }),
    success: { const: false },
    errors: { ...GatewayErrorsSchema, minItems: 1 },
  },
} as const;
export type GatewayError = FromSchema<typeof GatewayErrorSchema>;
