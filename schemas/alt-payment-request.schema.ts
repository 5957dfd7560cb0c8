import type { FromSchema } from 'json-schema-to-ts';
import { ProcessorKeySchema } from './alt-payment-intent-request.schema';
import { DOC_PAGES } from './doc-pages';
import { schemaId } from './schema-id';

export const AltPaymentRequestSchema = {
  $id: schemaId('alt-payment-request'),
  description: `Alternative Payments payment request {processor, data}. Sent to POST /api/v1/integrations/transactions/{transactionId}/payments; data may be {}. Source: ${DOC_PAGES.altProcessPayment} (example {"processor": "bamPaymentButton", "data": {"user": "", "phoneNumber": "", "installments": 1}}). Keys outside the active processor's payload are ignored by Migo.`,
  type: 'object',
  required: ['processor', 'data'],
  properties: {
    processor: ProcessorKeySchema,
    data: {
      type: 'object',
      description: 'AlternativePaymentDataDto: processor-specific; {} for processors that need nothing.',
      properties: {
        user: { type: 'string', description: 'fri: at least one of user / phoneNumber.' },
        phoneNumber: { type: 'string' },
        installments: { type: 'integer', minimum: 1, description: 'bamPaymentButton.' },
      },
    },
  },
} as const;
export type AltPaymentRequest = FromSchema<typeof AltPaymentRequestSchema>;
