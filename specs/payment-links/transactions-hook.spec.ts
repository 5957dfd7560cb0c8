/**
 * POST /transactions-hook is the browser variant: no Authorization header, the merchant's `privateKey` +
 * `publicKey` pair travels in the JSON body (https://api-docs.migopayments.com/en/introduction/authentication).
 * UNSURE: the rest of its contract is not visible; it is presumed to answer like POST /transactions.
 */
import { randomUUID } from 'node:crypto';
import { test, expect, goLive, prodSafe } from '../../fixtures';

test.describe('POST /transactions-hook', () => {
  test.beforeEach(({ requires }) => requires('hook'));

  test(
    'creates a link with the privateKey + publicKey pair in the body',
    prodSafe(goLive('GL-AUTH-03', 'GL-INT-02')),
    async ({ api, cardholder, migoConfig }) => {
      const link = await api.paymentLinks.createWithKeys(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.status, 'the key pair must authenticate the request').toBe(200);
      const { uid, url } = api.paymentLinks.linkOf(link);
      expect(new URL(url ?? '').searchParams.get('orderId')).toBe(uid);
    },
  );

  test(
    "rejects a privateKey that does not pair with the merchant's publicKey with 401",
    prodSafe(goLive('GL-AUTH-03')),
    async ({ api, cardholder, migoConfig }) => {
      // The configured publicKey with someone else's privateKey: only the secret half is wrong.
      const refused = await api.paymentLinks.createWithKeys(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
        { privateKey: randomUUID() },
      );
      expect(refused.status, 'a wrong key pair must be refused').toBe(401);
      expect(refused.body).not.toHaveProperty('uid');
    },
  );
});
