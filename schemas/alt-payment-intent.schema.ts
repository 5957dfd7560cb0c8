import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { middlewareSuccessOf } from './middleware-success.schema';
import { schemaId } from './schema-id';

export const AltPaymentIntentSchema = {
  $id: schemaId('alt-payment-intent'),
  description: `Alternative Payments payment intent {success:true, data}, data null or {requiredFields}. data is null for processors that are not special-cased; the special-cased ones are globalPay-PSE, fri and nequi. Source: ${DOC_PAGES.altPaymentIntents}. The requiredFields entries are processor-specific (fri: {phoneNumber:{description, required}, user:{...}, note}). UNSURE: only fri's answer is shown (the globalPay-PSE and nequi parts of the page are cut), so any object is accepted as data and only a requiredFields that is present must be an object.`,
  ...middlewareSuccessOf({
    type: ['object', 'null'],
    properties: { requiredFields: { type: 'object', description: 'Processor-specific field hints.' } },
  }),
} as const;
export type AltPaymentIntent = FromSchema<typeof AltPaymentIntentSchema>;
