import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { middlewareSuccessOf } from './middleware-success.schema';
import { schemaId } from './schema-id';

export const AltPaymentIntentSchema = {
  $id: schemaId('alt-payment-intent'),
  description: `Alternative Payments payment intent {success:true, data}, data null or {requiredFields}. data is null for processors that need nothing, else {requiredFields} (special-cased: globalPay-PSE, fri, nequi). Source: ${DOC_PAGES.altPaymentIntents}. The requiredFields entries are processor-specific (fri: {phoneNumber:{description, required}, user:{...}, note}).`,
  ...middlewareSuccessOf({
    type: ['object', 'null'],
    required: ['requiredFields'],
    properties: { requiredFields: { type: 'object', description: 'Processor-specific field hints.' } },
  }),
} as const;
export type AltPaymentIntent = FromSchema<typeof AltPaymentIntentSchema>;
