import type { FromSchema } from 'json-schema-to-ts';
import { customResponseOf } from './custom-response.schema';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const CmsUserLoginResponseSchema = {
  $id: schemaId('cms-user-login-response'),
  description: `CMS user session {success:true, data:{id, accessToken, refreshToken, email, name}}. Answer of POST /cms/rest/app/users/login; send the accessToken as x-user-token: Bearer <token>. Source: ${DOC_PAGES.cmsUsers}.`,
  ...customResponseOf({
    type: 'object',
    required: ['id', 'accessToken', 'refreshToken', 'email', 'name'],
    properties: {
      id: { type: 'integer', description: 'CMS user id (the example shows 1).' },
      accessToken: NonEmptyStringSchema,
      refreshToken: NonEmptyStringSchema,
      email: { type: 'string', format: 'email' },
      name: { type: 'string' },
    },
  }),
} as const;
export type CmsUserLoginResponse = FromSchema<typeof CmsUserLoginResponseSchema>;
