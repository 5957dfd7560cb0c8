/**
 * 3-D Secure (go-live recommended scenarios): a 3-D Secure card goes through the issuer challenge; an approved
 * challenge ends approved, a failed one ends denied, on the return URL and in the Merchant Generic Callback.
 * The payer fails the spec when the challenge it is told to answer never appears.
 */
import { test, expect, goLive } from '../../fixtures';
import { expectCallback, mayBeCallbackOf } from '../webhooks/received-deliveries';
import { expectNoCardData } from './card-data';
import { charge } from './charge';

test.describe('3-D Secure challenge', () => {
  test(
    'ends approved when the issuer challenge is approved',
    goLive('GL-SCN-03', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01'),
    async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
      requires('middleware', 'webview', 'cardholder', 'callback', 'card:threeDsApproved');
      const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
      const { link, card, paid, responses, callback } = await charge(fixtures, 'threeDsApproved', {
        threeDs: 'approve',
      });

      expect(paid.query, 'the return URL says approved').toEqual({
        uid: link.uid,
        reference: link.reference,
        status: 'approved',
      });
      expectCallback(callback, { uid: link.uid, reference: link.reference, status: 'approved' });
      // Every delivery for this link (redeliveries too), not only the first.
      const delivered = callbacks.deliveries.filter(mayBeCallbackOf(link.uid));
      expectNoCardData(card, { returnUrl: paid.returnUrl, responses, callbacks: delivered });
    },
  );

  test(
    'ends denied when the issuer challenge fails',
    goLive('GL-SCN-03', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01'),
    async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
      requires('middleware', 'webview', 'cardholder', 'callback', 'card:threeDsFailed');
      const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
      const { link, card, paid, responses, callback } = await charge(fixtures, 'threeDsFailed', {
        threeDs: 'fail',
      });

      expect(paid.query, 'the return URL says denied').toEqual({
        uid: link.uid,
        reference: link.reference,
        status: 'denied',
      });
      expectCallback(callback, { uid: link.uid, reference: link.reference, status: 'denied' });
      expect(
        callbacks.fulfilments.filter((f) => f.uid === link.uid).map((f) => f.status),
        'a failed challenge is never fulfilled as approved',
      ).toEqual(['denied']);
      // Every delivery for this link (redeliveries too), not only the first.
      const delivered = callbacks.deliveries.filter(mayBeCallbackOf(link.uid));
      expectNoCardData(card, { returnUrl: paid.returnUrl, responses, callbacks: delivered });
    },
  );
});
