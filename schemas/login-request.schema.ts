import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const LoginRequestSchema = {
  $id: schemaId('login-request'),
  description: `Wallet Gateway app login request {merchant, signature} (POST /auth/login). The signature is an Ed25519 signature in base64. Source: ${DOC_PAGES.quickstart}. UNSURE: what is signed is not visible (the simulator signs the UTF-8 merchant slug); both base64 alphabets are accepted.`,
  type: 'object',
  required: ['merchant', 'signature'],
  properties: {
    merchant: { ...NonEmptyStringSchema, description: 'Merchant slug (public app identifier).' },
    signature: {
      type: 'string',
      pattern: '^[A-Za-z0-9+/_-]+={0,2}$',
      description: 'Base64 Ed25519 signature.',
    },
  },
} as const;
export type LoginRequest = FromSchema<typeof LoginRequestSchema>;
