/**
 * A non-2xx answer or a timeout is a delivery failure and the sender retries it (go-live page, webhooks); the
 * handler then fulfils the retried delivery once. The merchant-generic-callback page says Migo has "no
 * standardized retry semantics", so the schedule is not asserted: only that a retry comes.
 */
import { test, expect, goLive } from '../../fixtures';
import { completedPayment } from './completed-payment';
import { collectDeliveries, describeDeliveries, expectCallback } from './received-deliveries';

/** Short enough to keep the spec fast; long enough that a prompt answer never trips it on a busy machine. */
const SENDER_TIMEOUT_MS = 300;

test.describe('Merchant Generic Callback retries', () => {
  test.beforeEach(({ requires }) => requires('middleware', 'callback'));

  test(
    'retries a delivery answered 503 and the retry is fulfilled once',
    goLive('GL-WH-03'),
    async ({ api, sim, callbacks, cardholder, migoConfig }) => {
      callbacks.failNext(1, 503);
      const payment = await completedPayment(api, sim, {
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const [failed, retried] = await collectDeliveries(callbacks, 2, {
        timeoutMs: migoConfig.timeouts.callbackMs,
        what: 'a delivery answered 503 and its retry',
      });

      expect(failed!.answeredWith, 'the first delivery was refused on purpose').toBe(503);
      expect((failed!.body as { uid?: unknown }).uid, 'the refused delivery is for this payment').toBe(
        payment.uid,
      );
      expectCallback(retried!, payment, migoConfig.readings);
      expect(
        callbacks.fulfilments.filter((f) => f.uid === payment.uid),
        `fulfilled once; deliveries: ${describeDeliveries(callbacks.deliveries)}`,
      ).toHaveLength(1);

      // The sender writes its log once it has the answer, a moment after the receiver recorded the delivery.
      await expect
        .poll(async () =>
          (await sim.deliveries())
            .filter((d) => d.uid === payment.uid)
            .map((d) => [d.attempt, d.responseStatus ?? d.error]),
        )
        .toEqual([
          [1, 503],
          [2, 200],
        ]);
    },
  );

  test(
    'retries a delivery the handler did not answer in time',
    goLive('GL-WH-03'),
    async ({ api, sim, callbacks, cardholder, migoConfig, migoTarget }) => {
      const slug = migoTarget.credentials.middleware!.clientSlug;
      await sim.configureClient(slug, { callback: { url: callbacks.url, timeoutMs: SENDER_TIMEOUT_MS } });
      // The first delivery is held unanswered until the retry arrives: the sender must give up on it first.
      let release: (status: number) => void = () => undefined;
      const held = new Promise<number>((resolve) => (release = resolve));
      let calls = 0;
      callbacks.respondWith(() => {
        calls += 1;
        if (calls === 1) return held;
        release(503);
        return 200;
      });
      try {
        const payment = await completedPayment(api, sim, {
          userId: cardholder.userId,
          amount: migoConfig.charge.amount,
        });
        const [retried] = await collectDeliveries(callbacks, 1, {
          timeoutMs: migoConfig.timeouts.callbackMs,
          accept: (d) => d.answeredWith === 200,
          what: 'a retry of the delivery left unanswered',
        });
        expectCallback(retried!, payment, migoConfig.readings);

        await expect
          .poll(async () => (await sim.deliveries()).filter((d) => d.uid === payment.uid).length)
          .toBeGreaterThanOrEqual(2);
        const log = (await sim.deliveries()).filter((d) => d.uid === payment.uid);
        expect(log[0], 'the first attempt failed on the timeout').toMatchObject({ attempt: 1 });
        expect(log[0]!.error ?? '', 'the first attempt failed on the timeout').toMatch(/timeout/i);
        expect(
          log.slice(1).some((d) => d.responseStatus === 200),
          `a later attempt was answered 200: ${JSON.stringify(log)}`,
        ).toBe(true);
        expect(callbacks.fulfilments.filter((f) => f.uid === payment.uid)).toHaveLength(1);
      } finally {
        release(503);
      }
    },
  );
});
