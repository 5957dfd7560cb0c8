/**
 * Alternative Payments create: the merchant token travels as `Authorization: Bearer <token>` (the documented
 * convention for these routes, authentication page); the answer carries the enabled `paymentMethods` and
 * `expireAt`, the seconds left before the transaction expires (create-transaction page), not a timestamp.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';

test.describe('POST /api/v1/integrations/transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'creates a transaction with the Bearer merchant token, listing paymentMethods and expireAt in seconds',
    prodSafe(goLive('GL-AUTH-03', 'GL-INT-02')),
    async ({ api, cardholder, migoConfig }) => {
      const created = await api.alternative.create({
        amount: migoConfig.charge.amount,
        channel: 'web',
        userId: cardholder.userId,
      });
      expect(created.status).toBe(200);
      const { success, data } = created.body as {
        success: boolean;
        data: { uid: string; paymentMethods: unknown[]; expireAt: number };
      };
      expect(success).toBe(true);
      expect(data.uid).toMatch(/\S/);
      expect(data.paymentMethods.length, 'at least one enabled processor').toBeGreaterThan(0);
      for (const method of data.paymentMethods) expect(typeof method).toBe('string');
      // Seconds remaining: positive, and far below a Unix timestamp (which would be ~1.7e9 and up).
      expect(data.expireAt).toBeGreaterThan(0);
      expect(data.expireAt, 'expireAt is seconds until expiry, not a timestamp').toBeLessThan(1e9);
    },
  );
});
