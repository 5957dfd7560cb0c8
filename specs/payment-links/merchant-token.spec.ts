/**
 * Payment Links authenticate with the merchant token in `Authorization`. The raw token is the recommended form;
 * the shared authorizer strips an optional `Bearer `, so both forms are accepted, and nothing else is
 * (https://api-docs.migopayments.com/en/introduction/authentication, "Header format by endpoint").
 */
import { randomBytes } from 'node:crypto';
import { test, expect, goLive, prodSafe } from '../../fixtures';

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  for (const [auth, form] of [
    ['raw', 'Authorization: <token>'],
    ['bearer', 'Authorization: Bearer <token>'],
  ] as const) {
    test(
      `creates a link with the merchant token as ${form}`,
      prodSafe(goLive('GL-AUTH-03', 'GL-INT-02')),
      async ({ api, cardholder, migoConfig }) => {
        const link = await api.paymentLinks.create(
          api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
          { auth },
        );
        expect(link.status, `the authorizer must accept ${form}`).toBe(200);
        expect(link.body).toHaveProperty('uid');
      },
    );
  }

  test(
    'rejects a request without Authorization with 401',
    prodSafe(goLive('GL-AUTH-03')),
    async ({ api, cardholder, migoConfig }) => {
      const refused = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
        { auth: 'none' },
      );
      expect(refused.status, 'a link must not be created without the merchant token').toBe(401);
      expect(refused.body).not.toHaveProperty('uid');
    },
  );

  for (const auth of ['raw', 'bearer'] as const) {
    test(
      `rejects a ${auth === 'raw' ? 'raw' : 'Bearer'} token that is not the merchant's with 401`,
      prodSafe(goLive('GL-AUTH-03')),
      async ({ api, cardholder, migoConfig }) => {
        // Same shape as a merchant token (64 hex characters), so only its value can be wrong.
        const refused = await api.paymentLinks.create(
          api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
          { auth, token: randomBytes(32).toString('hex') },
        );
        expect(refused.status, 'a token that is not the merchant token must be refused').toBe(401);
        expect(refused.body).not.toHaveProperty('uid');
      },
    );
  }
});
