/**
 * Authentication on each surface: the merchant token forms, the /transactions-hook key pair, the Wallet Gateway
 * JWT flow (login signature, expiry on the simulator clock, TOKEN_EXPIRED, single-use rotating refresh), the
 * applicationId header, and the CMS double-token guard.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { catalogEntry } from '../../schemas/error-catalog';
import { expect, expectSchema, test } from './sim';

const LINK = { amount: 10, userId: '+50212345678', channel: 'web' };

test.describe('Middleware merchant token', () => {
  test('Payment Links accept the raw token and the Bearer form, and refuse a missing or wrong token', async ({
    sim,
  }) => {
    expect((await sim.mw('POST', '/transactions', { headers: sim.token('raw'), json: LINK })).status).toBe(
      200,
    );
    expect((await sim.mw('POST', '/transactions', { headers: sim.token('bearer'), json: LINK })).status).toBe(
      200,
    );
    const refused: Array<Record<string, string>> = [
      {},
      { authorization: 'f'.repeat(64) },
      { authorization: 'Bearer ' },
    ];
    for (const headers of refused) {
      const reply = await sim.mw('POST', '/transactions', { headers, json: LINK });
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expectSchema('auth-error', reply.body);
    }
  });

  test('the 401 comes before body validation (the authorizer runs first)', async ({ sim }) => {
    const reply = await sim.mw('POST', '/transactions', { json: { nonsense: true } });
    expect(reply.status).toBe(401);
  });

  test('Alternative Payments accept Bearer and raw tokens and refuse a wrong one', async ({ sim }) => {
    const body = { amount: 50, channel: 'web', client: sim.credentials.clientSlug, userId: '+50224865444' };
    const path = '/api/v1/integrations/transactions';
    expect((await sim.mw('POST', path, { headers: sim.token('bearer'), json: body })).status).toBe(200);
    expect((await sim.mw('POST', path, { headers: sim.token('raw'), json: body })).status).toBe(200);
    expect(
      (await sim.mw('POST', path, { headers: { authorization: 'Bearer nope' }, json: body })).status,
    ).toBe(401);
  });

  test('/transactions-hook needs the right privateKey + publicKey pair', async ({ sim }) => {
    const { privateKey, publicKey } = sim.credentials;
    const wrong = '00000000-0000-4000-8000-000000000000';
    for (const pair of [
      { privateKey, publicKey: wrong },
      { privateKey: wrong, publicKey },
      {},
      { privateKey: publicKey, publicKey: privateKey },
    ]) {
      const reply = await sim.mw('POST', '/transactions-hook', { json: { ...pair, ...LINK } });
      expect(reply.status, JSON.stringify(Object.keys(pair))).toBe(401);
      expectSchema('auth-error', reply.body);
    }
    expect(
      (await sim.mw('POST', '/transactions-hook', { json: { privateKey, publicKey, ...LINK } })).status,
    ).toBe(200);
  });

  test('a body client other than the credentials’ client is refused with 400 / 5000', async ({ sim }) => {
    const reply = await sim.mw('POST', '/transactions', {
      headers: sim.token(),
      json: { ...LINK, client: 'someoneElse' },
    });
    expect(reply.status).toBe(400);
    expectSchema('middleware-error', reply.body);
  });
});

test.describe('Wallet Gateway JWT flow', () => {
  test('login verifies the Ed25519 signature of the merchant slug', async ({ sim }) => {
    const { walletMerchant, walletPrivateKey } = sim.credentials;
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = sign(null, Buffer.from(walletMerchant), other).toString('base64');
    const badSignature = await sim.wg('POST', '/auth/login', {
      json: { merchant: walletMerchant, signature: forged },
    });
    expect(badSignature.status).toBe(401);
    expectSchema('auth-error', badSignature.body);
    const key = createPrivateKey(walletPrivateKey);
    const stranger = sign(null, Buffer.from('someoneElse'), key).toString('base64');
    expect(
      (await sim.wg('POST', '/auth/login', { json: { merchant: 'someoneElse', signature: stranger } }))
        .status,
    ).toBe(401);
    const missing = await sim.wg('POST', '/auth/login', { json: { merchant: walletMerchant } });
    expect(missing.status).toBe(400);
    expectSchema('gateway-error', missing.body);
    const good = await sim.wg('POST', '/auth/login', {
      json: {
        merchant: walletMerchant,
        signature: sign(null, Buffer.from(walletMerchant), key).toString('base64url'),
      },
    });
    expect(good.status).toBe(200);
    expectSchema('login-response', good.body);
  });

  test('default lifetimes are 30 minutes (access) and 7 days (refresh)', async ({ sim }) => {
    const session = await sim.walletLogin();
    expect(session.expirationToken - Math.floor(Date.now() / 1000)).toBeGreaterThan(30 * 60 - 10);
    expect(session.expirationToken - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(30 * 60);
    const refresh = (await sim.wg('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } }))
      .body as {
      data: { expirationToken: number; expirationRefreshToken: number };
    };
    expect(refresh.data.expirationRefreshToken - refresh.data.expirationToken).toBe(7 * 24 * 3600 - 30 * 60);
  });

  test('an expired access token is 401 TOKEN_EXPIRED; refresh brings a working one', async ({ sim }) => {
    await sim.control('PUT', '/tokens', { accessTtlSec: 60 });
    const session = await sim.walletLogin();
    const configs = (token: string) =>
      sim.wg('GET', '/configs', {
        headers: { authorization: `Bearer ${token}`, applicationId: sim.credentials.applicationId },
      });
    expect((await configs(session.accessToken)).status).toBe(200);
    await sim.control('POST', '/clock', { advanceSec: 61 });
    const expired = await configs(session.accessToken);
    expect(expired.status).toBe(catalogEntry('TOKEN_EXPIRED').http);
    expectSchema('token-expired', expired.body);
    const refreshed = await sim.wg('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(refreshed.status).toBe(200);
    const fresh = (refreshed.body as { data: { accessToken: string } }).data.accessToken;
    expect((await configs(fresh)).status).toBe(200);
  });

  test('refresh rotates both tokens and a used refresh token is refused', async ({ sim }) => {
    const session = await sim.walletLogin();
    const first = await sim.wg('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(first.status).toBe(200);
    const rotated = (first.body as { data: { accessToken: string; refreshToken: string } }).data;
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.accessToken).not.toBe(session.accessToken);
    const reused = await sim.wg('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(reused.status).toBe(401);
    expectSchema('auth-error', reused.body);
    expect(
      (await sim.wg('POST', '/auth/refresh', { json: { refreshToken: rotated.refreshToken } })).status,
    ).toBe(200);
  });

  test('an expired refresh token is a plain 401, not TOKEN_EXPIRED (the client must log in again)', async ({
    sim,
  }) => {
    await sim.control('PUT', '/tokens', { accessTtlSec: 60, refreshTtlSec: 120 });
    const session = await sim.walletLogin();
    await sim.control('POST', '/clock', { advanceSec: 121 });
    const reply = await sim.wg('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ statusCode: 401, message: 'Unauthorized' });
  });

  test('protected routes refuse a missing, malformed or forged token', async ({ sim }) => {
    const session = await sim.walletLogin();
    const [header, payload] = session.accessToken.split('.');
    for (const authorization of [
      undefined,
      session.accessToken,
      'Bearer x.y.z',
      `Bearer ${header}.${payload}.AAAA`,
    ]) {
      const reply = await sim.wg('POST', '/users', {
        headers: authorization ? { authorization } : {},
        json: { username: 'a@example.com' },
      });
      expect(reply.status, String(authorization).slice(0, 20)).toBe(401);
      expectSchema('auth-error', reply.body);
    }
  });

  test('/configs needs the applicationId header, under the name the reading application-id-header serves', async ({
    sim,
  }) => {
    const { accessToken } = await sim.walletLogin();
    const auth = { authorization: `Bearer ${accessToken}` };
    const missing = await sim.wg('GET', '/configs', { headers: auth });
    expect(missing.status).toBe(400);
    expectSchema('gateway-error', missing.body);
    expect(missing.body).toMatchObject({ errors: [{ code: '7000' }] });
    const wrong = await sim.wg('GET', '/configs', { headers: { ...auth, applicationId: 'someone-else' } });
    expect(wrong.status).toBe(400);
    const statuses = async () => {
      const sent = async (header: string) =>
        (await sim.wg('GET', '/configs', { headers: { ...auth, [header]: sim.credentials.applicationId } }))
          .status;
      return {
        applicationId: await sent('applicationId'),
        'x-application-id': await sent('x-application-id'),
      };
    };
    expect(await statuses()).toEqual({ applicationId: 200, 'x-application-id': 400 });
    await sim.serve({ 'application-id-header': 'x-application-id' });
    expect(await statuses()).toEqual({ applicationId: 400, 'x-application-id': 200 });
  });
});

test.describe('CMS guards', () => {
  test('partner routes need the app token and x-user-token with Bearer', async ({ sim }) => {
    const { appToken, userToken } = await sim.cmsSession();
    const path = `/app/partners/${sim.credentials.partnerId}/cardholders`;
    const cases: Array<[Record<string, string>, number]> = [
      [{ authorization: `Bearer ${appToken}`, 'x-user-token': `Bearer ${userToken}` }, 200],
      [{ authorization: `Bearer ${appToken}`, 'x-user-token': userToken }, 401],
      [{ authorization: `Bearer ${appToken}` }, 401],
      [{ 'x-user-token': `Bearer ${userToken}` }, 401],
      [{ authorization: `Bearer ${userToken}`, 'x-user-token': `Bearer ${appToken}` }, 401],
    ];
    for (const [headers, status] of cases) {
      const reply = await sim.cms('GET', path, { headers });
      expect(reply.status, Object.keys(headers).join('+')).toBe(status);
      if (status === 401) expectSchema('auth-error', reply.body);
    }
  });

  test('a partner the user is not assigned to is 403 FORBIDDEN', async ({ sim }) => {
    const { appToken, userToken } = await sim.cmsSession();
    const reply = await sim.cms('GET', '/app/partners/999/cardholders', {
      headers: { authorization: `Bearer ${appToken}`, 'x-user-token': `Bearer ${userToken}` },
    });
    expect(reply.status).toBe(403);
    expectSchema('auth-error', reply.body);
    expect(reply.body).toEqual({ statusCode: 403, message: 'FORBIDDEN' });
  });

  test('user login needs the app token and the right password', async ({ sim }) => {
    const { appToken } = await sim.cmsSession();
    const body = { email: sim.credentials.cmsEmail, password: sim.credentials.cmsPassword };
    expect((await sim.cms('POST', '/app/users/login', { json: body })).status).toBe(401);
    const wrong = await sim.cms('POST', '/app/users/login', {
      headers: { authorization: `Bearer ${appToken}` },
      json: { ...body, password: 'not-it' },
    });
    expect(wrong.status).toBe(401);
    expect((await sim.cms('POST', '/app/auth/login', { json: { merchant: 'nobody' } })).status).toBe(401);
  });

  test('an expired CMS user token is TOKEN_EXPIRED', async ({ sim }) => {
    await sim.control('PUT', '/tokens', { accessTtlSec: 30 });
    const { appToken, userToken } = await sim.cmsSession();
    await sim.control('POST', '/clock', { advanceSec: 31 });
    const reply = await sim.cms('GET', `/app/partners/${sim.credentials.partnerId}/cardholders`, {
      headers: { authorization: `Bearer ${appToken}`, 'x-user-token': `Bearer ${userToken}` },
    });
    expect(reply.status).toBe(401);
    expectSchema('token-expired', reply.body);
  });
});
