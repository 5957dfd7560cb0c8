import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigEnvSchema,
  ConfigError,
  DOCUMENTED_URLS,
  describeConfig,
  loadConfig,
  requireCredentials,
  resolveConfig,
  secretValues,
  unmet,
  type ConfigVariable,
} from '../../fixtures/config';
import { DEFAULT_READINGS } from '../../schemas/readings';
import { TEST_CARDS } from '../../simulator/test-cards';
import { CANARY, breakLuhn, dotenv, ed25519Pem, expect, rsaPem, sandboxEnv, test, withLuhn } from './helpers';

const VARIABLES = Object.keys(ConfigEnvSchema.properties) as ConfigVariable[];

test.describe('defaults per target', () => {
  test('local: the embedded simulator, its cards, short timeouts, nothing required', ({ tempCwd }) => {
    const config = loadConfig({ env: {}, cwd: tempCwd() });
    expect(config.target).toBe('local');
    expect(config.embedded).toBe(true);
    expect(config.urls).toEqual({
      middleware: undefined,
      walletGateway: undefined,
      cms: undefined,
      webview: undefined,
    });
    expect(Object.values(config.urlSources)).toEqual(['simulator', 'simulator', 'simulator', 'simulator']);
    expect(config.credentials).toEqual({ fromSimulator: true, sandbox: [] });
    expect(config.cards.approved?.pan).toBe(TEST_CARDS.approved.pan);
    expect(config.cards.threeDsFailed?.pan).toBe(TEST_CARDS.threeDsFailed.pan);
    expect(config.timeouts).toEqual({ requestMs: 5_000, callbackMs: 5_000, checkoutMs: 15_000 });
    expect(config.charge).toMatchObject({ amount: 10, currency: 'GTQ', maxAmount: 5 });
    expect(config.readings).toEqual(DEFAULT_READINGS);
    expect(config.tls).toEqual({ minCertDays: 30, minVersion: 'TLSv1.2' });
    expect(config.callback).toEqual({
      port: 0,
      https: false,
      handlerBudgetMs: 2_000,
      maxBytesHeld: 64 * 1024 * 1024,
    });
    expect(config.checkout.selectors.cardNumber).toBe('#card-number');
    expect(requireCredentials(config, 'cms')).toBeUndefined();
  });

  test('sandbox: the documented sandbox/QA URLs and longer timeouts; no test card is assumed', ({
    tempCwd,
  }) => {
    const config = loadConfig({
      env: { MIGO_ENV: 'sandbox', MIGO_MERCHANT_TOKEN: CANARY.token, MIGO_CLIENT_SLUG: 'migoDeveloper' },
      cwd: tempCwd(),
    });
    expect(config.urls).toEqual({
      middleware: 'https://sb-mw.migopayments.com',
      walletGateway: 'https://ali-qa.ali.app/rest',
      cms: 'https://ali-qa.ali.app/cms/rest',
      webview: 'https://sandbox.migopayments.com',
    });
    expect(Object.values(config.urlSources)).toEqual(['default', 'default', 'default', 'default']);
    expect(config.embedded).toBe(false);
    expect(config.credentials.middleware).toEqual({
      merchantToken: CANARY.token,
      clientSlug: 'migoDeveloper',
    });
    expect(config.cards).toEqual({});
    expect(config.timeouts).toEqual({ requestMs: 30_000, callbackMs: 120_000, checkoutMs: 60_000 });
    expect(requireCredentials(config, 'middleware')).toBeUndefined();
    expect(requireCredentials(config, 'walletGateway')).toBe(
      'no Wallet Gateway credentials for MIGO_ENV=sandbox: set MIGO_WALLET_MERCHANT and MIGO_WALLET_PRIVATE_KEY (or MIGO_WALLET_PRIVATE_KEY_FILE)',
    );
    expect(unmet(config, 'card:declinedGeneric', 'card:threeDsApproved')).toBe(
      "MIGO_CARD_DECLINED and MIGO_CARD_3DS_APPROVED are not set: Migo's sandbox test cards are not documented, so use the ones your Migo contact issued",
    );
    expect(unmet(config, 'callback')).toMatch(/^MIGO_CALLBACK_PUBLIC_URL is not set/);
    expect(unmet(config, 'simulator')).toMatch(/only MIGO_ENV=local has/);
  });

  test('production: the documented production URLs, a 1.00 charge, only the disposable card', ({
    tempCwd,
  }) => {
    const config = loadConfig({
      env: {
        MIGO_ENV: 'production',
        MIGO_MERCHANT_TOKEN: CANARY.token,
        MIGO_CLIENT_SLUG: 'shop',
        MIGO_CONFIRM_PRODUCTION: 'shop',
        MIGO_CARDHOLDER_NAME: 'Disposable Person',
        MIGO_CARDHOLDER_EMAIL: 'disposable@merchant-shop.com',
        MIGO_CARDHOLDER_PHONE: '+50255550000',
        MIGO_PRODUCTION_CARD: `${CANARY.productionPan}|11/38|123`,
        MIGO_CARD_DECLINED: `${CANARY.pan}|12/39|123`,
      },
      cwd: tempCwd(),
    });
    expect(config.urls).toEqual(DOCUMENTED_URLS.production);
    expect(config.urls.middleware).toBe('https://mw.migopayments.com');
    expect(config.charge.amountText).toBe('1.00');
    expect(Object.keys(config.cards)).toEqual(['approved']);
    expect(config.cards.approved?.last4).toBe(CANARY.productionPan.slice(-4));
    expect(config.sandboxCards.declinedGeneric?.last4).toBe(CANARY.pan.slice(-4));
    expect(unmet(config, 'card:declinedGeneric')).toMatch(/^production has no declinedGeneric test card/);
  });

  test('URL overrides are used as given; a partial local override targets an external simulator', ({
    tempCwd,
  }) => {
    const sandbox = loadConfig({
      env: { ...sandboxEnv(ed25519Pem()), MIGO_WALLET_URL: 'https://proxy.internal.example.net/rest/' },
      cwd: tempCwd(),
    });
    expect(sandbox.urls.walletGateway).toBe('https://proxy.internal.example.net/rest');
    expect(sandbox.urlSources.walletGateway).toBe('variable');
    expect(sandbox.urlSources.middleware).toBe('default');

    const resolved = resolveConfig({
      env: {
        MIGO_MIDDLEWARE_URL: 'http://127.0.0.1:4010',
        MIGO_MERCHANT_TOKEN: CANARY.token,
        MIGO_CLIENT_SLUG: 'sim',
      },
      cwd: tempCwd(),
    });
    const local = resolved.config;
    expect(local.embedded).toBe(false);
    expect(local.urls.middleware).toBe('http://127.0.0.1:4010');
    expect(local.urlSources.cms).toBe('unset');
    expect(local.credentials.middleware?.clientSlug).toBe('sim');
    expect(requireCredentials(local, 'middleware')).toBeUndefined();
    // No variables for the hook pair: the fixtures read them from GET /__sim/credentials.
    expect(requireCredentials(local, 'hook')).toBeUndefined();
    expect(requireCredentials(local, 'cms')).toMatch(/set MIGO_CMS_URL$/);
    expect(resolved.warnings.join('\n')).toContain(
      'MIGO_WALLET_URL, MIGO_CMS_URL, MIGO_WEBVIEW_URL (unset) will be skipped',
    );
  });

  test('the embedded simulator ignores credential and card variables, and says so', ({ tempCwd }) => {
    const { config, warnings, problems } = resolveConfig({
      env: {
        MIGO_MERCHANT_TOKEN: CANARY.token,
        MIGO_CLIENT_SLUG: 'x',
        MIGO_CARD_APPROVED: `${CANARY.pan}|12/39|123`,
      },
      cwd: tempCwd(),
    });
    expect(problems).toEqual([]);
    expect(config.credentials.middleware).toBeUndefined();
    expect(config.cards.approved?.pan).toBe(TEST_CARDS.approved.pan);
    expect(warnings).toEqual([
      'MIGO_MERCHANT_TOKEN, MIGO_CLIENT_SLUG are ignored: the embedded simulator issues its own credentials (set the MIGO_*_URL variables to target a simulator started elsewhere).',
      'MIGO_CARD_APPROVED is ignored: the embedded simulator knows only its own test cards.',
    ]);
  });
});

