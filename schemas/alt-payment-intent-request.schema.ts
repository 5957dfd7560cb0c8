import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

/** The processor key every Alternative Payments step names: one of the create response's paymentMethods. */
export const ProcessorKeySchema = {
  ...NonEmptyStringSchema,
  description: 'Processor key from paymentMethods, e.g. zigi, akisiQR, quickPayQR, fri, nequi.',
} as const;

export const AltPaymentIntentRequestSchema = {
  $id: schemaId('alt-payment-intent-request'),
  description: `Alternative Payments payment-intents request {processor}. Sent to POST /api/v1/integrations/transactions/{transactionId}/payment-intents. Source: ${DOC_PAGES.altPaymentIntents}.`,
  type: 'object',
  required: ['processor'],
  properties: { processor: ProcessorKeySchema },
} as const;
export type AltPaymentIntentRequest = FromSchema<typeof AltPaymentIntentRequestSchema>;
