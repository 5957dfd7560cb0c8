/**
 * A replayed delivery (the same bytes sent again, by Migo or by anyone holding a copy) must be answered 2xx so
 * the sender stops, and must not fulfil the order a second time (go-live: "Webhook handler is idempotent").
 */
import { test, expect, goLive } from '../../fixtures';
import { completedPayment } from './completed-payment';
import { collectDeliveries, describeDeliveries, expectCallback } from './received-deliveries';

test.describe('Merchant Generic Callback replay', () => {
  test(
    'answers a replayed delivery 2xx and does not fulfil it again',
    goLive('GL-SCN-04', 'GL-ERR-02'),
    async ({ api, sim, callbacks, cardholder, migoConfig, requires }) => {
      requires('middleware', 'callback');
      const payment = await completedPayment(api, sim, {
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const [original] = await collectDeliveries(callbacks, 1, { timeoutMs: migoConfig.timeouts.callbackMs });
      expectCallback(original!, payment, migoConfig.readings);

      const replay = await callbacks.replayTo(callbacks.url, original!, {
        timeoutMs: migoConfig.callback.handlerBudgetMs,
      });

      expect(replay.status, 'the replay is acknowledged with 2xx').toBeGreaterThanOrEqual(200);
      expect(replay.status, 'the replay is acknowledged with 2xx').toBeLessThan(300);
      const replayed = callbacks.deliveries.filter((d) => d.seq > original!.seq);
      expect(
        replayed.map((d) => d.duplicateOf),
        'the replay is recorded as a copy',
      ).toEqual([original!.seq]);
      expect(
        callbacks.fulfilments.filter((f) => f.uid === payment.uid),
        `fulfilled once; deliveries: ${describeDeliveries(callbacks.deliveries)}`,
      ).toHaveLength(1);
    },
  );
});
