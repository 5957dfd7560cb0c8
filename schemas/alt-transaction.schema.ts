import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { middlewareSuccessOf } from './middleware-success.schema';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const AltTransactionSchema = {
  $id: schemaId('alt-transaction'),
  description: `Alternative Payments transaction created: {success:true, message, data:{uid, paymentMethods[], expireAt}}. Source: ${DOC_PAGES.altCreateTransaction} (example message "Transaction created"). expireAt is the number of seconds until the transaction expires, not a timestamp.`,
  ...middlewareSuccessOf({
    type: 'object',
    required: ['uid', 'paymentMethods', 'expireAt'],
    properties: {
      uid: { ...NonEmptyStringSchema, description: 'Transaction uid, e.g. trx_8f3c2b1d9e7a.' },
      paymentMethods: {
        type: 'array',
        items: { type: 'string' },
        description: 'Enabled processor keys, e.g. zigi, akisiQR: the runtime source of truth for /payments.',
      },
      expireAt: { type: 'number', minimum: 0, description: 'Seconds remaining until expiry.' },
    },
  }),
} as const;
export type AltTransaction = FromSchema<typeof AltTransactionSchema>;
