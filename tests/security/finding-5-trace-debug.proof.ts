/**
 * Issue 9, finding 5: `--trace on` and `DEBUG=pw:api` worked in production runs: the trace held the merchant token
 * and the typed card, the debug log printed `authorization: <token>`. A production run now stops with a message
 * on every flag or variable that records page or request content (or repeats a test); any other run may use
 * them, and is warned at the start. Proven by the pure judgement of a command line, the config as resolved in a
 * child process, and real `playwright test --list` runs (nothing runs, nothing connects).
 *
 * Proved failing on 7b3ea5d: the production config loaded with every one of these, `--list --trace on` exited
 * 0 and no warning was printed anywhere.
 */
import { expect, test } from '@playwright/test';
import {
  commandLineRefusal,
  commandLineWarnings,
  enablesPlaywrightLogs,
} from '../../fixtures/config/command-line';
import { SAFE_PRODUCTION, node, playwrightCli, resolvedConfigs } from './harness';

const REFUSED: [string[], Record<string, string>, string][] = [
  [['--trace', 'on'], {}, '--trace on'],
  [['--trace=retain-on-failure'], {}, '--trace retain-on-failure'],
  [['--debug'], {}, '--debug'],
  [['--ui'], {}, '--ui'],
  [['--ui-port=0'], {}, '--ui-port 0'],
  [['--headed'], {}, '--headed'],
  [['--reporter=line'], {}, '--reporter line'],
  [[], { DEBUG: 'pw:api' }, 'DEBUG=pw:api'],
  [[], { DEBUG: 'pw:*' }, 'DEBUG=pw:*'],
  [[], { DEBUG: 'express,*' }, 'DEBUG=express,*'],
  [[], { PWDEBUG: '1' }, 'PWDEBUG=1'],
  [[], { PWDEBUG: 'console' }, 'PWDEBUG=console'],
];

test('production refuses each flag and variable that records content, naming it', () => {
  for (const [argv, env, flag] of REFUSED) {
    const refusal = commandLineRefusal('production', ['node', 'playwright', 'test', ...argv], env);
    expect(refusal, flag).toContain(`✗ ${flag}:`);
    expect(refusal).toContain('nothing was sent to Migo');
  }
  for (const argv of [['--trace', 'off'], ['--list', '--reporter=json'], ['--workers=1']])
    expect(
      commandLineRefusal('production', ['node', 'playwright', 'test', ...argv], {}),
      argv.join(' '),
    ).toBe(undefined);
  expect(
    commandLineRefusal(
      'production',
      ['node', 'playwright', 'merge-reports', '--reporter', 'html', 'blobs'],
      {},
    ),
    'merging reports runs nothing',
  ).toBeUndefined();
  expect(enablesPlaywrightLogs('express:*,-pw:*')).toBe(false);
  expect(enablesPlaywrightLogs('pw:protocol')).toBe(true);
});

test('other runs warn instead, at the start, and say what the output holds', () => {
  for (const target of ['local', 'sandbox'] as const) {
    expect(commandLineRefusal(target, ['node', 'playwright', 'test', '--trace', 'on'], {})).toBeUndefined();
    const warnings = commandLineWarnings(target, ['node', 'playwright', 'test', '--trace', 'on'], {
      DEBUG: 'pw:api',
    });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^--trace on: .*Authorization header.*card number/);
    expect(warnings[1]).toMatch(/^DEBUG=pw:api: .*authorization/);
  }
});

test('the production config, loaded for `--trace on` or DEBUG=pw:api, stops with the message', async () => {
  const [trace, debug, local] = await resolvedConfigs([
    { args: ['--trace', 'on'], env: SAFE_PRODUCTION },
    { args: [], env: { ...SAFE_PRODUCTION, DEBUG: 'pw:api' } },
    { args: ['--trace', 'on'], env: { MIGO_ENV: 'local' } },
  ]);
  expect(trace!.config).toBeUndefined();
  expect(trace!.refusal).toContain('✗ --trace on:');
  expect(debug!.config).toBeUndefined();
  expect(debug!.refusal).toContain('✗ DEBUG=pw:api:');
  expect(local!.config?.use.trace, 'the config itself never turns tracing on').toBe('off');
  expect(local!.warnings).toEqual([expect.stringMatching(/^migo: WARNING --trace on: /)]);
});

test('`playwright test --list` in production: refused with a flag, listed without', async () => {
  // The two listings are independent: side by side, the test takes one listing's time.
  const [refused, listed] = await Promise.all([
    node([playwrightCli, 'test', '--list', '--trace', 'on'], SAFE_PRODUCTION),
    node([playwrightCli, 'test', '--list'], SAFE_PRODUCTION),
  ]);
  expect(refused.status).toBe(1);
  expect(refused.stdout + refused.stderr).toContain('Production run refused: --trace on');
  expect(listed.status, listed.stderr).toBe(0);
  expect(listed.stdout).toMatch(/Total: \d+ tests? in \d+ files?/);
});
