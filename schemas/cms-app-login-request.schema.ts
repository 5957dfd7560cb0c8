import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const CmsAppLoginRequestSchema = {
  $id: schemaId('cms-app-login-request'),
  description: `CMS app login request {merchant} (POST /cms/rest/app/auth/login). Source: ${DOC_PAGES.cmsUsers} (example {"merchant": "merchant-abc123"}). UNSURE: whether a signature is sent as on the Wallet Gateway is not visible (extra fields are accepted).`,
  type: 'object',
  required: ['merchant'],
  properties: { merchant: NonEmptyStringSchema },
} as const;
export type CmsAppLoginRequest = FromSchema<typeof CmsAppLoginRequestSchema>;
