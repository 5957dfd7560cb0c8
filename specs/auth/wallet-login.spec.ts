/**
 * The Wallet Gateway app login: `{merchant, signature}` where the signature is made with the merchant's Ed25519
 * private key; the answer is the quickstart form `{statusCode:200, message, data:{accessToken, refreshToken,
 * expirationToken, expirationRefreshToken}}` (https://api-docs.migopayments.com/en/introduction/quickstart).
 * UNSURE: what exactly is signed is not visible (the reading wallet-login-signed-bytes); the negative test signs the
 * bytes of the run's profile with another key, so only the key is wrong.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { loginSignedMessage } from '../../schemas/login-request.schema';

test.describe('POST /auth/login', () => {
  test.beforeEach(({ requires }) => requires('walletGateway'));

  test(
    'issues an access token and a refresh token for the Ed25519-signed merchant slug',
    prodSafe(goLive('GL-HDR-01', 'GL-AUTH-04')),
    async ({ api }) => {
      const wallet = api.newWalletSession();
      const login = await wallet.login();
      expect(login.status, 'the merchant signature must be accepted').toBe(200);
      const tokens = wallet.currentTokens;
      expect(tokens?.accessToken, 'data.accessToken').toBeTruthy();
      expect(tokens?.refreshToken, 'data.refreshToken').toBeTruthy();
      expect(tokens?.refreshToken !== tokens?.accessToken, 'the two tokens are distinct').toBe(true);
      const { expirationToken, expirationRefreshToken } = tokens ?? {};
      if (typeof expirationToken === 'number' && typeof expirationRefreshToken === 'number')
        expect(expirationRefreshToken, 'the refresh token outlives the access token').toBeGreaterThan(
          expirationToken,
        );
    },
  );

  test(
    "rejects a signature made with a key that is not the merchant's with 401",
    prodSafe(goLive('GL-HDR-01', 'GL-AUTH-04')),
    async ({ api, migoConfig, migoTarget }) => {
      const merchant = migoTarget.credentials.walletGateway!.merchant;
      const { privateKey: strangerKey } = generateKeyPairSync('ed25519');
      const message = loginSignedMessage(merchant, migoConfig.readings['wallet-login-signed-bytes']);
      const signature = sign(null, message, strangerKey).toString('base64');
      const wallet = api.newWalletSession();
      const refused = await wallet.login({ signature });
      expect(refused.status, 'a login signed with another key must be refused').toBe(401);
      // Asked of the answer, not of the client (which keeps tokens of a 200 only), and as a yes/no: a failure
      // must not print the token it found.
      const data = (refused.body as { data?: { accessToken?: unknown; refreshToken?: unknown } } | undefined)
        ?.data;
      expect(
        data?.accessToken === undefined && data?.refreshToken === undefined,
        'the refusal carries no token',
      ).toBe(true);
    },
  );
});
