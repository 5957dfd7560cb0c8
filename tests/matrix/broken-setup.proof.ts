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

test('callbacks that never arrive: the spec names the uid and says to check the callback URL', async () => {
  const { code, output } = await matrix([HAPPY_PATH], { MIGO_SIM_MUTATIONS: 'callback-not-sent' });
  expect(code).toBe(1);
  expect(output).toMatch(/Merchant Generic Callback for uid trx_\w+/);
  expect(output).toContain("Check the client's callback URL");
});

test('a checkout selector that does not match: the spec names the selector and MIGO_CHECKOUT_SELECTORS', async () => {
  const { code, output } = await matrix([HAPPY_PATH], {
    MIGO_CHECKOUT_SELECTORS: '{"pay":"#no-such-button"}',
  });
  expect(code).toBe(1);
  expect(output).toContain('#no-such-button');
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
