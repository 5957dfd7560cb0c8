/**
 * Deliberately fails, quoting every secret the run learned instead of being configured with: the credentials the
 * worker fetched from a simulator started elsewhere (GET /__sim/credentials), the access and refresh tokens the
 * Wallet Gateway issued, the card number grouped by dots and its CVC next to its label. Only
 * tests/security/forced-failure.proof.ts runs it (through ./playwright.config.ts), then scans every output.
 */
import { test, expect } from '../../../fixtures';

test('a failure message quotes every secret the run learned', async ({
  api,
  migoTarget,
  cardholder,
}, testInfo) => {
  const { middleware, hook, walletGateway, cms } = migoTarget.credentials;
  const login = await api.wallet.login();
  const tokens = (login.body as { data: { accessToken: string; refreshToken: string } }).data;
  const card = cardholder.card('approved');
  // Neutral names: the values must be caught as secrets the run learned, not because a key says "token".
  const quoted = {
    a: middleware?.merchantToken,
    b: Buffer.from(middleware?.merchantToken ?? '').toString('base64'),
    c: hook?.privateKey,
    d: walletGateway?.privateKeyPem,
    e: cms?.password,
    f: tokens.accessToken,
    g: tokens.refreshToken,
    h: `${card.pan.replace(/(\d{4})(?=\d)/g, '$1.')} cvc ${card.cvc}`,
  };
  const text = JSON.stringify(quoted);
  console.log(`stdout: ${text} ${quoted.d}`);
  console.error(`stderr: ${text}`);
  testInfo.annotations.push({ type: 'learned', description: text });
  await testInfo.attach('learned.txt', { body: text, contentType: 'text/plain' });
  await test.step(`a step titled with the refresh token ${tokens.refreshToken}`, () => {
    expect.soft(quoted.g, `step error quoting ${text}`).toBe('anything else');
  });
  expect(quoted, `the test error quotes ${quoted.h} and ${quoted.e}`).toEqual({});
});
