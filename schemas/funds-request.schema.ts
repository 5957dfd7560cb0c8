import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { CurrencySchema, CustomKeysSchema, NonEmptyStringSchema, PositiveAmountSchema } from './primitives';
import { schemaId } from './schema-id';

export const FUNDS_OPERATIONS = ['ADD_FUNDS', 'WITHDRAW_FUNDS'] as const;

export const FundsRequestSchema = {
  $id: schemaId('funds-request'),
  description: `Card funds operation request, FundsOperationDto (POST /cards/{cardId}/funds). Source: ${DOC_PAGES.assignFunds}. Overspending answers 7303 INSUFFICIENT_FUNDS (${DOC_PAGES.walletOverview}). UNSURE: this endpoint's own error list is not visible; 7001/7002 for a bad amount, 7000 for other bad fields and 7200 for an unknown card are our reading of the catalog.`,
  type: 'object',
  required: ['amount', 'operation', 'channel', 'reference'],
  properties: {
    amount: PositiveAmountSchema,
    operation: { enum: FUNDS_OPERATIONS },
    channel: { ...NonEmptyStringSchema, description: 'e.g. MOBILE, WEB, ATM.' },
    reference: NonEmptyStringSchema,
    description: { type: 'string', maxLength: 50 },
    currency: { ...CurrencySchema, description: 'ISO 4217; defaults to the card currency.' },
    customKeys: CustomKeysSchema,
  },
} as const;
export type FundsRequest = FromSchema<typeof FundsRequestSchema>;
