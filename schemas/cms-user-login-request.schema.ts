import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const CmsUserLoginRequestSchema = {
  $id: schemaId('cms-user-login-request'),
  description: `CMS user login request {email, password} (POST /cms/rest/app/users/login). Sent with Authorization: Bearer <app token>. Source: ${DOC_PAGES.cmsUsers}.`,
  type: 'object',
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', format: 'email' },
    password: { ...NonEmptyStringSchema, description: 'Never log it.' },
  },
} as const;
export type CmsUserLoginRequest = FromSchema<typeof CmsUserLoginRequestSchema>;
