import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CANARY, dotenv, ed25519Pem, expect, sandboxEnv, test } from './helpers';

const BIN = join(__dirname, '..', '..', 'bin', 'migo-contract.cjs');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/migo-contract.cjs doctor …` in `cwd`, with only the given MIGO_* variables in its environment. */
function doctor(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<Result> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, NO_COLOR: '1' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'doctor', ...args], { cwd, env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('local with no configuration: valid, embedded simulator, exit 0', async ({ tempCwd }) => {
  const { code, stdout, stderr } = await doctor(tempCwd());
  expect(stderr).toBe('');
  expect(stdout).toContain('MIGO_ENV: local (the default)');
  expect(stdout).toContain('Target: local (embedded simulator)');
  expect(stdout).toMatch(/Middleware +the embedded simulator/);
  expect(stdout).toContain(
    'Production guard: allows this run (MIGO_ENV=local: no production host, loopback only)',
  );
  expect(stdout).toContain('Verdict: the configuration is valid for local.');
  expect(code).toBe(0);
});

test('sandbox from .env.sandbox: URLs with their source, masked secrets, NOT RUN groups, exit 0', async ({
  tempCwd,
}) => {
  const pem = ed25519Pem();
  const fileValues: Record<string, string> = {
    ...sandboxEnv(pem),
    MIGO_WEBVIEW_URL: 'https://checkout.sandbox-proxy.example.net',
    MIGO_RETURN_URL: 'https://shop.example.net/checkout/return',
  };
  delete fileValues.MIGO_ENV;
  const cwd = tempCwd({ '.env.sandbox': dotenv(fileValues) });
  const { code, stdout, stderr } = await doctor(cwd, ['--env', 'sandbox']);
  expect(stderr).toBe('');
  expect(stdout).toContain('MIGO_ENV: sandbox (from --env)');
  expect(stdout).toMatch(/\.env\.sandbox +loaded/);
  expect(stdout).toMatch(
    /Middleware +https:\/\/sb-mw\.migopayments\.com {2}\(default: the documented sandbox URL\)/,
  );
  expect(stdout).toContain('https://checkout.sandbox-proxy.example.net  (from MIGO_WEBVIEW_URL)');
  expect(stdout).toContain(`merchant token set (64 chars, ends "${CANARY.token.slice(-2)}")`);
  expect(stdout).toMatch(/Spec groups NOT RUN \(\d+ of \d+\):/);
  expect(stdout).toContain(
    '  - Declined charges: MIGO_CARD_DECLINED, MIGO_CARD_INSUFFICIENT_FUNDS and MIGO_CARD_EXPIRED are not set',
  );
  expect(stdout).toContain(
    "  - Faults, retries and 429 backoff: needs the simulator's control API (/__sim), which only MIGO_ENV=local has",
  );
  expect(stdout).toContain('Verdict: the configuration is valid for sandbox.');
  for (const secret of [
    CANARY.token,
    CANARY.hookPrivateKey,
    CANARY.cmsPassword,
    CANARY.callbackSecret,
    CANARY.pan,
    pem.split('\n')[1] ?? 'pem',
  ])
    expect(stdout).not.toContain(secret);
  expect(code).toBe(0);
});

test('an invalid configuration: every problem with its fix, exit 1', async ({ tempCwd }) => {
  const cwd = tempCwd({
    '.env': dotenv({ MIGO_ENV: 'sandbox', MIGO_CARD_APPROVED: `${CANARY.pan}|01/20|123` }),
  });
  const { code, stdout, stderr } = await doctor(cwd, [], { MIGO_CHARGE_AMOUNT: 'ten' });
  expect(stderr).toBe('');
  expect(stdout).toContain('MIGO_ENV: sandbox (from .env)');
  expect(stdout).toContain('Problems (4):');
  expect(stdout).toContain('  ✗ MIGO_MERCHANT_TOKEN: is not set; MIGO_ENV=sandbox needs it');
  expect(stdout).toContain('  ✗ MIGO_CLIENT_SLUG: is not set; MIGO_ENV=sandbox needs it');
  expect(stdout).toContain('  ✗ MIGO_CHARGE_AMOUNT: is "ten", which does not have the expected form');
  expect(stdout).toContain(`  ✗ MIGO_CARD_APPROVED: ••••••••••••${CANARY.pan.slice(-4)} expired (01/20)`);
  expect(stdout.match(/^ {4}fix: /gm)).toHaveLength(4);
  expect(stdout).not.toContain(CANARY.pan);
  expect(stdout).toContain('Verdict: the configuration is NOT valid for sandbox: 4 configuration problems.');
  expect(code).toBe(1);
});

test('production refused by the guard: the refusals and exit 1', async ({ tempCwd }) => {
  const { code, stdout, stderr } = await doctor(tempCwd(), ['--env=production'], {
    MIGO_MERCHANT_TOKEN: CANARY.token,
    MIGO_CLIENT_SLUG: 'merchantShop',
    MIGO_CONFIRM_PRODUCTION: 'merchantShop',
    MIGO_CARDHOLDER_NAME: 'Disposable Person',
    MIGO_CARDHOLDER_EMAIL: 'disposable@merchant-shop.com',
    MIGO_CARDHOLDER_PHONE: '+50255550000',
    MIGO_PRODUCTION_CARD: '4242424242424242|12/39|123',
    MIGO_WALLET_URL: 'https://ali-qa.ali.app/rest',
  });
  expect(stderr).toBe('');
  expect(stdout).toContain('Production guard: REFUSES this run (2):');
  expect(stdout).toContain(
    '  ✗ MIGO_WALLET_URL (from the environment): ali-qa.ali.app is a Migo sandbox, QA or development host',
  );
  expect(stdout).toContain(
    '  ✗ MIGO_PRODUCTION_CARD (from the environment): ••••••••••••4242 is a published test card (Stripe, Checkout.com)',
  );
  expect(stdout).toContain('In production only specs tagged @prod-safe run');
  expect(stdout).toContain(
    'Verdict: the configuration is NOT valid for production: 2 production guard refusals.',
  );
  expect(stdout).not.toContain('4242424242424242');
  expect(code).toBe(1);
});

test('bad arguments exit 2 with a message that says how to fix them', async ({ tempCwd }) => {
  const cwd = tempCwd();
  const [unknownEnv, unknownArg] = await Promise.all([
    doctor(cwd, ['--env', 'staging']),
    doctor(cwd, ['--verbose']),
  ]);
  expect(unknownEnv.stderr).toContain(
    'unknown --env value "staging": use one of local, sandbox, production.',
  );
  expect(unknownEnv.code).toBe(2);
  expect(unknownArg.stderr).toContain(
    'unknown argument "--verbose". usage: migo-contract doctor [--env local|sandbox|production]',
  );
  expect(unknownArg.code).toBe(2);
});

test('shows the readings in force and where each came from', async ({ tempCwd }) => {
  const cwd = tempCwd({
    'migo-readings.json': JSON.stringify({ readings: { 'wallet-envelope': 'custom-response' } }),
  });
  const [{ code, stdout }, bad] = await Promise.all([
    doctor(cwd, [], { MIGO_READINGS: 'callback-status-case=uppercase', MIGO_ERROR_STATUSES: '7303=500' }),
    doctor(cwd, [], { MIGO_READINGS: 'callback-status-case=mixed' }),
  ]);
  expect(stdout).toContain("Readings in force (3 of 31 differ from today's choice;");
  expect(stdout).toMatch(/ {2}wallet-envelope +custom-response {2}\(from \/.*migo-readings\.json\)/);
  expect(stdout).toMatch(/ {2}callback-status-case +uppercase {2}\(from MIGO_READINGS\)/);
  expect(stdout).toMatch(/ {2}error-status-7303 +500 {2}\(from MIGO_ERROR_STATUSES\)/);
  expect(stdout).toMatch(/ {2}payload-type-enum +closed {2}\(today's choice\)/);
  expect(code).toBe(0);
  expect(bad.stdout).toContain(
    '✗ MIGO_READINGS: reading callback-status-case has no option "mixed"; its options are lowercase, uppercase',
  );
  expect(bad.code).toBe(1);
});
