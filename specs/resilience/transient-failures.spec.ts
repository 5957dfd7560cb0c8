/**
 * Transient upstream failures (502 unreachable, 503 outage, 504 timeout: error-handling page) are retried with
 * exponential backoff and jitter where repeating is safe; a POST that moves money is never repeated blindly after
 * one (go-live page: client-side retries on transient failures; operations.ts marks what is repeatable).
 */
import { test, expect, goLive } from '../../fixtures';

test.describe('Transient upstream failures', () => {
  test(
    'retries 502, 503 and 504 on a repeatable operation with jittered exponential backoff, then succeeds',
    goLive('GL-ERR-03'),
    async ({ api, sim, requires }) => {
      requires('walletGateway');
      for (const kind of ['502', '503', '504'] as const)
        await sim.addFault({ route: 'GET /health', kind, count: 1 });
      const health = await api.wallet.health();
      expect(health.status).toBe(200);
      expect(health.attempts.map((a) => a.status)).toEqual([502, 503, 504, 200]);
      const { baseDelayMs, maxDelayMs } = api.ctx.retry;
      health.attempts.slice(0, 3).forEach((attempt, i) => {
        // Full jitter: each wait is random, but never above the exponential ceiling of its attempt.
        const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** i);
        expect(attempt.waitedMs, `wait after attempt ${i + 1}`).toBeGreaterThanOrEqual(0);
        expect(attempt.waitedMs, `wait after attempt ${i + 1}`).toBeLessThanOrEqual(ceiling);
      });
    },
  );

  test(
    'does not repeat a Payment Link create answered 503',
    goLive('GL-ERR-03'),
    async ({ api, sim, cardholder, migoConfig, requires }) => {
      requires('middleware');
      await sim.addFault({ route: 'POST /transactions', kind: '503', count: 1 });
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      // The 503 may come after the charge was created upstream: the caller decides, after checking the order.
      expect(link.status).toBe(503);
      expect(link.attempts).toHaveLength(1);
    },
  );
});
