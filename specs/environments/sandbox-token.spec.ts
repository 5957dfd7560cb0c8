/**
 * "A sandbox token will not work against a production host": production credentials are requested separately
 * (https://api-docs.migopayments.com/en/introduction/go-live). Only a production run can show it, with
 * MIGO_SANDBOX_MERCHANT_TOKEN set; the refused request creates nothing.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';

test.describe('POST /transactions', () => {
  test(
    'refuses the sandbox merchant token on the production host with 401',
    prodSafe(goLive('GL-AUTH-01', 'GL-PROD-01', 'GL-ENV-02')),
    async ({ api, cardholder, migoConfig, requires }) => {
      requires('middleware', 'sandboxToken');
      const sandboxToken = migoConfig.credentials.sandboxMerchantToken!;
      const refused = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
        { token: sandboxToken },
      );
      expect(refused.status, 'production must refuse a sandbox token').toBe(401);
      expect(refused.body).not.toHaveProperty('uid');
    },
  );
});
