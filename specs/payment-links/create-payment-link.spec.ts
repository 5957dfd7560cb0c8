/**
 * POST /transactions: the merchant token goes in Authorization, raw by default; the authorizer strips an
 * optional "Bearer " so both forms work (authentication page). The answer is {uid, reference, URL} with no
 * envelope and an uppercase URL (payment-link quickstart).
 */
import { test, expect, goLive } from '../../fixtures';

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'creates a link with the raw merchant token',
    goLive('GL-AUTH-03', 'GL-INT-02'),
    async ({ api, cardholder, migoConfig }) => {
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.status).toBe(200);
      const body = link.body as { uid: string; reference: string; URL: string };
      expect(new URL(body.URL).searchParams.get('orderId')).toBe(body.uid);
    },
  );
});
