/**
 * A connection reset before any answer leaves the outcome unknown. A repeatable operation is simply repeated; a
 * POST that moves money may already have been processed, so it is not repeated and the caller gets a
 * TransportError that says why (go-live page: retries on transient failures, idempotent handling).
 */
import { test, expect, goLive } from '../../fixtures';

test.describe('Connection reset', () => {
  test(
    'does not repeat a Payment Link create whose connection was reset, and says why',
    goLive('GL-ERR-03'),
    async ({ api, sim, cardholder, migoConfig, requires }) => {
      requires('middleware');
      // One reset only: had the client repeated the POST, the repeat would have succeeded and nothing thrown.
      await sim.addFault({ route: 'POST /transactions', kind: 'reset', count: 1 });
      const error = await api.paymentLinks
        .create(api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error, 'the create must fail, not be repeated').toBeInstanceOf(Error);
      expect((error as Error).name).toBe('TransportError');
      expect((error as Error).message).toContain('after 1 attempt(s)');
      expect((error as Error).message).toContain('Not retried: this operation may have moved money');
    },
  );

  test(
    'repeats a repeatable operation whose connection was reset',
    goLive('GL-ERR-03'),
    async ({ api, sim, requires }) => {
      requires('walletGateway');
      await sim.addFault({ route: 'GET /health', kind: 'reset', count: 1 });
      const health = await api.wallet.health();
      expect(health.status).toBe(200);
      expect(health.attempts).toHaveLength(2);
      expect(health.attempts[0]?.error, 'the first attempt failed at the transport level').toEqual(
        expect.any(String),
      );
    },
  );
});
