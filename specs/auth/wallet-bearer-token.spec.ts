/**
 * Wallet Gateway routes other than login and health need `Authorization: Bearer <jwt>` with a token the gateway
 * issued (https://api-docs.migopayments.com/en/introduction/environments, "Required headers"). GET /configs is
 * the read-only route used to show it; it also needs the applicationId header, sent here so that only
 * Authorization varies.
 */
import { randomBytes } from 'node:crypto';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { operation } from '../../schemas/operations';
import { validate } from '../../schemas/registry';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test.describe('GET /configs', () => {
  test.beforeEach(({ requires }) => requires('walletGateway', 'applicationId'));

  test(
    'answers a request with Authorization: Bearer <access token> (200)',
    prodSafe(goLive('GL-HDR-01')),
    async ({ api }) => {
      const configs = await api.newWalletSession().configs();
      expect(configs.status, 'the access token from the login must be accepted as Bearer').toBe(200);
    },
  );

  test(
    'rejects a request without Authorization with 401',
    prodSafe(goLive('GL-HDR-01')),
    async ({ api, request, migoTarget }) => {
      // The client always authenticates, so this one request goes around it; its checks are repeated here.
      const url = `${migoTarget.urls.walletGateway.replace(/\/+$/, '')}${operation('getConfigs').path}`;
      const response = await request.get(url, {
        headers: { ...api.newWalletSession().applicationIdHeader(), accept: 'application/json' },
        failOnStatusCode: false,
      });
      expect(response.status(), 'a route behind the JWT guard must refuse an anonymous call').toBe(401);
      expect(validate('auth-error', await response.json()).errors).toEqual([]);
    },
  );

  test(
    'rejects a Bearer token the gateway did not issue with 401',
    prodSafe(goLive('GL-HDR-01')),
    async ({ api, migoTarget }) => {
      const { merchant } = migoTarget.credentials.walletGateway!;
      const now = Math.floor(Date.now() / 1000);
      const forged = [
        base64url({ alg: 'EdDSA', typ: 'JWT' }),
        base64url({ sub: merchant, typ: 'access', iat: now, exp: now + 1800 }),
        randomBytes(64).toString('base64url'),
      ].join('.');
      const wallet = api.newWalletSession();
      const refused = await wallet.authorized('getConfigs', {
        accessToken: forged,
        headers: wallet.applicationIdHeader(),
      });
      expect(refused.status, 'a token with a forged signature must be refused').toBe(401);
    },
  );
});
