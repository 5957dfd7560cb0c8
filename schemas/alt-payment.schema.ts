import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';
import { middlewareSuccessOf } from './middleware-success.schema';
import type { Readings } from './readings';
import { schemaId, variantSchemaId } from './schema-id';

/** How the merchant must render the payment instruction (choose-flow also lists base64). */
export const PAYLOAD_KINDS = ['url', 'qr', 'html', 'payButton', 'json', 'base64'] as const;

/** `data` of the answer, with the `type` field as the reading payload-type-enum has it. */
function instruction<const T extends object>(type: T) {
  return {
    type: 'object',
    required: ['type', 'data'],
    properties: {
      transaction_id: { type: 'string', description: "The processor's transaction id." },
      type,
      data: { description: 'The instruction itself: a URL, QR string, HTML, button, JSON or base64 image.' },
      cancelAt: { description: 'Shown as null; type otherwise undocumented.' },
    },
  } as const;
}

export const AltPaymentSchema = {
  $id: schemaId('alt-payment'),
  description: `Alternative Payments payment instruction, whose data.type says how to render data.data. The body is {success:true, message, data:{transaction_id, type, data, cancelAt}}, type one of ${PAYLOAD_KINDS.join(' | ')}. Source: ${DOC_PAGES.altProcessPayment}, ${DOC_PAGES.recipesTemplate} and ${DOC_PAGES.chooseFlow} (base64). An unknown kind fails even though clients ignore unknown enum values elsewhere: a kind the integration cannot render breaks the checkout (the default of the reading payload-type-enum, closed). UNSURE: the body is processor-specific; only quickPayQR's is shown, so only type and data are required.`,
  ...middlewareSuccessOf(
    instruction({ enum: PAYLOAD_KINDS, description: 'Payload kind: the discriminator for data.data.' }),
  ),
} as const;
export type AltPayment = FromSchema<typeof AltPaymentSchema>;

/** The payment instruction with an open payload kind (reading payload-type-enum = open). */
const AltPaymentOpenKindSchema = {
  $id: variantSchemaId('alt-payment', 'open-payload-type'),
  description: `Alternative Payments payment instruction whose data.type may be a kind the docs do not list, which clients ignore (reading payload-type-enum = open). Source: ${DOC_PAGES.versioning} and ${DOC_PAGES.altProcessPayment}.`,
  ...middlewareSuccessOf(
    instruction({
      type: 'string',
      minLength: 1,
      [DOCUMENTED_VALUES]: PAYLOAD_KINDS,
      description: 'Payload kind: the discriminator for data.data; an unknown kind is a new enum value.',
    }),
  ),
} as const;

/** The alt-payment schema under a profile (reading payload-type-enum). */
export function altPaymentFor(readings: Readings): object {
  return readings['payload-type-enum'] === 'open' ? AltPaymentOpenKindSchema : AltPaymentSchema;
}
