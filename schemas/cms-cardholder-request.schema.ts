import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const MARITAL_STATUSES = ['soltero', 'casado', 'viudo', 'divorciado', 'separado'] as const;
export const GENDERS = ['F', 'M', 'OTHER'] as const;
export const DOCUMENT_TYPES = ['DPI', 'NIT', 'PASSPORT', 'LEGAL_ID', 'PERSONAL_ID', 'RESIDENCE_ID'] as const;

export const CmsCardholderRequestSchema = {
  $id: schemaId('cms-cardholder-request'),
  description: `CMS cardholder create request (POST /cms/rest/app/partners/{partnerId}/cardholders). Sent with the app token and x-user-token; every field is required. Source: ${DOC_PAGES.cmsCardholders}. UNSURE: cardId is "numeric" (encoded as an integer).`,
  type: 'object',
  required: [
    'name',
    'lastName',
    'address',
    'countryOfBirth',
    'dateOfBirth',
    'maritalStatus',
    'gender',
    'phoneNumber',
    'email',
    'documentType',
    'documentNumber',
    'cardId',
  ],
  properties: {
    name: NonEmptyStringSchema,
    lastName: NonEmptyStringSchema,
    address: NonEmptyStringSchema,
    countryOfBirth: {
      type: 'string',
      pattern: '^[A-Z]{2}$',
      description: 'ISO alpha-2, e.g. GT (the Wallet Gateway uses alpha-3: docs contradiction A.7 #9).',
    },
    dateOfBirth: { type: 'string', format: 'date', description: 'YYYY-MM-DD.' },
    maritalStatus: { enum: MARITAL_STATUSES },
    gender: { enum: GENDERS },
    phoneNumber: NonEmptyStringSchema,
    email: { type: 'string', format: 'email' },
    documentType: { enum: DOCUMENT_TYPES },
    documentNumber: NonEmptyStringSchema,
    cardId: { type: 'integer', minimum: 1 },
  },
} as const;
export type CmsCardholderRequest = FromSchema<typeof CmsCardholderRequestSchema>;
