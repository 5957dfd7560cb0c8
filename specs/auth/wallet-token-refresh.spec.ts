/**
 * The Wallet Gateway JWT flow: refresh tokens are single-use and every refresh rotates both tokens (FAQ); on
 * `401 TOKEN_EXPIRED` a client refreshes instead of logging in again and discards the old refresh token at once
 * (https://api-docs.migopayments.com/en/introduction/go-live). Where TOKEN_EXPIRED sits in the 401 body is not
 * documented: the `token-expired` schema accepts every plausible place. Expiry is reached with the simulator's
 * clock (a real token lives 30 minutes), so those tests run locally only.
 */
import { test, expect, goLive } from '../../fixtures';
import { validate } from '../../schemas/registry';

/** Short lifetimes keep the test independent of the simulator's 30-minute default. */
const ACCESS_TTL_SEC = 60;

test.describe('POST /auth/refresh', () => {
  test.beforeEach(({ requires }) => requires('walletGateway'));

  test('rotates both the access token and the refresh token', goLive('GL-AUTH-04'), async ({ api }) => {
    const wallet = api.newWalletSession();
    await wallet.login();
    const before = wallet.currentTokens!;
    const refreshed = await wallet.refresh();
    expect(refreshed.status, 'a fresh refresh token must be accepted').toBe(200);
    const after = wallet.currentTokens!;
    expect(after.accessToken !== before.accessToken, 'the refresh must issue a new access token').toBe(true);
    expect(after.refreshToken !== before.refreshToken, 'the refresh must issue a new refresh token').toBe(
      true,
    );
  });

  test(
    'rejects a refresh token that was already used with 401 (single-use)',
    goLive('GL-AUTH-04'),
    async ({ api }) => {
      const wallet = api.newWalletSession();
      await wallet.login();
      const spent = wallet.currentTokens!.refreshToken;
      expect((await wallet.refresh()).status).toBe(200);
      const reused = await wallet.refresh({ refreshToken: spent });
      expect(reused.status, 'a refresh token must not work twice').toBe(401);
    },
  );
});

test.describe('401 TOKEN_EXPIRED', () => {
  test.beforeEach(({ requires }) => requires('walletGateway', 'applicationId'));

  test(
    'answers a request with an expired access token with 401 TOKEN_EXPIRED',
    goLive('GL-AUTH-04'),
    async ({ api, sim }) => {
      await sim.setTokenLifetimes({ accessTtlSec: ACCESS_TTL_SEC });
      const wallet = api.newWalletSession();
      await wallet.login();
      const { accessToken } = wallet.currentTokens!;
      await sim.advanceClock(ACCESS_TTL_SEC + 1);
      const expired = await wallet.authorized('getConfigs', {
        accessToken,
        headers: wallet.applicationIdHeader(),
      });
      expect(expired.status, 'an expired access token must be refused').toBe(401);
      expect(
        validate('token-expired', expired.body).valid,
        `the 401 must say TOKEN_EXPIRED so the client refreshes; got ${expired.text}`,
      ).toBe(true);
    },
  );

  test(
    'is answered by a refresh, not a new login, and the old refresh token is discarded',
    goLive('GL-AUTH-04'),
    async ({ api, sim }) => {
      await sim.setTokenLifetimes({ accessTtlSec: ACCESS_TTL_SEC });
      const wallet = api.newWalletSession();
      await wallet.login();
      const before = wallet.currentTokens!;
      await sim.advanceClock(ACCESS_TTL_SEC + 1);
      const configs = await wallet.configs();
      expect(configs.status, 'after TOKEN_EXPIRED the request is repeated with a refreshed token').toBe(200);
      expect(wallet.refreshes, 'the client refreshed exactly once').toBe(1);
      expect(
        wallet.spentRefreshTokens.length === 1 && wallet.spentRefreshTokens[0] === before.refreshToken,
        'the old refresh token, and only it, is discarded at once',
      ).toBe(true);
      const after = wallet.currentTokens!;
      expect(after.accessToken !== before.accessToken, 'a new access token is in use').toBe(true);
      expect(after.refreshToken !== before.refreshToken, 'a new refresh token is kept').toBe(true);
      const reused = await wallet.refresh({ refreshToken: before.refreshToken });
      expect(reused.status, 'the discarded refresh token is dead at the gateway too').toBe(401);
    },
  );
});
