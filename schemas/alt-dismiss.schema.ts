import type { FromSchema } from 'json-schema-to-ts';
import { AltStatusSchema } from './alt-status.schema';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

const { $id: _statusId, ...AltStatusField } = AltStatusSchema;

export const AltDismissSchema = {
  $id: schemaId('alt-dismiss'),
  description: `Alternative Payments dismiss outcome: the text OK, or {message, transaction:{uid, status}}. The text OK (validated as the JSON string "OK") answers CREATED/USED and generic upstream cancels; the JSON body answers when a processor cancel hook ran (status CANCELLED). Source: ${DOC_PAGES.altDismissTransaction}.`,
  type: ['string', 'object'],
  anyOf: [
    { const: 'OK', description: 'The text/plain body OK.' },
    {
      type: 'object',
      required: ['message', 'transaction'],
      properties: {
        message: { type: 'string' },
        transaction: {
          type: 'object',
          required: ['uid', 'status'],
          properties: { uid: NonEmptyStringSchema, status: AltStatusField },
        },
      },
    },
  ],
} as const;
export type AltDismiss = FromSchema<typeof AltDismissSchema>;