test.describe('dotenv files', () => {
  test('environment > .env.<target> > .env; only the environment unsets; process.env is left alone', ({
    tempCwd,
  }) => {
    const cwd = tempCwd({
      '.env': dotenv({
        MIGO_ENV: 'sandbox',
        MIGO_MERCHANT_TOKEN: CANARY.token,
        MIGO_CLIENT_SLUG: 'from-dotenv',
        MIGO_CHARGE_AMOUNT: '1.50',
        MIGO_CHARGE_CURRENCY: 'USD',
        MIGO_CALLBACK_PORT: '7000',
        MIGO_HANDLER_BUDGET_MS: '900',
      }),
      '.env.sandbox': dotenv({
        MIGO_CLIENT_SLUG: 'from-sandbox-file',
        MIGO_CHARGE_AMOUNT: '2.25',
        MIGO_CHARGE_CURRENCY: '',
        MIGO_HANDLER_BUDGET_MS: '',
      }),
      '.env.production': dotenv({ MIGO_CHARGE_CURRENCY: 'EUR' }),
    });
    const before = { ...process.env };
    const { config, files } = resolveConfig({
      env: { MIGO_CLIENT_SLUG: 'from-env', MIGO_CALLBACK_PORT: '' },
      cwd,
    });
    expect(config.target).toBe('sandbox');
    expect(config.credentials.middleware?.clientSlug).toBe('from-env');
    expect(config.charge.amountText).toBe('2.25');
    // An empty value in a file hides nothing (a copied .env.example stays harmless) ...
    expect(config.charge.currency).toBe('USD');
    expect(config.callback.handlerBudgetMs).toBe(900);
    // ... while an empty variable in the environment unsets the files' value.
    expect(config.callback.port).toBe(0);
    expect(config.origins).toMatchObject({
      MIGO_ENV: '.env',
      MIGO_CLIENT_SLUG: 'environment',
      MIGO_CHARGE_AMOUNT: '.env.sandbox',
      MIGO_CHARGE_CURRENCY: '.env',
    });
    expect(files.map((f) => [f.name, f.status])).toEqual([
      ['.env', 'loaded'],
      ['.env.sandbox', 'loaded'],
    ]);
    expect(process.env).toEqual(before);
  });

  test('MIGO_ENV from the environment picks the file; a file that contradicts it is a problem', ({
    tempCwd,
  }) => {
    const cwd = tempCwd({
      '.env': dotenv({ MIGO_ENV: 'sandbox' }),
      '.env.production': dotenv({ MIGO_ENV: 'sandbox', MIGO_CHARGE_CURRENCY: 'EUR' }),
    });
    const { config, problems } = resolveConfig({ env: { MIGO_ENV: 'production' }, cwd });
    expect(config.target).toBe('production');
    expect(config.charge.currency).toBe('EUR');
    expect(problems.find((p) => p.variable === 'MIGO_ENV')?.problem).toBe(
      '.env.production sets it to "sandbox", but that file is only read for MIGO_ENV=production',
    );
  });

  test('an unreadable .env is reported, not thrown', ({ tempCwd }) => {
    const cwd = tempCwd();
    mkdirSync(join(cwd, '.env'));
    const { problems } = resolveConfig({ env: {}, cwd });
    expect(problems).toEqual([
      expect.objectContaining({ variable: '.env', fix: expect.stringContaining('readable file') }),
    ]);
  });
});

