import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { customResponseOf } from './custom-response.schema';
import { NonEmptyStringSchema } from './primitives';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

/** The token pair a login or refresh returns (JWTs: never log them). */
export const TokenPairSchema = {
  type: 'object',
  required: ['accessToken', 'refreshToken', 'expirationToken', 'expirationRefreshToken'],
  properties: {
    accessToken: NonEmptyStringSchema,
    refreshToken: { ...NonEmptyStringSchema, description: 'Single-use: every refresh rotates both tokens.' },
    expirationToken: { type: 'integer', description: 'Unix seconds, e.g. 1735689600.' },
    expirationRefreshToken: { type: 'integer', description: 'Unix seconds, e.g. 1736294400 (7 days later).' },
  },
} as const;

export const LoginResponseSchema = {
  $id: schemaId('login-response'),
  description: `Wallet Gateway login / refresh response {statusCode:200, message, data:{tokens}}. The form the quickstart shows; data holds accessToken, refreshToken, expirationToken and expirationRefreshToken. Source: ${DOC_PAGES.quickstart}. UNSURE: this envelope contradicts the CustomResponse {success, message, data, errors} of ${DOC_PAGES.errorHandling} (docs contradiction A.7 #1); the reading wallet-envelope picks the form (this one is its default, quickstart). Refresh is presumed to answer the same shape.`,
  type: 'object',
  required: ['statusCode', 'message', 'data'],
  properties: {
    statusCode: { const: 200 },
    message: { type: 'string' },
    data: TokenPairSchema,
  },
} as const;
export type LoginResponse = FromSchema<typeof LoginResponseSchema>;

/** The login / refresh answer as a CustomResponse (reading wallet-envelope = custom-response). */
const LoginCustomResponseSchema = {
  $id: variantSchemaId('login-response', 'custom-response'),
  description: `Wallet Gateway login / refresh response as a CustomResponse {success:true, message?, data:{tokens}}: the reading wallet-envelope = custom-response. Source: ${DOC_PAGES.errorHandling}.`,
  ...customResponseOf(TokenPairSchema),
} as const;

/** The login-response schema under a profile (reading wallet-envelope). */
export function loginResponseFor(readings: Readings): object {
  return readings['wallet-envelope'] === 'custom-response' ? LoginCustomResponseSchema : LoginResponseSchema;
}
