/**
 * The happy-path charge of the go-live matrix: Payment Link → hosted checkout → the return URL carries `uid`,
 * `status`, `reference` (hosted-webview page) → the Merchant Generic Callback says approved (create-payment-link
 * page). Both carry the identifiers of the create response. Safe in production: one capped charge with the
 * disposable cardholder's card (go-live cutover).
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { expectCallback, mayBeCallbackOf } from '../webhooks/received-deliveries';
import { expectNoCardData } from './card-data';
import { charge } from './charge';

test(
  'approves a charge: link → pay → return URL → callback approved',
  prodSafe(goLive('GL-SCN-01', 'GL-INT-02', 'GL-OBS-03', 'GL-INT-01', 'GL-CUT-04')),
  async ({ api, page, payer, callbacks, cardholder, migoConfig, requires }) => {
    requires('middleware', 'webview', 'cardholder', 'callback', 'card:approved');
    const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
    const { link, card, paid, responses, callback } = await charge(fixtures, 'approved');

    expect(paid.query, "the return URL carries the create response's uid and reference").toEqual({
      uid: link.uid,
      reference: link.reference,
      status: 'approved',
    });
    expectCallback(callback, { uid: link.uid, reference: link.reference, status: 'approved' });
    expect(
      callbacks.fulfilments.filter((f) => f.uid === link.uid).map((f) => f.status),
      'the order is fulfilled once, as approved',
    ).toEqual(['approved']);
    // Every delivery for this link (redeliveries too), not only the first.
    const delivered = callbacks.deliveries.filter(mayBeCallbackOf(link.uid));
    expectNoCardData(card, { returnUrl: paid.returnUrl, responses, callbacks: delivered });
  },
);
