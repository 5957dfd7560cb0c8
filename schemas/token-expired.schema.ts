import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { catalogEntry } from './error-catalog';
import { schemaId } from './schema-id';

const TOKEN_EXPIRED = catalogEntry('TOKEN_EXPIRED').code;
const IS_TOKEN_EXPIRED = { const: TOKEN_EXPIRED } as const;

export const TokenExpiredSchema = {
  $id: schemaId('token-expired'),
  description: `401 body of an expired access token, carrying ${TOKEN_EXPIRED}. The string appears as message, error, code, or in errors[].code / errors[].message. Source: ${DOC_PAGES.goLive} ("refresh on 401 ${TOKEN_EXPIRED}"). UNSURE: where the string sits is not documented, so every plausible place is accepted (the simulator sends {"statusCode":401,"message":"${TOKEN_EXPIRED}","error":"Unauthorized"}).`,
  type: 'object',
  properties: {
    statusCode: { const: 401 },
    message: { type: 'string' },
    error: { type: 'string' },
    code: { type: 'string' },
    success: { const: false },
    errors: { type: 'array', items: { type: 'object', properties: { code: {}, message: {} } } },
  },
  anyOf: [
    { required: ['message'], properties: { message: IS_TOKEN_EXPIRED } },
    { required: ['error'], properties: { error: IS_TOKEN_EXPIRED } },
    { required: ['code'], properties: { code: IS_TOKEN_EXPIRED } },
    {
      required: ['errors'],
      properties: {
        errors: {
          type: 'array',
          contains: {
            type: 'object',
            anyOf: [
              { required: ['code'], properties: { code: IS_TOKEN_EXPIRED } },
              { required: ['message'], properties: { message: IS_TOKEN_EXPIRED } },
            ],
          },
        },
      },
    },
  ],
} as const;
export type TokenExpired = FromSchema<typeof TokenExpiredSchema>;
