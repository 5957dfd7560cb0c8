import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { middlewareSuccessOf } from './middleware-success.schema';
import { schemaId } from './schema-id';

/** How the merchant must render the payment instruction (choose-flow also lists base64). */
export const PAYLOAD_KINDS = ['url', 'qr', 'html', 'payButton', 'json', 'base64'] as const;

export const AltPaymentSchema = {
  $id: schemaId('alt-payment'),
  description: `Alternative Payments payment instruction, whose data.type says how to render data.data. The body is {success:true, message, data:{transaction_id, type, data, cancelAt}}, type one of ${PAYLOAD_KINDS.join(' | ')}. Source: ${DOC_PAGES.altProcessPayment}, ${DOC_PAGES.recipesTemplate} and ${DOC_PAGES.chooseFlow} (base64). An unknown kind fails even though clients ignore unknown enum values elsewhere: a kind the integration cannot render breaks the checkout. UNSURE: the body is processor-specific; only quickPayQR's is shown, so only type and data are required.`,
  ...middlewareSuccessOf({
    type: 'object',
    required: ['type', 'data'],
    properties: {
      transaction_id: { type: 'string', description: "The processor's transaction id." },
      type: { enum: PAYLOAD_KINDS, description: 'Payload kind: the discriminator for data.data.' },
      data: { description: 'The instruction itself: a URL, QR string, HTML, button, JSON or base64 image.' },
      cancelAt: { description: 'Shown as null; type otherwise undocumented.' },
    },
  }),
} as const;
export type AltPayment = FromSchema<typeof AltPaymentSchema>;
