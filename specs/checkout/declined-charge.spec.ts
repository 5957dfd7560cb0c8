/**
 * A declined charge (go-live recommended scenarios) ends `denied` on the return URL and in the Merchant Generic
 * Callback, and is never fulfilled as approved. The decline reason is not part of either (hosted-webview and
 * create-payment-link pages show only uid, status, reference), so each decline card is checked the same way.
 */
import { test, goLive } from '../../fixtures';
import { charge, expectOutcome, type CardOutcome } from './charge';

const DECLINES: readonly { outcome: CardOutcome; reason: string }[] = [
  { outcome: 'declinedGeneric', reason: 'a generic decline' },
  { outcome: 'declinedInsufficientFunds', reason: 'insufficient funds' },
  { outcome: 'declinedExpiredCard', reason: 'an expired card' },
];

for (const { outcome, reason } of DECLINES) {
  test(
    `ends denied on ${reason}: return URL and callback, never fulfilled as approved`,
    goLive('GL-SCN-02', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01'),
    async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
      requires('middleware', 'webview', 'cardholder', 'callback', `card:${outcome}`);
      const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
      expectOutcome(await charge(fixtures, outcome), callbacks, 'denied');
    },
  );
}
