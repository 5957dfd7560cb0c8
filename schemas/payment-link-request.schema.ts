import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { CurrencySchema, CustomKeysSchema, NonEmptyStringSchema, PositiveAmountSchema } from './primitives';
import { schemaId } from './schema-id';

/** The documented Payment Link fields, shared with the /transactions-hook body. */
export const PaymentLinkFieldsSchema = {
  type: 'object',
  required: ['amount', 'userId', 'channel'],
  properties: {
    amount: PositiveAmountSchema,
    userId: { ...NonEmptyStringSchema, description: 'Payer id, usually a phone number, e.g. +50212345678.' },
    channel: { ...NonEmptyStringSchema, description: 'Free-form channel, e.g. wa, web, pos, mobile, app.' },
    client: {
      ...NonEmptyStringSchema,
      description:
        'Client slug, e.g. migoDeveloper. UNSURE whether required: the quickstart sends it, the Dominican Republic and Mexico recipes omit it.',
    },
    currency: CurrencySchema,
    externalId: { type: 'string', description: 'Your own order id (optional per the docs, UNSURE).' },
    ads: { type: 'array', description: 'Sent as [] by known integrations; items undocumented.' },
    country: {
      type: 'string',
      pattern: '^[A-Z]{2,3}$',
      description:
        'ISO country code, e.g. DO, MX (recipes use alpha-2; other Migo pages use alpha-3, docs contradiction A.7 #9).',
    },
    customKeys: CustomKeysSchema,
  },
} as const;

export const PaymentLinkRequestSchema = {
  $id: schemaId('payment-link-request'),
  description: `Payment Link create request (POST /transactions). The merchant token goes in Authorization. Source: ${DOC_PAGES.createPaymentLink}, ${DOC_PAGES.paymentLinkQuickstart} and ${DOC_PAGES.recipesDominicanRepublic}. UNSURE: the docs show no required flags; only what every documented example sends is required (amount, userId, channel). client is sent by the quickstart but not by the recipes, so it is optional here.`,
  ...PaymentLinkFieldsSchema,
} as const;
export type PaymentLinkRequest = FromSchema<typeof PaymentLinkRequestSchema>;
