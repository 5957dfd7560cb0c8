import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { schemaId } from './schema-id';

export const AuthErrorSchema = {
  $id: schemaId('auth-error'),
  description: `401/403 body from an auth guard or the Middleware authorizer: an object with a string message. Source: ${DOC_PAGES.errorHandling} (401 missing/expired/invalid JWT, 403 permission denied) and ${DOC_PAGES.cmsOverview} (unassigned partner: 403 FORBIDDEN). UNSURE: the body is not documented; accepted forms include {"message":"Unauthorized"} and {"statusCode":401,"message":"Unauthorized"}.`,
  type: 'object',
  required: ['message'],
  properties: {
    statusCode: { enum: [401, 403] },
    message: { type: 'string' },
    error: { type: 'string' },
  },
} as const;
export type AuthError = FromSchema<typeof AuthErrorSchema>;
