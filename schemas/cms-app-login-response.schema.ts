import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

export const CmsAppLoginResponseSchema = {
  $id: schemaId('cms-app-login-response'),
  description: `CMS app login response, whose data carries the app accessToken (POST /cms/rest/app/auth/login). The token is sent as Authorization: Bearer on every CMS call. Source: ${DOC_PAGES.cmsUsers}. UNSURE: the shape is not visible ("app token"); both the CustomResponse form {success:true, data} and the quickstart form {statusCode:200, message, data} are accepted, and only data.accessToken is required.`,
  type: 'object',
  required: ['data'],
  properties: {
    success: { const: true },
    statusCode: { const: 200 },
    message: { type: 'string' },
    data: {
      type: 'object',
      required: ['accessToken'],
      properties: {
        accessToken: NonEmptyStringSchema,
        refreshToken: NonEmptyStringSchema,
        expirationToken: { type: 'integer' },
        expirationRefreshToken: { type: 'integer' },
      },
    },
  },
} as const;
export type CmsAppLoginResponse = FromSchema<typeof CmsAppLoginResponseSchema>;