test.describe('one error names every problem', () => {
  test('every missing or invalid variable at once, each with its fix', ({ tempCwd }) => {
    const env = {
      MIGO_ENV: 'sandbox',
      MIGO_CLIENT_SLUG: 'shop',
      MIGO_CHARGE_AMOUNT: '0',
      MIGO_CHARGE_CURRENCY: 'quetzal',
      MIGO_CALLBACK_PORT: '70000',
      MIGO_CALLBACK_HTTPS: 'yes',
      MIGO_CALLBACK_PUBLIC_URL: 'hooks.example.com',
      MIGO_CMS_EMAIL: 'not-an-email',
      MIGO_CMS_MERCHANT: 'cms',
      MIGO_CHECKOUT_SELECTORS: '{"button":"#go"}',
      MIGO_WALLET_MERCHANT: 'wallet',
      MIGO_REQUEST_TIMEOUT_MS: 'soon',
      MIGO_CARD_DECLINED: `${breakLuhn(withLuhn('400000000000777'))}|12/39|123`,
      MIGO_CARD_EXPIRED: `${CANARY.pan}|01/20|123`,
      MIGO_CHROMIUM_PATH: '/nonexistent/chromium',
    };
    let error: unknown;
    try {
      loadConfig({ env, cwd: tempCwd() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    const expected = [
      'MIGO_MERCHANT_TOKEN',
      'MIGO_CHARGE_AMOUNT',
      'MIGO_CHARGE_CURRENCY',
      'MIGO_CALLBACK_PORT',
      'MIGO_CALLBACK_HTTPS',
      'MIGO_CALLBACK_PUBLIC_URL',
      'MIGO_CMS_EMAIL',
      'MIGO_CMS_PASSWORD',
      'MIGO_CMS_PARTNER_ID',
      'MIGO_CHECKOUT_SELECTORS',
      'MIGO_WALLET_PRIVATE_KEY',
      'MIGO_REQUEST_TIMEOUT_MS',
      'MIGO_CARD_DECLINED',
      'MIGO_CARD_EXPIRED',
      'MIGO_CHROMIUM_PATH',
    ];
    expect(problems.map((p) => p.variable).sort()).toEqual([...expected].sort());
    for (const variable of expected) expect(message).toContain(`✗ ${variable}: `);
    expect(message.match(/ {4}fix: /g)).toHaveLength(expected.length);
    const byVariable = Object.fromEntries(problems.map((p) => [p.variable, p]));
    expect(byVariable.MIGO_MERCHANT_TOKEN?.problem).toBe('is not set; MIGO_ENV=sandbox needs it');
    expect(byVariable.MIGO_MERCHANT_TOKEN?.fix).toContain('(in .env.sandbox or the environment)');
    expect(byVariable.MIGO_CALLBACK_PORT?.problem).toBe(
      'is "70000", which is out of range (must be <= 65535)',
    );
    expect(byVariable.MIGO_CALLBACK_HTTPS?.problem).toBe('is "yes", which is not true or false');
    expect(byVariable.MIGO_CMS_PASSWORD?.problem).toMatch(/^is not set, but MIGO_CMS_MERCHANT is/);
    expect(byVariable.MIGO_CHECKOUT_SELECTORS?.problem).toContain('unknown key "button"');
    expect(byVariable.MIGO_CARD_EXPIRED?.problem).toMatch(/expired \(01\/20\)$/);
    expect(byVariable.MIGO_CARD_DECLINED?.problem).toMatch(/^the card ending \d{4} fails the Luhn check/);
    expect(message).toMatch(/^The run configuration \(MIGO_ENV=sandbox\) has 15 problems; no test ran:/);
  });

  test('an unknown MIGO_ENV lists the three targets', ({ tempCwd }) => {
    expect(() => loadConfig({ env: { MIGO_ENV: 'staging' }, cwd: tempCwd() })).toThrow(
      'MIGO_ENV: is "staging"; expected one of local, sandbox, production',
    );
  });

  test('a near miss of a variable name is flagged as a probable typo', ({ tempCwd }) => {
    const { warnings } = resolveConfig({
      env: { MIGO_MERCHANT_TOKN: 'x', MIGO_RUN_DIR: '/tmp/x' },
      cwd: tempCwd(),
    });
    expect(warnings).toEqual([
      'MIGO_MERCHANT_TOKN is not a variable of the run configuration; did you mean MIGO_MERCHANT_TOKEN?',
    ]);
  });
});

test.describe('secrets never show', () => {
  test('describeConfig shows that secrets are set, never their values or a full PAN', ({ tempCwd }) => {
    const pem = ed25519Pem();
    const config = loadConfig({ env: sandboxEnv(pem), cwd: tempCwd() });
    expect(config.credentials.walletGateway?.privateKeyPem).toBe(pem);
    const text = describeConfig(config);
    for (const secret of [
      CANARY.token,
      CANARY.hookPrivateKey,
      CANARY.cmsPassword,
      CANARY.callbackSecret,
      CANARY.pan,
      `|${CANARY.cvc}`,
      pem.split('\n')[1] ?? 'pem body',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain(`merchant token set (64 chars, ends "${CANARY.token.slice(-2)}")`);
    expect(text).toContain(`••••${CANARY.pan.slice(-4)}, expires 12/39`);
    expect(text).toContain('x-api-key: set (');
    expect(secretValues(config)).toEqual(
      expect.arrayContaining([
        CANARY.token,
        CANARY.hookPrivateKey,
        CANARY.cmsPassword,
        CANARY.callbackSecret,
        CANARY.pan,
        pem,
      ]),
    );
  });

  test('errors about secrets and cards never echo the value', ({ tempCwd }) => {
    const badPan = breakLuhn(CANARY.pan);
    const env = {
      MIGO_ENV: 'sandbox',
      MIGO_MERCHANT_TOKEN: `Bearer ${CANARY.token}`,
      MIGO_CLIENT_SLUG: 'shop',
      MIGO_SANDBOX_MERCHANT_TOKEN: `${CANARY.sandboxToken} x`,
      MIGO_CARD_APPROVED: badPan.concat('|12/39|', CANARY.cvc),
      MIGO_CARD_DECLINED: `${CANARY.pan}|13/39|${CANARY.cvc}`,
      MIGO_WALLET_MERCHANT: 'wallet',
      MIGO_WALLET_PRIVATE_KEY: rsaPem(),
    };
    const error = (() => {
      try {
        loadConfig({ env, cwd: tempCwd() });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      [
        'MIGO_CARD_APPROVED',
        'MIGO_CARD_DECLINED',
        'MIGO_MERCHANT_TOKEN',
        'MIGO_SANDBOX_MERCHANT_TOKEN',
        'MIGO_WALLET_PRIVATE_KEY',
      ].sort(),
    );
    for (const secret of [CANARY.token, CANARY.sandboxToken, badPan, CANARY.pan, 'PRIVATE KEY-----\n'])
      expect(error.message).not.toContain(secret);
    expect(error.message).toContain('value hidden');
    expect(error.message).toContain(`the card ending ${badPan.slice(-4)} fails the Luhn check`);
    expect(error.message).toContain(
      `the card ending ${CANARY.pan.slice(-4)} does not have the expected form`,
    );
    expect(error.message).toContain('holds a rsa key; the Wallet Gateway login needs Ed25519');
  });
});

test.describe('wallet key, selectors and files', () => {
  test('the Ed25519 key comes inline (with \\n escapes) or from a file, never both', ({ tempCwd }) => {
    const pem = ed25519Pem();
    const cwd = tempCwd();
    mkdirSync(join(cwd, 'secrets'));
    writeFileSync(join(cwd, 'secrets', 'wallet.pem'), pem);
    const base = {
      MIGO_ENV: 'sandbox',
      MIGO_MERCHANT_TOKEN: CANARY.token,
      MIGO_CLIENT_SLUG: 's',
      MIGO_WALLET_MERCHANT: 'w',
    };
    const fromFile = loadConfig({
      env: { ...base, MIGO_WALLET_PRIVATE_KEY_FILE: 'secrets/wallet.pem' },
      cwd,
    });
    expect(fromFile.credentials.walletGateway).toEqual({
      merchant: 'w',
      privateKeyPem: pem,
      privateKeyFrom: 'MIGO_WALLET_PRIVATE_KEY_FILE',
    });
    const both = resolveConfig({
      env: { ...base, MIGO_WALLET_PRIVATE_KEY_FILE: 'secrets/wallet.pem', MIGO_WALLET_PRIVATE_KEY: pem },
      cwd,
    });
    expect(both.problems.map((p) => p.variable)).toEqual(['MIGO_WALLET_PRIVATE_KEY_FILE']);
    const missing = resolveConfig({
      env: { ...base, MIGO_WALLET_PRIVATE_KEY_FILE: 'secrets/none.pem' },
      cwd,
    });
    expect(missing.problems[0]?.problem).toMatch(/secrets\/none\.pem, which cannot be read \(ENOENT\)$/);
  });

  test('checkout selector overrides merge over the simulator defaults', ({ tempCwd }) => {
    const config = loadConfig({
      env: { MIGO_CHECKOUT_SELECTORS: '{"pay":"button[type=submit]","cardNumber":"#pan"}' },
      cwd: tempCwd(),
    });
    expect(config.checkout.selectors).toMatchObject({
      pay: 'button[type=submit]',
      cardNumber: '#pan',
      cvc: '#card-cvc',
    });
    expect(config.checkout.overriddenSelectors).toEqual(['pay', 'cardNumber']);
    const bad = resolveConfig({ env: { MIGO_CHECKOUT_SELECTORS: '{pay:' }, cwd: tempCwd() });
    expect(bad.problems[0]).toMatchObject({
      variable: 'MIGO_CHECKOUT_SELECTORS',
      problem: expect.stringContaining('not valid JSON'),
    });
  });
});

test('.env.example documents every variable, each under a comment, and nothing else', () => {
  const lines = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8').split('\n');
  const documented: string[] = [];
  lines.forEach((line, index) => {
    const name = /^(MIGO_[A-Z0-9_]+)=/.exec(line)?.[1];
    if (!name) return;
    documented.push(name);
    expect(lines[index - 1], `${name} needs a comment line above it`).toMatch(/^# \S/);
    expect(line, `${name} is left empty in the example`).toBe(`${name}=`);
  });
  expect([...documented].sort()).toEqual([...VARIABLES].sort());
  expect(new Set(documented).size).toBe(documented.length);
});
