/**
 * The happy-path charge of the go-live matrix: Payment Link → hosted checkout → the return URL carries `uid`,
 * `status`, `reference` (hosted-webview page) → the Merchant Generic Callback says approved (create-payment-link
 * page). Both carry the identifiers of the create response. Safe in production: one capped charge with the
 * disposable cardholder's card (go-live cutover).
 */
import { test, goLive, prodSafe } from '../../fixtures';
import { charge, expectOutcome } from './charge';

test(
  'approves a charge: link → pay → return URL → callback approved',
  prodSafe(goLive('GL-SCN-01', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01', 'GL-CUT-04')),
  async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
    requires('middleware', 'webview', 'cardholder', 'callback', 'card:approved');
    const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
    expectOutcome(await charge(fixtures, 'approved'), callbacks, 'approved');
  },
);
