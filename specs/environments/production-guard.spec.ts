/**
 * "No sandbox tokens, hosts, or test cards remain in production configuration" (go-live page) and production
 * moves real funds (environments page): the production guard refuses every unsafe production configuration
 * before a request is made. Pure: configurations are built from variables in memory (no .env file is read, no
 * network), so these tests run, and are evidence, in every target, production included.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import {
  ConfigError,
  DOCUMENTED_URLS,
  ProductionGuardError,
  SURFACES,
  URL_VARIABLE,
  assertProductionAllowed,
  loadConfig,
  productionRefusals,
  resolveConfig,
  type GuardRefusal,
} from '../../fixtures/config';

// A directory that does not exist: no .env file can leak into these configurations.
const NO_DOTENV = join(tmpdir(), 'migo-production-guard-spec-no-dotenv');
// Card expiry is checked against "now": a fixed date keeps the cards valid forever.
const NOW = new Date(Date.UTC(2025, 0, 15));

const SLUG = 'acmeShop';
const MERCHANT_TOKEN = '0123456789abcdef'.repeat(4);

/** A made-up card number that is none of the known test cards: the Luhn digit is appended to `body`. */
function withCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}
const DISPOSABLE_CARD = `${withCheckDigit('453201511283036')}|12/30|123`;

/** A production configuration the guard allows: every other test changes one thing. */
const SAFE_PRODUCTION: Record<string, string> = {
  MIGO_ENV: 'production',
  MIGO_MERCHANT_TOKEN: MERCHANT_TOKEN,
  MIGO_CLIENT_SLUG: SLUG,
  MIGO_CONFIRM_PRODUCTION: SLUG,
  MIGO_CARDHOLDER_NAME: 'Disposable Cardholder',
  MIGO_CARDHOLDER_EMAIL: 'disposable@example.com',
  MIGO_CARDHOLDER_PHONE: '+50212345678',
  MIGO_PRODUCTION_CARD: DISPOSABLE_CARD,
  MIGO_CHARGE_AMOUNT: '1.00',
};

function refusalsFor(changes: Record<string, string | undefined>): GuardRefusal[] {
  const env: Record<string, string> = { ...SAFE_PRODUCTION };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return productionRefusals(resolveConfig({ env, cwd: NO_DOTENV, now: NOW }).config);
}

const found = (refusals: GuardRefusal[]) => refusals.map(({ check, variable }) => ({ check, variable }));

/** The simulator's own test card, as the local configuration resolves it (one source: the simulator). */
function simulatorCard(): string {
  const card = resolveConfig({ env: { MIGO_ENV: 'local' }, cwd: NO_DOTENV, now: NOW }).config.cards.approved;
  return `${card!.pan}|${card!.expiry}|${card!.cvc}`;
}

