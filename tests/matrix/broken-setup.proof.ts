/**
 * A broken setup fails the affected specs with a message that says what to fix, never a bare timeout: callbacks
 * that never arrive, a checkout selector that does not match the real webview, a missing variable.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { nestedEnv } from '../../bench/nested-run';

const root = join(__dirname, '..', '..');

function matrix(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/@playwright/test/cli.js'),
        'test',
        ...args,
        '--reporter=line',
        '--output',
        join(root, 'test-results', 'broken-setup'),
      ],
      { cwd: root, env: nestedEnv(env) },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const HAPPY_PATH = 'specs/checkout/happy-path.spec.ts';
// The waits these setups exhaust are configured short, so the proof shows the same message sooner: no callback is
// ever sent and no element ever matches, so a short wait times out on any machine. The checkout budget still
// covers opening the page and typing the card (about half a second on the simulator) five times over and more.
const SHORT_CALLBACK_WAIT = { MIGO_CALLBACK_TIMEOUT_MS: '1000' };
const SHORT_CHECKOUT_BUDGET = { MIGO_CHECKOUT_TIMEOUT_MS: '5000' };
// The nested test's own timeout, over the local 20 s: a loaded machine slows the setup, never the verdict.
const NESTED_TEST_TIMEOUT = '--timeout=120000';

test('callbacks that never arrive: the spec names the uid and says to check the callback URL', async () => {
  const { code, output } = await matrix([HAPPY_PATH, NESTED_TEST_TIMEOUT], {
    MIGO_SIM_MUTATIONS: 'callback-not-sent',
    ...SHORT_CALLBACK_WAIT,
  });
  expect(code).toBe(1);
  expect(output).toMatch(/Merchant Generic Callback for uid trx_\w+/);
  expect(output).toContain("Check the client's callback URL");
  expect(output, 'a timeout, but not a bare one').not.toContain('Test timeout of');
});

test('a checkout selector that does not match: the spec names the selector and MIGO_CHECKOUT_SELECTORS', async () => {
  const { code, output } = await matrix([HAPPY_PATH, NESTED_TEST_TIMEOUT], {
    MIGO_CHECKOUT_SELECTORS: '{"pay":"#no-such-button"}',
    ...SHORT_CHECKOUT_BUDGET,
  });
  expect(code).toBe(1);
  expect(output).toContain('#no-such-button');
  expect(output, 'the configured budget, not the default, ran out').toContain(
    'within the 5000 ms checkout budget',
  );
  expect(output).toContain('MIGO_CHECKOUT_SELECTORS');
});

test('a missing variable: nothing runs, and one error lists every missing variable with its fix', async () => {
  const { code, output } = await matrix(['specs/payment-links'], {
    MIGO_ENV: 'sandbox',
    MIGO_MERCHANT_TOKEN: '',
    MIGO_CLIENT_SLUG: '',
  });
  expect(code).toBe(1);
  expect(output).toContain('no test ran');
  expect(output).toMatch(/MIGO_MERCHANT_TOKEN: .*\n\s+fix: /);
  expect(output).toMatch(/MIGO_CLIENT_SLUG: .*\n\s+fix: /);
  expect(output).not.toMatch(/\d+ passed/);
});
