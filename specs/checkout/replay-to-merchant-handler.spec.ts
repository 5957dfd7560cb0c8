/**
 * The merchant's own callback handler (MIGO_MERCHANT_HANDLER_URL) acknowledges a Merchant Generic Callback
 * with 2xx quickly and offloads heavy work (go-live webhooks), and treats a replay as a duplicate (go-live:
 * "Webhook handler is idempotent"). A real delivery of a real charge, as Migo sent it, is sent to it twice, byte
 * for byte: both answers must be 2xx within MIGO_HANDLER_BUDGET_MS, and where MIGO_MERCHANT_FULFILMENT_URL says
 * how many times the order was fulfilled, it must be once. The synthetic probes of every other case (older
 * status, malformed and oversized bodies, the certificate) are specs/webhooks/merchant-handler.spec.ts.
 */
import { test, expect, goLive, merchantProbe } from '../../fixtures';
import { expectCallback } from '../webhooks/received-deliveries';
import { charge } from './charge';

// Decided before the test's fixtures: a target without the merchant's handler skips it without opening a page.
test.beforeEach(({ requires }) =>
  requires('merchantHandler', 'middleware', 'webview', 'cardholder', 'callback', 'card:approved'),
);

test(
  'answers a delivery and its replay with 2xx within the handler budget',
  goLive('GL-WH-03', 'GL-ERR-02', 'GL-SCN-04'),
  async ({ api, page, payer, callbacks, cardholder, migoConfig }) => {
    const fixtures = { api, page, payer, callbacks, cardholder, migoConfig };
    const { link, callback } = await charge(fixtures, 'approved');
    expectCallback(
      callback,
      { uid: link.uid, reference: link.reference, status: 'approved', flow: 'payment-link' },
      migoConfig.readings,
    );

    const { handlerUrl, handlerBudgetMs, fulfilmentUrl } = migoConfig.callback;
    for (const copy of ['the delivery', 'its replay']) {
      // replayTo fails the spec itself when the handler answers later than the budget or not at all.
      const answer = await callbacks.replayTo(handlerUrl!, callback, { timeoutMs: handlerBudgetMs });
      expect(answer.status, `the handler acknowledges ${copy} with 2xx`).toBeGreaterThanOrEqual(200);
      expect(answer.status, `the handler acknowledges ${copy} with 2xx`).toBeLessThan(300);
    }
    if (!fulfilmentUrl) return;
    const fulfilments = async () =>
      (await merchantProbe.readFulfilments(fulfilmentUrl, link.uid, migoConfig.timeouts.requestMs))
        .fulfilments;
    // The work may be offloaded: wait for the first fulfilment, then the replay must have added none.
    await expect
      .poll(fulfilments, {
        message: `your handler fulfils ${link.uid} (MIGO_MERCHANT_FULFILMENT_URL)`,
        timeout: migoConfig.timeouts.callbackMs,
      })
      .toBeGreaterThanOrEqual(1);
    expect(
      await fulfilments(),
      `your handler fulfilled ${link.uid} again on its replay (MIGO_MERCHANT_FULFILMENT_URL): it is not idempotent`,
    ).toBe(1);
  },
);
