import { isLuhnValid, TEST_CARDS } from '../../simulator/test-cards';
import {
  PRODUCTION_SAFE_TAG,
  ProductionGuardError,
  assertProductionAllowed,
  loadConfig,
  nonProductionHostReason,
  productionRefusals,
  resolveConfig,
  type GuardRefusal,
} from '../../fixtures/config';
import { PUBLIC_TEST_PANS } from '../../fixtures/config/published-test-cards';
import { CANARY, expect, test } from './helpers';

/** A production configuration the guard allows; each test breaks one thing. */
const PRODUCTION = {
  MIGO_ENV: 'production',
  MIGO_MERCHANT_TOKEN: CANARY.token,
  MIGO_CLIENT_SLUG: 'merchantShop',
  MIGO_CONFIRM_PRODUCTION: 'merchantShop',
  MIGO_CARDHOLDER_NAME: 'Disposable Person',
  MIGO_CARDHOLDER_EMAIL: 'disposable@merchant-shop.com',
  MIGO_CARDHOLDER_PHONE: '+50255550000',
  MIGO_PRODUCTION_CARD: `${CANARY.productionPan}|11/38|123`,
  MIGO_SANDBOX_MERCHANT_TOKEN: CANARY.sandboxToken,
  MIGO_CALLBACK_PUBLIC_URL: 'https://hooks.merchant-shop.com/migo',
  MIGO_CHARGE_AMOUNT: '1.00',
  MIGO_MAX_CHARGE_AMOUNT: '2.00',
};

function refusals(overrides: Record<string, string>, cwd: string): GuardRefusal[] {
  const { config, problems } = resolveConfig({ env: { ...PRODUCTION, ...overrides }, cwd });
  expect(problems).toEqual([]);
  return productionRefusals(config);
}

test('a clean production configuration is allowed', ({ tempCwd }) => {
  const config = loadConfig({ env: PRODUCTION, cwd: tempCwd() });
  expect(productionRefusals(config)).toEqual([]);
  expect(() => assertProductionAllowed(config)).not.toThrow();
});

test('non-production targets are never refused', ({ tempCwd }) => {
  const local = loadConfig({ env: { MIGO_CHARGE_AMOUNT: '900' }, cwd: tempCwd() });
  expect(productionRefusals(local)).toEqual([]);
  expect(() => assertProductionAllowed(local)).not.toThrow();
});

test.describe('each refusal', () => {
  test('MIGO_CONFIRM_PRODUCTION must be exactly the client slug', ({ tempCwd }) => {
    const cwd = tempCwd();
    expect(refusals({ MIGO_CONFIRM_PRODUCTION: 'merchantshop' }, cwd)).toEqual([
      {
        check: 'confirmation',
        variable: 'MIGO_CONFIRM_PRODUCTION',
        problem: 'is "merchantshop", not exactly the client slug "merchantShop"',
        fix: 'set MIGO_CONFIRM_PRODUCTION=merchantShop to confirm a run that charges real money for this client',
      },
    ]);
    expect(refusals({ MIGO_CONFIRM_PRODUCTION: 'yes' }, cwd).map((r) => r.check)).toEqual(['confirmation']);
  });

  const hosts: [string, string, RegExp][] = [
    ['MIGO_MIDDLEWARE_URL', 'https://sb-mw.migopayments.com', /Migo sandbox, QA or development host/],
    ['MIGO_WALLET_URL', 'https://ali-qa.ali.app/rest', /Migo sandbox, QA or development host/],
    ['MIGO_CMS_URL', 'http://localhost:3000', /Migo sandbox, QA or development host/],
    ['MIGO_WEBVIEW_URL', 'https://sandbox.migopayments.com', /Migo sandbox, QA or development host/],
    ['MIGO_MIDDLEWARE_URL', 'http://127.0.0.1:4010', /a loopback address/],
    [
      'MIGO_CALLBACK_PUBLIC_URL',
      'https://hooks.staging.merchant-shop.com/migo',
      /non-production deployment \("staging"\)/,
    ],
    ['MIGO_MERCHANT_HANDLER_URL', 'http://192.168.1.20/hook', /a private address/],
  ];
  for (const [variable, url, reason] of hosts)
    test(`a non-production host in ${variable} (${url})`, ({ tempCwd }) => {
      const found = refusals({ [variable]: url }, tempCwd()).filter((r) => r.check === 'host');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ variable, from: 'the environment' });
      expect(found[0]?.problem).toMatch(reason);
    });

  test('a sandbox token in MIGO_MERCHANT_TOKEN', ({ tempCwd }) => {
    const found = refusals({ MIGO_MERCHANT_TOKEN: CANARY.sandboxToken }, tempCwd());
    expect(found).toEqual([
      expect.objectContaining({
        check: 'sandbox-token',
        variable: 'MIGO_MERCHANT_TOKEN',
        problem: expect.stringContaining('equals MIGO_SANDBOX_MERCHANT_TOKEN'),
      }),
    ]);
  });

  const cards: [string, string, string][] = [
    ["one of the simulator's test cards", TEST_CARDS.approved.pan, 'simulator'],
    ['a published test card (Stripe, Checkout.com)', '4242424242424242', 'public'],
    ['a published test card (Stripe, Braintree, Cybersource)', '5555555555554444', 'public'],
    ['one of the configured sandbox cards (MIGO_CARD_*)', CANARY.pan, 'sandbox'],
  ];
  for (const [kind, pan, label] of cards)
    test(`a test card: ${label} (${pan.slice(-4)})`, ({ tempCwd }) => {
      const found = refusals(
        { MIGO_PRODUCTION_CARD: `${pan}|12/39|123`, MIGO_CARD_APPROVED: `${CANARY.pan}|12/39|123` },
        tempCwd(),
      );
      expect(found).toEqual([
        {
          check: 'test-card',
          variable: 'MIGO_PRODUCTION_CARD',
          from: 'the environment',
          problem: `••••••••••••${pan.slice(-4)} is ${kind}`,
          fix: 'set MIGO_PRODUCTION_CARD to a real, disposable card you control',
        },
      ]);
    });

  test('a charge above the cap', ({ tempCwd }) => {
    expect(refusals({ MIGO_CHARGE_AMOUNT: '2.0001' }, tempCwd())).toEqual([
      expect.objectContaining({ check: 'amount', problem: '2.0001 GTQ is above the production cap 2.00' }),
    ]);
    expect(refusals({ MIGO_CHARGE_AMOUNT: '2.00' }, tempCwd())).toEqual([]);
  });

  test('a plain-http callback URL', ({ tempCwd }) => {
    expect(refusals({ MIGO_CALLBACK_PUBLIC_URL: 'http://hooks.merchant-shop.com/migo' }, tempCwd())).toEqual([
      expect.objectContaining({ check: 'callback-https', variable: 'MIGO_CALLBACK_PUBLIC_URL' }),
    ]);
  });
});

