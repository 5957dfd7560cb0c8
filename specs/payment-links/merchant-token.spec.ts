/**
 * Payment Links authenticate with the merchant token in `Authorization`. The raw token is the recommended form;
 * whether a `Bearer ` prefix is optional (the authorizer strips it: authentication and go-live pages), refused (the
 * sandbox cheat sheet: "no Bearer prefix") or required is the reading payment-link-bearer. Nothing but the
 * merchant's token is accepted (https://api-docs.migopayments.com/en/introduction/authentication).
 */
import { randomBytes } from 'node:crypto';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { TOKEN_FORMS, expectAcceptedForms, type TokenForm } from '../auth/token-forms';

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'creates a link with the merchant token in each form the authorizer accepts, and only those',
    prodSafe(goLive('GL-AUTH-03', 'GL-INT-02')),
    async ({ api, cardholder, migoConfig }) => {
      const answered = {} as Record<TokenForm, number>;
      for (const form of Object.keys(TOKEN_FORMS) as TokenForm[]) {
        const link = await api.paymentLinks.create(
          api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
          { auth: form },
        );
        answered[form] = link.status;
        if (link.status === 200)
          expect(api.paymentLinks.linkOf(link).uid, `the link created with ${TOKEN_FORMS[form]}`).toEqual(
            expect.any(String),
          );
      }
      expectAcceptedForms(
        migoConfig.readings,
        'payment-link-bearer',
        { raw: answered.raw === 200, bearer: answered.bearer === 200 },
        answered,
      );
    },
  );

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
