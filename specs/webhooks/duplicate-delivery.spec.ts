/**
 * Deliveries are at-least-once (go-live page): the same event can arrive more than once, and the handler dedupes
 * on a stable identifier from the body (`uid`), so every copy must carry the same `uid` and `reference`.
 */
import { test, expect, goLive } from '../../fixtures';
import { completedPayment } from './completed-payment';
import { collectDeliveries, describeDeliveries, expectCallback } from './received-deliveries';

const DUPLICATES = 2;

test.describe('Merchant Generic Callback redelivery', () => {
  test(
    'redelivers an event with the same uid and reference, and the handler fulfils it once',
    goLive('GL-SCN-04', 'GL-ERR-02'),
    async ({ api, sim, callbacks, cardholder, migoConfig, migoTarget, requires }) => {
      requires('middleware', 'callback');
      const slug = migoTarget.credentials.middleware!.clientSlug;
      await sim.configureClient(slug, { callback: { url: callbacks.url, duplicates: DUPLICATES } });

      const payment = await completedPayment(api, sim, {
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const deliveries = await collectDeliveries(callbacks, 1 + DUPLICATES, {
        timeoutMs: migoConfig.timeouts.callbackMs,
      });

      for (const delivery of deliveries) expectCallback(delivery, payment, migoConfig.readings);
      const fulfilled = callbacks.fulfilments.filter((f) => f.uid === payment.uid);
      expect(fulfilled, `one fulfilment; deliveries: ${describeDeliveries(deliveries)}`).toHaveLength(1);
      expect(fulfilled[0]!.redeliveries, 'the redeliveries are recorded against it').toBe(DUPLICATES);
      expect(
        deliveries.slice(1).map((d) => d.duplicateOf),
        'every redelivery is recognised as a copy of the first',
      ).toEqual(Array(DUPLICATES).fill(deliveries[0]!.seq));
    },
  );
});