test('every refusal at once, in one error that names no secret', ({ tempCwd }) => {
  const options = {
    env: {
      ...PRODUCTION,
      MIGO_CONFIRM_PRODUCTION: 'yes',
      MIGO_MIDDLEWARE_URL: 'https://sb-mw.migopayments.com',
      MIGO_MERCHANT_TOKEN: CANARY.sandboxToken,
      MIGO_PRODUCTION_CARD: '4111111111111111|12/39|321',
      MIGO_CHARGE_AMOUNT: '50',
      MIGO_CALLBACK_PUBLIC_URL: 'http://localhost:8080/hook',
    },
    cwd: tempCwd(),
  };
  let error: unknown;
  try {
    loadConfig(options);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ProductionGuardError);
  const guard = error as ProductionGuardError;
  expect(guard.refusals.map((r) => r.check).sort()).toEqual(
    ['amount', 'callback-https', 'confirmation', 'host', 'host', 'sandbox-token', 'test-card'].sort(),
  );
  expect(() => assertProductionAllowed(resolveConfig(options).config)).toThrow(ProductionGuardError);
  expect(guard.message).toMatch(/^Production run refused \(7 reasons\); nothing was sent to Migo:/);
  for (const secret of [CANARY.sandboxToken, '4111111111111111', '|321'])
    expect(guard.message).not.toContain(secret);
});

test('host classification: production hosts pass, sandbox, local and private ones do not', () => {
  for (const host of [
    'mw.migopayments.com',
    'api.ali.app',
    'web.migopayments.com',
    'hooks.merchant-shop.com',
  ])
    expect(nonProductionHostReason(host), host).toBeUndefined();
  for (const host of [
    'sb-mw.migopayments.com',
    'ali-qa.ali.app',
    'sandbox.migopayments.com',
    'mw.dev.migopayments.com',
    'localhost',
    'api.localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '[::1]',
    'hooks.example.com',
    'shop-uat.merchant.com',
  ])
    expect(nonProductionHostReason(host), host).toBeDefined();
});

test('the public test card list is clean, and the production-safe tag is @prod-safe', () => {
  for (const pan of PUBLIC_TEST_PANS) expect(isLuhnValid(pan), pan).toBe(true);
  expect(new Set(PUBLIC_TEST_PANS).size).toBe(PUBLIC_TEST_PANS.length);
  expect(PUBLIC_TEST_PANS).not.toContain(CANARY.productionPan);
  expect(PRODUCTION_SAFE_TAG).toBe('@prod-safe');
});
