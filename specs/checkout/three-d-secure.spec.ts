/**
 * 3-D Secure (go-live recommended scenarios): a 3-D Secure card goes through the issuer challenge; an approved
 * challenge ends approved, a failed one ends denied, on the return URL and in the Merchant Generic Callback.
 * The payer fails the spec when the challenge it is told to answer never appears.
 */
import { test, goLive } from '../../fixtures';
import { charge, expectOutcome } from './charge';

test.describe('3-D Secure challenge', () => {
  test(
    'ends approved when the issuer challenge is approved',
    goLive('GL-SCN-03', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01'),
    async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
      requires('middleware', 'webview', 'cardholder', 'callback', 'card:threeDsApproved');
      const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
      const result = await charge(fixtures, 'threeDsApproved', { threeDs: 'approve' });
      expectOutcome(result, callbacks, 'approved');
    },
  );

  test(
    'ends denied when the issuer challenge fails',
    goLive('GL-SCN-03', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01'),
    async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
      requires('middleware', 'webview', 'cardholder', 'callback', 'card:threeDsFailed');
      const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
      const result = await charge(fixtures, 'threeDsFailed', { threeDs: 'fail' });
      expectOutcome(result, callbacks, 'denied');
    },
  );
});
