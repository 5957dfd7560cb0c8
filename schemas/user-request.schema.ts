import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { NonEmptyStringSchema } from './primitives';
import { schemaId } from './schema-id';

const InvitationCodeSchema = {
  ...NonEmptyStringSchema,
  description: 'Its presence selects ExternalUserRegistrationDto.',
} as const;

/** ExternalUserRegistrationDto (the quickstart's invitation flow). */
const ExternalUserRegistrationProperties = {
  deviceId: NonEmptyStringSchema,
  invitationCode: InvitationCodeSchema,
  username: NonEmptyStringSchema,
  password: { ...NonEmptyStringSchema, description: 'Never log it.' },
  confirmPassword: NonEmptyStringSchema,
  nit: { type: 'string' },
  termsAndConditionsAccepted: { type: 'boolean' },
} as const;

/** CreateUserDto: the fields visible before the page is cut. */
const CreateUserProperties = {
  firstName: { type: 'string' },
  lastName: { type: 'string' },
  address: { type: 'string' },
  countryOfBirth: { type: 'string', description: 'The Wallet Gateway example uses alpha-3 (GTM).' },
  placeOfBirth: { type: 'string' },
  gender: { type: 'string', description: 'e.g. M.' },
  maritalStatus: { type: 'string', description: 'e.g. soltero.' },
  phoneNumber: { type: 'string' },
  username: { type: 'string' },
} as const;

export const UserRequestSchema = {
  $id: schemaId('user-request'),
  description: `Wallet Gateway cardholder registration request (POST /users). Sent with the app JWT (USER_REGISTRATION permission), no x-user-token. Two modes: with invitationCode it is ExternalUserRegistrationDto (deviceId, invitationCode, username as email, password, confirmPassword required; nit, termsAndConditionsAccepted optional); without it, CreateUserDto. Source: ${DOC_PAGES.cardholderManagement} and ${DOC_PAGES.quickstart}. UNSURE: CreateUserDto's field list is cut and shows no required flags, so nothing is required in that mode; confirmPassword must equal password (not expressible here).`,
  type: 'object',
  properties: { ...ExternalUserRegistrationProperties, ...CreateUserProperties },
  if: { properties: { invitationCode: InvitationCodeSchema }, required: ['invitationCode'] },
  then: {
    properties: { ...ExternalUserRegistrationProperties, username: { type: 'string', format: 'email' } },
    required: ['deviceId', 'invitationCode', 'username', 'password', 'confirmPassword'],
  },
} as const;
export type UserRequest = FromSchema<typeof UserRequestSchema>;
