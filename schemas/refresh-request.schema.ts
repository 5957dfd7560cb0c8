import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

export const RefreshRequestSchema = {
  $id: schemaId('refresh-request'),
  description: `Token refresh request {refreshToken}. The CMS documents POST /app/auth/refresh and /app/users/refresh with this body. Source: ${DOC_PAGES.cmsUsers} and ${DOC_PAGES.goLive} (refresh on 401 TOKEN_EXPIRED; refresh tokens are single-use). UNSURE: the Wallet Gateway refresh path and body are not visible: the readings wallet-refresh-path and wallet-refresh-body, whose default body is this one.`,
  type: 'object',
  required: ['refreshToken'],
  properties: { refreshToken: NonEmptyStringSchema },
} as const;
export type RefreshRequest = FromSchema<typeof RefreshRequestSchema>;

/** No body: the refresh token travels in Authorization (reading wallet-refresh-body = authorization-header). */
const RefreshWithoutBodySchema = {
  $id: variantSchemaId('refresh-request', 'authorization-header'),
  description: `Token refresh without a body: the refresh token is sent as Authorization: Bearer <refresh token> (reading wallet-refresh-body = authorization-header). Source: ${DOC_PAGES.environments}.`,
} as const;

/** The refresh-request schema under a profile (reading wallet-refresh-body). */
export function refreshRequestFor(readings: Readings): object {
  return readings['wallet-refresh-body'] === 'authorization-header'
    ? RefreshWithoutBodySchema
    : RefreshRequestSchema;
}
