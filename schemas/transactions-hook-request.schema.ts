import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { PaymentLinkFieldsSchema } from './payment-link-request.schema';
import { UuidShapedSchema } from './primitives';
import { schemaId } from './schema-id';

export const TransactionsHookRequestSchema = {
  $id: schemaId('transactions-hook-request'),
  description: `Payment Link create request with body credentials (POST /transactions-hook). privateKey + publicKey (UUID-shaped) travel in the body instead of the merchant token. Source: ${DOC_PAGES.authentication}, ${DOC_PAGES.chooseFlow} and ${DOC_PAGES.sandboxCheatSheet}. UNSURE: the other fields are not visible; presumed to be the Payment Link fields.`,
  type: 'object',
  required: [...PaymentLinkFieldsSchema.required, 'privateKey', 'publicKey'],
  properties: {
    ...PaymentLinkFieldsSchema.properties,
    privateKey: { ...UuidShapedSchema, description: 'Secret half of the pair: never log it.' },
    publicKey: UuidShapedSchema,
  },
} as const;
export type TransactionsHookRequest = FromSchema<typeof TransactionsHookRequestSchema>;
