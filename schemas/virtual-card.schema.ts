import type { FromSchema } from 'json-schema-to-ts';
import { customResponseOf } from './custom-response.schema';
import { DOC_PAGES } from './doc-pages';
import { CurrencySchema } from './primitives';
import { schemaId } from './schema-id';

export const VirtualCardSchema = {
  $id: schemaId('virtual-card'),
  description: `Card issued (POST /users/{userId}/cards/virtuals): a CustomResponse whose data carries the numeric cardId. Source: ${DOC_PAGES.cardLifecycle} ("card ids are numeric"). UNSURE: the response body is not shown; only cardId is documented, read as a JSON integer ("numeric"). last4, status, currency and balance are what the simulator returns and are optional here. Never a PAN.`,
  ...customResponseOf({
    type: 'object',
    required: ['cardId'],
    properties: {
      cardId: { type: 'integer', minimum: 1, description: 'Store this, never the PAN.' },
      last4: { type: 'string', pattern: '^[0-9]{4}$' },
      status: { type: 'string' },
      currency: CurrencySchema,
      balance: {
        anyOf: [{ type: 'number' }, { type: 'string', pattern: '^-?[0-9]+(?:\\.[0-9]{1,4})?$' }],
        description: 'Decimal with up to 4 places in the card currency (number or decimal string: UNSURE).',
      },
    },
  }),
} as const;
export type VirtualCard = FromSchema<typeof VirtualCardSchema>;
