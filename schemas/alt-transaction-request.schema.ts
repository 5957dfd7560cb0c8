import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { CustomKeysSchema, NonEmptyStringSchema, PositiveAmountSchema } from './primitives';
import { schemaId } from './schema-id';

export const AltTransactionRequestSchema = {
  $id: schemaId('alt-transaction-request'),
  description: `Alternative Payments create request (POST /api/v1/integrations/transactions). Sent with Authorization: Bearer <merchant token>. Source: ${DOC_PAGES.altCreateTransaction}. amount, channel, client and userId are required; customKeys is optional per the create page (UNSURE: the recipe template lists it among required fields, docs contradiction A.7 #4). The docs allow at most 4 decimals and check the merchant min/max: not encoded here (server-side rules).`,
  type: 'object',
  required: ['amount', 'channel', 'client', 'userId'],
  properties: {
    amount: PositiveAmountSchema,
    channel: { ...NonEmptyStringSchema, description: 'Free-form, e.g. wa, web, pos, mobile.' },
    client: { ...NonEmptyStringSchema, description: 'Client slug.' },
    userId: { ...NonEmptyStringSchema, description: 'Payer id, e.g. +50224865444.' },
    customKeys: CustomKeysSchema,
  },
} as const;
export type AltTransactionRequest = FromSchema<typeof AltTransactionRequestSchema>;
