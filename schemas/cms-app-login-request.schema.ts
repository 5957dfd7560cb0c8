import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { LoginSignatureSchema } from './login-request.schema';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

export const CmsAppLoginRequestSchema = {
  $id: schemaId('cms-app-login-request'),
  description: `CMS app login request {merchant} (POST /cms/rest/app/auth/login). Source: ${DOC_PAGES.cmsUsers} (example {"merchant": "merchant-abc123"}). UNSURE: whether a signature is sent as on the Wallet Gateway is not visible: the reading cms-app-login-body, whose default is this {merchant} body (extra fields are accepted).`,
  type: 'object',
  required: ['merchant'],
  properties: { merchant: NonEmptyStringSchema },
} as const;
export type CmsAppLoginRequest = FromSchema<typeof CmsAppLoginRequestSchema>;

/** The app login signed as the Wallet Gateway login (reading cms-app-login-body = merchant-signature). */
const CmsAppLoginSignedSchema = {
  $id: variantSchemaId('cms-app-login-request', 'merchant-signature'),
  description: `CMS app login request {merchant, signature}, signed as the Wallet Gateway login (reading cms-app-login-body = merchant-signature). Source: ${DOC_PAGES.apiReferenceIndex} (CMS "JWT (Ed25519) + user session").`,
  type: 'object',
  required: ['merchant', 'signature'],
  properties: { merchant: NonEmptyStringSchema, signature: LoginSignatureSchema },
} as const;

/** The cms-app-login-request schema under a profile (reading cms-app-login-body). */
export function cmsAppLoginRequestFor(readings: Readings): object {
  return readings['cms-app-login-body'] === 'merchant-signature'
    ? CmsAppLoginSignedSchema
    : CmsAppLoginRequestSchema;
}
