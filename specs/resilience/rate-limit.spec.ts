/**
 * "429 Too Many Requests is possible if an edge throttle applies; exponential backoff is recommended" (environments
 * page). The edge answers a 429 before the request is processed, so the client repeats even a money-moving POST,
 * and waits at least what `Retry-After` asks. Faults come from the simulator's control API.
 */
import { test, expect, goLive } from '../../fixtures';

test.describe('429 Too Many Requests', () => {
  test(
    'retries a throttled Payment Link create after the Retry-After wait, then creates it',
    goLive('GL-RATE-02', 'GL-ERR-03'),
    async ({ api, sim, cardholder, migoConfig, requires }) => {
      requires('middleware');
      const retryAfterSec = 1;
      await sim.addFault({ route: 'POST /transactions', kind: '429', count: 1, retryAfterSec });
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.status).toBe(200);
      expect(api.paymentLinks.linkOf(link).uid).toEqual(expect.any(String));
      expect(link.attempts.map((a) => a.status ?? a.error)).toEqual([429, 200]);
      const [throttled, retried] = link.attempts as [(typeof link.attempts)[0], (typeof link.attempts)[0]];
      expect(throttled.waitedMs, 'the wait the client chose: the Retry-After').toBe(retryAfterSec * 1000);
      expect(
        retried.startedAt - throttled.startedAt,
        'ms between the throttled attempt and the retry',
      ).toBeGreaterThanOrEqual(retryAfterSec * 1000);
    },
  );

  test(
    'shows the raw 429 with its Retry-After when retries are off',
    goLive('GL-RATE-02'),
    async ({ api, sim, requires }) => {
      requires('walletGateway');
      await sim.addFault({ route: 'GET /health', kind: '429', count: 1, retryAfterSec: 7 });
      const health = await api.wallet.health({ retry: false });
      expect(health.status).toBe(429);
      expect(health.headers['retry-after']).toBe('7');
      expect(health.attempts).toHaveLength(1);
    },
  );
});
