/**
 * PANs are stored tokenized and never echoed; a CVV is never stored or sent on (security page). After a card
 * payment the merchant holds only what the return URL and the Merchant Generic Callback carry, and the browser
 * only what the checkout served: none of it may hold the PAN or the CVV, whatever the card brand. Every
 * checkout spec runs the same check; this one adds a second brand.
 */
import { test, goLive } from '../../fixtures';
import { mayBeCallbackOf } from '../webhooks/received-deliveries';
import { expectNoCardData } from './card-data';
import { charge } from './charge';

test(
  'leaves no PAN or CVV of a Mastercard charge in the return URL, the checkout pages or the callback',
  goLive('GL-OBS-03', 'GL-INT-01'),
  async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
    requires('middleware', 'webview', 'cardholder', 'callback', 'card:approvedMastercard');
    const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
    const { link, card, paid, responses } = await charge(fixtures, 'approvedMastercard');
    // Every delivery of this transaction, not only the first, and any the receiver could not attribute.
    const delivered = callbacks.deliveries.filter(mayBeCallbackOf(link.uid));
    expectNoCardData(card, { returnUrl: paid.returnUrl, responses, callbacks: delivered });
  },
);
