import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const RefreshRequestSchema = {
  $id: schemaId('refresh-request'),
  description: `Token refresh request {refreshToken}. The CMS documents POST /app/auth/refresh and /app/users/refresh with this body. Source: ${DOC_PAGES.cmsUsers} and ${DOC_PAGES.goLive} (refresh on 401 TOKEN_EXPIRED; refresh tokens are single-use). UNSURE: the Wallet Gateway refresh path (/auth/refresh) and body are not visible; presumed the same.`,
  type: 'object',
  required: ['refreshToken'],
  properties: { refreshToken: NonEmptyStringSchema },
} as const;
export type RefreshRequest = FromSchema<typeof RefreshRequestSchema>;