test.describe('Production guard', () => {
  test(
    'allows a confirmed production configuration with no sandbox trace',
    prodSafe(goLive('GL-ENV-02', 'GL-ENV-04')),
    () => {
      const { config, problems } = resolveConfig({ env: SAFE_PRODUCTION, cwd: NO_DOTENV, now: NOW });
      expect(problems, 'the baseline configuration is valid').toEqual([]);
      expect(found(productionRefusals(config)), 'the baseline is allowed').toEqual([]);
      expect(() => assertProductionAllowed(config)).not.toThrow();
    },
  );

  for (const surface of SURFACES) {
    const variable = URL_VARIABLE[surface];
    test(`refuses the sandbox ${surface} host in ${variable}`, prodSafe(goLive('GL-ENV-02')), () => {
      const refusals = refusalsFor({ [variable]: DOCUMENTED_URLS.sandbox[surface] });
      expect(found(refusals), `${DOCUMENTED_URLS.sandbox[surface]} must not be used in production`).toEqual([
        { check: 'host', variable },
      ]);
    });
  }

  for (const [variable, url] of [
    ['MIGO_MIDDLEWARE_URL', 'http://localhost:3000'],
    ['MIGO_MIDDLEWARE_URL', 'https://mw.dev.migopayments.com'],
    ['MIGO_CALLBACK_PUBLIC_URL', 'https://hooks.staging.example.net/migo'],
  ] as const) {
    test(
      `refuses the non-production host ${new URL(url).host} in ${variable}`,
      prodSafe(goLive('GL-ENV-02')),
      () => {
        expect(found(refusalsFor({ [variable]: url }))).toContainEqual({ check: 'host', variable });
      },
    );
  }

  test(
    'refuses a merchant token equal to the sandbox token',
    prodSafe(goLive('GL-ENV-02', 'GL-AUTH-01')),
    () => {
      const refusals = refusalsFor({ MIGO_SANDBOX_MERCHANT_TOKEN: MERCHANT_TOKEN });
      expect(found(refusals), 'a sandbox token must not be used in production').toEqual([
        { check: 'sandbox-token', variable: 'MIGO_MERCHANT_TOKEN' },
      ]);
      expect(found(refusalsFor({ MIGO_SANDBOX_MERCHANT_TOKEN: 'fedcba9876543210'.repeat(4) }))).toEqual([]);
    },
  );

  for (const [kind, changes] of [
    ["the simulator's", () => ({ MIGO_PRODUCTION_CARD: simulatorCard() })],
    ['a publicly documented', () => ({ MIGO_PRODUCTION_CARD: '4242424242424242|12/30|123' })],
    ['the configured sandbox', () => ({ MIGO_CARD_APPROVED: DISPOSABLE_CARD })],
  ] as const) {
    test(`refuses ${kind} test card as the production card`, prodSafe(goLive('GL-ENV-02')), () => {
      expect(found(refusalsFor(changes())), `${kind} test card must not be charged in production`).toEqual([
        { check: 'test-card', variable: 'MIGO_PRODUCTION_CARD' },
      ]);
    });
  }

  test('refuses a run without MIGO_CONFIRM_PRODUCTION', prodSafe(goLive('GL-ENV-04')), () => {
    const env = { ...SAFE_PRODUCTION };
    delete env.MIGO_CONFIRM_PRODUCTION;
    expect(() => loadConfig({ env, cwd: NO_DOTENV, now: NOW })).toThrow(ConfigError);
    expect(() => loadConfig({ env, cwd: NO_DOTENV, now: NOW })).toThrow(/MIGO_CONFIRM_PRODUCTION/);
    expect(found(refusalsFor({ MIGO_CONFIRM_PRODUCTION: undefined }))).toEqual([
      { check: 'confirmation', variable: 'MIGO_CONFIRM_PRODUCTION' },
    ]);
  });

  test('refuses a confirmation that is not exactly the client slug', prodSafe(goLive('GL-ENV-04')), () => {
    for (const confirm of [SLUG.toUpperCase(), `${SLUG}x`, 'yes'])
      expect(found(refusalsFor({ MIGO_CONFIRM_PRODUCTION: confirm })), `confirmation "${confirm}"`).toEqual([
        { check: 'confirmation', variable: 'MIGO_CONFIRM_PRODUCTION' },
      ]);
  });

  test('refuses a charge above the production cap', prodSafe(goLive('GL-ENV-04')), () => {
    expect(found(refusalsFor({ MIGO_CHARGE_AMOUNT: '5.01' })), '5.01 is above the default cap 5.00').toEqual([
      { check: 'amount', variable: 'MIGO_CHARGE_AMOUNT' },
    ]);
    expect(found(refusalsFor({ MIGO_CHARGE_AMOUNT: '5.00' })), 'the cap itself is allowed').toEqual([]);
    expect(
      found(refusalsFor({ MIGO_CHARGE_AMOUNT: '2.00', MIGO_MAX_CHARGE_AMOUNT: '1.50' })),
      'a lowered cap is enforced',
    ).toEqual([{ check: 'amount', variable: 'MIGO_CHARGE_AMOUNT' }]);
  });

  test(
    'names every refusal at once, without echoing the token or the card number',
    prodSafe(goLive('GL-ENV-02', 'GL-ENV-04')),
    () => {
      const env = {
        ...SAFE_PRODUCTION,
        MIGO_MIDDLEWARE_URL: DOCUMENTED_URLS.sandbox.middleware,
        MIGO_SANDBOX_MERCHANT_TOKEN: MERCHANT_TOKEN,
        MIGO_PRODUCTION_CARD: simulatorCard(),
        MIGO_CHARGE_AMOUNT: '9.99',
        MIGO_CONFIRM_PRODUCTION: 'someoneElse',
      };
      const { config } = resolveConfig({ env, cwd: NO_DOTENV, now: NOW });
      let error: unknown;
      try {
        assertProductionAllowed(config);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ProductionGuardError);
      const message = (error as Error).message;
      for (const variable of [
        'MIGO_MIDDLEWARE_URL',
        'MIGO_MERCHANT_TOKEN',
        'MIGO_PRODUCTION_CARD',
        'MIGO_CHARGE_AMOUNT',
        'MIGO_CONFIRM_PRODUCTION',
      ])
        expect(message, `the refusal names ${variable}`).toContain(variable);
      expect(message, 'the merchant token is never echoed').not.toContain(MERCHANT_TOKEN);
      expect(message, 'the card number is never echoed').not.toContain(config.cards.approved!.pan);
    },
  );

  test(
    'guards production only: the same sandbox values are allowed for a sandbox run',
    prodSafe(goLive('GL-ENV-04')),
    () => {
      const { config } = resolveConfig({
        env: {
          MIGO_ENV: 'sandbox',
          MIGO_MERCHANT_TOKEN: MERCHANT_TOKEN,
          MIGO_CLIENT_SLUG: SLUG,
          MIGO_SANDBOX_MERCHANT_TOKEN: MERCHANT_TOKEN,
          MIGO_CARD_APPROVED: simulatorCard(),
        },
        cwd: NO_DOTENV,
        now: NOW,
      });
      expect(found(productionRefusals(config))).toEqual([]);
    },
  );

  test(
    "passes this run's own configuration",
    prodSafe(goLive('GL-ENV-02', 'GL-ENV-04')),
    ({ migoConfig }) => {
      // productionRefusals() is empty for any other target, so elsewhere this would pass whatever the guard did.
      test.skip(
        migoConfig.target !== 'production',
        "the guard judges a production run's own configuration only; the tests above prove it on built ones",
      );
      expect(found(productionRefusals(migoConfig)), `MIGO_ENV=${migoConfig.target}`).toEqual([]);
    },
  );
});
