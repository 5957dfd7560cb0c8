import type { FromSchema } from 'json-schema-to-ts';
import { CardTransactionStatusSchema } from './card-transaction-status';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const ReturnUrlQuerySchema = {
  $id: schemaId('return-url-query'),
  description: `Hosted checkout return-URL query {uid, status, reference}, as an object of strings. The checkout redirects the customer to the merchant return URL with these parameters. Source: ${DOC_PAGES.hostedWebview}. UNSURE: the status values are presumed to be the callback's lowercase ones.`,
  type: 'object',
  required: ['uid', 'status', 'reference'],
  properties: {
    uid: NonEmptyStringSchema,
    status: CardTransactionStatusSchema,
    reference: NonEmptyStringSchema,
  },
} as const;
export type ReturnUrlQuery = FromSchema<typeof ReturnUrlQuerySchema>;
