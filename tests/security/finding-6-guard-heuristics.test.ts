/**
 * Issue 9, finding 6: gaps in the production guard. It accepted `[::ffff:127.0.0.1]`, `[::ffff:10.0.0.1]`,
 * `100.64.0.1`, `sandbox2.migopayments.com`, `sbmw.migopayments.com`, `qa1.ali.app` and `ali-qa2.ali.app` as
 * production hosts; refused the sandbox token only byte for byte (an upper-cased copy passed, and any token
 * passed without MIGO_SANDBOX_MERCHANT_TOKEN); let `4000000760000002` through; and compared only the merchant
 * token, not the wallet key, the hook key pair or the CMS login.
 *
 * Proved failing on 7b3ea5d: every host above passed, an upper-cased sandbox token passed, the Stripe Brazil
 * card passed, and MIGO_SANDBOX_* counterparts of the other secrets (and .env.sandbox) were not read at all.
 */
import { generateKeyPairSync } from 'node:crypto';
import { productionRefusals, resolveConfig, testCardReason } from '../../fixtures/config';
import { CANARY, dotenv, ed25519Pem, expect, test } from '../config/helpers';
import { SAFE_PRODUCTION } from './harness';

const refusals = (env: Record<string, string>, cwd: string) => {
  const { config, problems } = resolveConfig({ env: { ...SAFE_PRODUCTION, ...env }, cwd });
  expect(problems).toEqual([]);
  return productionRefusals(config).map(({ check, variable }) => ({ check, variable }));
};

test('special addresses and undocumented Migo hosts are refused in production', ({ tempCwd }) => {
  const cwd = tempCwd();
  expect(refusals({}, cwd), 'the baseline is allowed').toEqual([]);
  for (const url of [
    'https://[::ffff:127.0.0.1]',
    'https://[::ffff:7f00:1]',
    'https://[::ffff:10.0.0.1]',
    'https://100.64.0.1',
    'https://169.254.169.254',
    'https://[fe80::1]',
    'https://[fd00::1]',
    'https://2130706433',
    'https://sandbox2.migopayments.com',
    'https://sbmw.migopayments.com',
    'https://qa1.ali.app/rest',
    'https://ali-qa2.ali.app/rest',
    'https://api-docs.migopayments.com',
    'https://shop-qa1.merchant.example.net',
  ])
    expect(refusals({ MIGO_MIDDLEWARE_URL: url }, cwd), url).toEqual([
      { check: 'host', variable: 'MIGO_MIDDLEWARE_URL' },
    ]);
  for (const url of [
    'https://mw.migopayments.com',
    'https://MW.MIGOPAYMENTS.COM.',
    'https://mw.migopayments.com:443',
  ])
    expect(refusals({ MIGO_MIDDLEWARE_URL: url }, cwd), url).toEqual([]);
});

test('sandbox tokens are compared ignoring case', ({ tempCwd }) => {
  const cwd = tempCwd();
  expect(
    refusals(
      {
        MIGO_MERCHANT_TOKEN: CANARY.sandboxToken.toUpperCase(),
        MIGO_SANDBOX_MERCHANT_TOKEN: CANARY.sandboxToken,
      },
      cwd,
    ),
  ).toEqual([{ check: 'sandbox-token', variable: 'MIGO_MERCHANT_TOKEN' }]);
});

