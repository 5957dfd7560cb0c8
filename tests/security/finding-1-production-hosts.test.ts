/**
 * Issue 9, finding 1: the guard only looked at MIGO_ENV=production. A sandbox or local run whose URLs (from the
 * environment or a .env file) pointed at production ran every spec there, and `doctor --env sandbox` called that
 * configuration valid.
 *
 * Proved failing on 7b3ea5d: productionRefusals() returned [] for every non-production target, loadConfig()
 * accepted these configurations, doctor said "Production guard: not applicable (MIGO_ENV=sandbox)" and exit 0,
 * and openTarget() went to the network for GET /__sim/credentials of a remote host.
 * The same runs end to end, with DNS refused: finding-1-no-connection.proof.ts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  DOCUMENTED_URLS,
  ProductionGuardError,
  loadConfig,
  productionRefusals,
  resolveConfig,
} from '../../fixtures/config';
import { openTarget } from '../../fixtures/target';
import { dotenv, expect, test } from '../config/helpers';

const SANDBOX = {
  MIGO_ENV: 'sandbox',
  MIGO_MERCHANT_TOKEN: 'c0ffee'.padEnd(64, 'a'),
  MIGO_CLIENT_SLUG: 'merchantShop',
};
const URL_VARIABLES = [
  'MIGO_MIDDLEWARE_URL',
  'MIGO_WALLET_URL',
  'MIGO_CMS_URL',
  'MIGO_WEBVIEW_URL',
  'MIGO_CALLBACK_PUBLIC_URL',
  'MIGO_MERCHANT_HANDLER_URL',
  'MIGO_RETURN_URL',
];
const PRODUCTION_URLS = [...Object.values(DOCUMENTED_URLS.production), 'https://api.migopayments.com'];

const checks = (env: Record<string, string>, cwd: string) =>
  productionRefusals(resolveConfig({ env, cwd }).config).map(({ check, variable, from }) => ({
    check,
    variable,
    from,
  }));

test('a sandbox run refuses every production host in every URL variable, naming variable and source', ({
  tempCwd,
}) => {
  const cwd = tempCwd();
  for (const variable of URL_VARIABLES)
    for (const url of PRODUCTION_URLS)
      expect(checks({ ...SANDBOX, [variable]: url }, cwd), `${variable}=${url}`).toEqual([
        { check: 'production-host', variable, from: 'the environment' },
      ]);
});

test('a production URL from .env or .env.sandbox is refused with the file named, by loadConfig too', ({
  tempCwd,
}) => {
  const cwd = tempCwd({
    '.env': dotenv({ MIGO_MIDDLEWARE_URL: 'https://mw.migopayments.com' }),
    '.env.sandbox': dotenv({ MIGO_WALLET_URL: 'https://API.ALI.APP./rest' }),
  });
  expect(checks(SANDBOX, cwd)).toEqual([
    { check: 'production-host', variable: 'MIGO_MIDDLEWARE_URL', from: '.env' },
    { check: 'production-host', variable: 'MIGO_WALLET_URL', from: '.env.sandbox' },
  ]);
  expect(() => loadConfig({ env: SANDBOX, cwd })).toThrow(ProductionGuardError);
  expect(() => loadConfig({ env: SANDBOX, cwd })).toThrow(
    /MIGO_MIDDLEWARE_URL \(from \.env\): points at mw\.migopayments\.com, a production host of Migo/,
  );
});

test('a local run refuses a production host even with MIGO_ALLOW_REMOTE_LOCAL=1', ({ tempCwd }) => {
  const cwd = tempCwd();
  for (const allow of ['0', '1'])
    expect(
      checks({ MIGO_MIDDLEWARE_URL: 'https://mw.migopayments.com', MIGO_ALLOW_REMOTE_LOCAL: allow }, cwd),
    ).toEqual([{ check: 'production-host', variable: 'MIGO_MIDDLEWARE_URL', from: 'the environment' }]);
});

test('a local run stays on loopback unless MIGO_ALLOW_REMOTE_LOCAL=1', ({ tempCwd }) => {
  const cwd = tempCwd();
  for (const url of [
    'http://127.0.0.1:4010',
    'http://localhost:4010',
    'http://[::1]:4010',
    'http://127.9.9.9',
  ])
    expect(checks({ MIGO_MIDDLEWARE_URL: url }, cwd), url).toEqual([]);
  for (const url of ['http://10.0.0.5:4010', 'https://sim.example.net', 'http://[::ffff:10.0.0.1]:4010'])
    expect(checks({ MIGO_MIDDLEWARE_URL: url }, cwd), url).toEqual([
      { check: 'remote-local', variable: 'MIGO_MIDDLEWARE_URL', from: 'the environment' },
    ]);
  expect(
    checks({ MIGO_MIDDLEWARE_URL: 'https://sim.example.net', MIGO_ALLOW_REMOTE_LOCAL: '1' }, cwd),
  ).toEqual([]);
});

test('openTarget refuses before any connection: no GET /__sim/credentials to a host the guard refuses', async ({
  tempCwd,
}) => {
  // `.invalid` never resolves (RFC 6761): without the guard, the attempt fails on DNS, not on the guard.
  const { config } = resolveConfig({ env: { MIGO_MIDDLEWARE_URL: 'https://sim.invalid' }, cwd: tempCwd() });
  await expect(openTarget(config)).rejects.toThrow(ProductionGuardError);
  await expect(openTarget(config)).rejects.toThrow(/MIGO_ALLOW_REMOTE_LOCAL=1/);
});

test('doctor --env sandbox names the refused variable and its file, and exits 1', async ({ tempCwd }) => {
  const cwd = tempCwd({ '.env': dotenv({ MIGO_MIDDLEWARE_URL: 'https://mw.migopayments.com' }) });
  const bin = join(__dirname, '..', '..', 'bin', 'migo-contract.cjs');
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'doctor', '--env', 'sandbox'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...SANDBOX },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ code: status, stdout: out }));
  });
  expect(stdout).toContain('Production guard: REFUSES this run (1):');
  expect(stdout).toContain(
    '  ✗ MIGO_MIDDLEWARE_URL (from .env): points at mw.migopayments.com, a production host of Migo',
  );
  expect(stdout).toContain(
    'Verdict: the configuration is NOT valid for sandbox: 1 production guard refusal.',
  );
  expect(code).toBe(1);
});
