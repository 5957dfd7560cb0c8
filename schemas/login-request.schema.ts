import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import type { OptionOf } from './readings';
import { schemaId } from './schema-id';

/** A base64 Ed25519 signature (either alphabet). */
export const LoginSignatureSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9+/_-]+={0,2}$',
  description: 'Base64 Ed25519 signature.',
} as const;

export const LoginRequestSchema = {
  $id: schemaId('login-request'),
  description: `Wallet Gateway app login request {merchant, signature} (POST /auth/login). The signature is an Ed25519 signature in base64. Source: ${DOC_PAGES.quickstart}. UNSURE: what is signed is not visible: the reading wallet-login-signed-bytes (loginSignedMessage below); both base64 alphabets are accepted.`,
  type: 'object',
  required: ['merchant', 'signature'],
  properties: {
    merchant: { ...NonEmptyStringSchema, description: 'Merchant slug (public app identifier).' },
    signature: LoginSignatureSchema,
  },
} as const;
export type LoginRequest = FromSchema<typeof LoginRequestSchema>;

/**
 * The bytes a login signature covers under the reading wallet-login-signed-bytes: the one place both the client
 * (which signs) and the simulator (which verifies) take them from.
 */
export function loginSignedMessage(merchant: string, option: OptionOf<'wallet-login-signed-bytes'>): Buffer {
  return Buffer.from(option === 'merchant-json' ? JSON.stringify({ merchant }) : merchant, 'utf8');
}