test('every secret of every surface is compared with its MIGO_SANDBOX_ counterpart', ({ tempCwd }) => {
  const cwd = tempCwd();
  const pem = ed25519Pem();
  const production = {
    MIGO_HOOK_PRIVATE_KEY: 'aaaa1111-2222-3333-4444-555566667777',
    MIGO_HOOK_PUBLIC_KEY: 'bbbb1111-2222-3333-4444-555566667777',
    MIGO_WALLET_MERCHANT: 'merchantShop',
    MIGO_WALLET_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
    MIGO_CMS_MERCHANT: 'merchantShop',
    MIGO_CMS_EMAIL: 'ops@merchant-shop.com',
    MIGO_CMS_PASSWORD: 'Production-Password-1',
    MIGO_CMS_PARTNER_ID: '7',
    MIGO_CALLBACK_HEADER: 'x-api-key',
    MIGO_CALLBACK_SECRET: 'callback-secret-value',
  };
  expect(refusals(production, cwd), 'different sandbox values').toEqual([]);
  expect(
    refusals(
      {
        ...production,
        MIGO_SANDBOX_HOOK_PRIVATE_KEY: production.MIGO_HOOK_PRIVATE_KEY.toUpperCase(),
        MIGO_SANDBOX_HOOK_PUBLIC_KEY: production.MIGO_HOOK_PUBLIC_KEY,
        // The same key, wrapped differently (real newlines instead of "\n").
        MIGO_SANDBOX_WALLET_PRIVATE_KEY: pem,
        MIGO_SANDBOX_CMS_PASSWORD: production.MIGO_CMS_PASSWORD,
        MIGO_SANDBOX_CALLBACK_SECRET: production.MIGO_CALLBACK_SECRET,
      },
      cwd,
    ),
  ).toEqual([
    { check: 'sandbox-credential', variable: 'MIGO_HOOK_PRIVATE_KEY' },
    { check: 'sandbox-credential', variable: 'MIGO_HOOK_PUBLIC_KEY' },
    { check: 'sandbox-credential', variable: 'MIGO_WALLET_PRIVATE_KEY' },
    { check: 'sandbox-credential', variable: 'MIGO_CMS_PASSWORD' },
    { check: 'sandbox-credential', variable: 'MIGO_CALLBACK_SECRET' },
  ]);
  const otherKey = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  expect(refusals({ ...production, MIGO_SANDBOX_WALLET_PRIVATE_KEY: otherKey }, cwd)).toEqual([]);
});

test('without MIGO_SANDBOX_MERCHANT_TOKEN, the token and cards of .env.sandbox are the sandbox ones', ({
  tempCwd,
}) => {
  const cwd = tempCwd({
    '.env.sandbox': dotenv({
      MIGO_MERCHANT_TOKEN: SAFE_PRODUCTION.MIGO_MERCHANT_TOKEN!,
      MIGO_CARD_APPROVED: `${SAFE_PRODUCTION.MIGO_PRODUCTION_CARD!.split('|')[0]}|12/39|321`,
    }),
  });
  const found = productionRefusals(resolveConfig({ env: SAFE_PRODUCTION, cwd }).config);
  expect(found.map(({ check, variable }) => ({ check, variable }))).toEqual([
    { check: 'sandbox-token', variable: 'MIGO_MERCHANT_TOKEN' },
    { check: 'test-card', variable: 'MIGO_PRODUCTION_CARD' },
  ]);
  expect(found[0]!.problem).toContain('equals MIGO_MERCHANT_TOKEN in .env.sandbox');
  expect(found[1]!.problem).toContain('the sandbox card MIGO_CARD_APPROVED in .env.sandbox');
});

test('test cards: published lists with their source, and structural rules for the numbers lists miss', ({
  tempCwd,
}) => {
  const cwd = tempCwd();
  for (const [pan, reason] of [
    ['4000000760000002', /Stripe/],
    ['4000001240000000', /Stripe/],
    ['4111111145551142', /Adyen/],
    ['4005519200000004', /Braintree/],
    ['4543474002249996', /Checkout\.com/],
    ['4007000000027', /Authorize\.net/],
    ['6011000000000004', /8 or more equal digits/],
    ['4242000042420000', /8 or more|3 distinct digits|published/],
    ['5454545454545454', /published|distinct digits/],
  ] as const) {
    expect(testCardReason(pan), pan).toMatch(reason);
    expect(refusals({ MIGO_PRODUCTION_CARD: `${pan}|12/39|123` }, cwd), pan).toEqual([
      { check: 'test-card', variable: 'MIGO_PRODUCTION_CARD' },
    ]);
  }
  expect(testCardReason(SAFE_PRODUCTION.MIGO_PRODUCTION_CARD!.split('|')[0]!)).toBeUndefined();
});
