/**
 * Issue 9, finding 1, end to end: `MIGO_ENV=sandbox MIGO_MIDDLEWARE_URL=https://mw.migopayments.com` ran
 * specs/errors and specs/alternative-payments against the production Middleware (18 POSTs), and
 * `MIGO_ENV=local` with the same URL sent GET /__sim/credentials to it. Each run below points the production
 * host name at nothing (tests/security/no-network.cjs refuses and logs every lookup that is not loopback, in the
 * runner and every worker): the run must stop on the guard, naming the variable, with no lookup attempted.
 *
 * Proved failing on 7b3ea5d: both runs started the specs; the log held `lookup mw.migopayments.com` (the
 * sandbox run's POST /transactions, the local run's GET /__sim/credentials).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { node, playwrightCli } from './harness';

const blocker = join(__dirname, 'no-network.cjs');
let scratch: string;

test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'migo-no-network-'));
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function offline(name: string, env: Record<string, string>): Record<string, string> {
  return {
    ...env,
    NODE_OPTIONS: `--require ${blocker}`,
    MIGO_NETWORK_LOG: join(scratch, `${name}.log`),
    MIGO_ARTIFACTS_DIR: join(scratch, name),
  };
}

const attempts = (name: string) => {
  const log = join(scratch, `${name}.log`);
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
};

test('the blocker sees a lookup of the production host (control)', async () => {
  const probe = "require('node:dns').lookup('mw.migopayments.com', () => {})";
  await node(['-e', probe], offline('control', {}));
  expect(attempts('control')).toEqual(['lookup mw.migopayments.com']);
});

for (const [name, env] of [
  [
    'sandbox',
    {
      MIGO_ENV: 'sandbox',
      MIGO_MERCHANT_TOKEN: 'c0ffee'.padEnd(64, 'a'),
      MIGO_CLIENT_SLUG: 'merchantShop',
      MIGO_MIDDLEWARE_URL: 'https://mw.migopayments.com',
    },
  ],
  ['local', { MIGO_ENV: 'local', MIGO_MIDDLEWARE_URL: 'https://mw.migopayments.com' }],
] as const)
  test(`MIGO_ENV=${name} with the production Middleware stops on the guard before any lookup`, async ({}, testInfo) => {
    testInfo.setTimeout(180_000);
    const run = await node(
      [playwrightCli, 'test', 'specs/errors', 'specs/alternative-payments', '--reporter=line'],
      offline(name, env),
    );
    const output = run.stdout + run.stderr;
    expect(run.status, output.slice(-2000)).not.toBe(0);
    expect(output).toContain(`MIGO_ENV=${name} run refused by the production guard`);
    expect(output).toContain('MIGO_MIDDLEWARE_URL (from the environment): points at mw.migopayments.com');
    expect(attempts(name), 'no DNS lookup or connection was attempted').toEqual([]);
  });
