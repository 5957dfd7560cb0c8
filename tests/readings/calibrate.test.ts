/**
 * `npx migo-contract calibrate` against the simulator serving each option: every reading with a probe is told
 * right under every option, no probe ever names an option the simulator does not serve, the readings without a
 * probe say so, production refuses the probes that write, and the command writes a profile the loader reads.
 * Six simulators cover every option: set k serves option k (mod the count) of every reading at once, as the
 * probes read each reading apart from the others.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { calibrate, PROBES, unprobedReadings, type Calibration } from '../../fixtures/calibrate';
import { resolveReadings } from '../../fixtures/config/readings-profile';
import { fromSimulator } from '../../fixtures/target';
import { READINGS, READING_NAMES, optionNames, type ReadingName } from '../../schemas/readings';
import { startSimulator } from '../../simulator';

const ROOT = join(__dirname, '..', '..');
const SETS = Math.max(...READINGS.map((r) => r.options.length));

/**
 * Option k of every reading. payment-link-extra-fields shows only beside a top-level link, so it changes every
 * second set while payment-link-url alternates: both its options meet the top-level link.
 */
function optionSet(k: number): Record<string, string> {
  return Object.fromEntries(
    READINGS.map((r) => {
      const index = r.name === 'payment-link-extra-fields' ? Math.floor(k / 2) : k;
      return [r.name, r.options[index % r.options.length]!.name];
    }),
  );
}

async function calibrateServing(served: Record<string, string>, production = false): Promise<Calibration> {
  const simulator = await startSimulator({ readings: served, callbackRetryScheduleMs: [20, 40, 80] });
  try {
    return await calibrate(fromSimulator(simulator), { production });
  } finally {
    await simulator.close();
  }
}

test('every option of every probed reading is detected, and no probe names an option not served', async () => {
  test.setTimeout(120_000);
  const seen = new Map<ReadingName, Set<string>>(READING_NAMES.map((name) => [name, new Set()]));
  const wrong: string[] = [];
  for (let k = 0; k < SETS; k += 1) {
    const served = optionSet(k);
    const { readings, failedProbes } = await calibrateServing(served);
    expect(failedProbes, `set ${k}`).toEqual([]);
    for (const name of READING_NAMES) {
      const { detected, evidence } = readings[name];
      if (detected !== null && detected !== served[name])
        wrong.push(`${name}: served ${served[name]}, detected ${detected} (${evidence})`);
      if (detected !== null) seen.get(name)!.add(detected);
    }
  }
  expect(wrong, 'detections that name an option the simulator did not serve').toEqual([]);
  const probed = PROBES.flatMap((probe) => probe.readings);
  const missed = probed.flatMap((name) =>
    optionNames(name)
      .filter((option) => !seen.get(name)!.has(option))
      .map((option) => `${name}=${option}`),
  );
  expect(missed, 'options never detected while served').toEqual([]);
});

test('the readings without a probe are the catalog codes no route draws and the expired token, each null with the reason', async () => {
  const unprobed = unprobedReadings();
  expect(unprobed).toEqual([
    'token-expired-place',
    ...['7205', '7210', '7213', '7220', '7221', '7300', '7301'].map((code) => `error-status-${code}`),
  ]);
  const { readings } = await calibrateServing({});
  for (const name of unprobed) {
    expect(readings[name].detected, name).toBeNull();
    expect(readings[name].evidence, name).toMatch(
      name === 'token-expired-place'
        ? /^no safe probe: an access token expires only after its lifetime/
        : /^no safe probe: no operation this suite exercises draws code 7\d{3} /,
    );
  }
});

test('in production only the probes that read or open a session run; the others say why not', async () => {
  const { readings } = await calibrateServing({}, true);
  const safe = new Set(PROBES.filter((p) => p.productionSafe).flatMap((p) => p.readings));
  for (const probe of PROBES)
    for (const name of probe.readings) {
      if (safe.has(name)) expect(readings[name].detected, `${name} (${probe.name})`).not.toBeNull();
      else {
        expect(readings[name].detected, name).toBeNull();
        expect(readings[name].evidence, name).toMatch(/^not probed in production: the probe sends /);
      }
    }
  // What a production calibration may run: logins, the refresh, GET /health and GET /configs.
  expect(PROBES.filter((p) => p.productionSafe).map((p) => p.name)).toEqual([
    'wallet-login',
    'wallet-health',
    'wallet-refresh',
    'wallet-configs',
    'cms-app-login',
  ]);
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it, with only the MIGO_ variables given. */
function cli(env: Record<string, string>, ...args: string[]): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MIGO_')));
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/migo-contract.cjs', 'calibrate', ...args],
      { cwd: ROOT, env: { ...clean, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

test('calibrate --json --write against a simulator started elsewhere: the profile it writes loads as detected', async () => {
  // A child process that builds the CLI bundle on first use, on a loaded machine.
  test.setTimeout(120_000);
  const served = {
    'payment-link-url': 'data-url',
    'wallet-envelope': 'custom-response',
    'error-status-7303': '403',
  };
  const simulator = await startSimulator({ readings: served });
  const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
  try {
    const run = await cli(
      {
        MIGO_ENV: 'local',
        MIGO_MIDDLEWARE_URL: simulator.urls.middleware,
        MIGO_WALLET_URL: simulator.urls.walletGateway,
        MIGO_CMS_URL: simulator.urls.cms,
        MIGO_WEBVIEW_URL: simulator.urls.webview,
      },
      '--json',
      '--write',
      join(dir, 'profile.json'),
    );
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { readings: Record<string, { detected: string | null }> };
    for (const [name, option] of Object.entries(served))
      expect(printed.readings[name]!.detected, name).toBe(option);

    const profile = resolveReadings({ MIGO_READINGS_FILE: join(dir, 'profile.json') }, dir);
    expect(profile.problems).toEqual([]);
    const written = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as { readings: object };
    const detected = Object.entries(printed.readings).filter(([, d]) => d.detected !== null);
    expect(Object.keys(written.readings).sort()).toEqual(detected.map(([name]) => name).sort());
    for (const [name, option] of Object.entries(served))
      expect(profile.readings[name as ReadingName], name).toBe(option);
  } finally {
    await simulator.close();
  }
});

test('calibrate refuses bad arguments and a production run the guard refuses, with exit 2', async () => {
  test.setTimeout(120_000);
  // Six independent processes, started side by side.
  const [unknown, env, folder, unconfigured, unconfirmed, help] = await Promise.all([
    cli({}, '--jsn'),
    cli({}, '--env', 'prod'),
    cli({}, '--write', '/no/such/folder/profile.json'),
    cli({}, '--env', 'production'),
    // Configured, but not confirmed for this client: the production guard refuses before any request.
    cli(
      {
        MIGO_MERCHANT_TOKEN: 'a1'.repeat(32),
        MIGO_CLIENT_SLUG: 'acme',
        MIGO_CONFIRM_PRODUCTION: 'acme-typo',
        MIGO_CARDHOLDER_NAME: 'Contract Test',
        MIGO_CARDHOLDER_EMAIL: 'ct@example.com',
        MIGO_CARDHOLDER_PHONE: '+50212345678',
      },
      '--env',
      'production',
    ),
    cli({}, '--help'),
  ]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown argument "--jsn"');
  expect(env.code).toBe(2);
  expect(env.stderr).toContain('unknown --env value "prod": use one of local, sandbox, production');
  expect(folder.code).toBe(2);
  expect(folder.stderr).toContain('the folder /no/such/folder does not exist');
  expect(unconfigured.code).toBe(2);
  expect(unconfigured.stderr).toContain('MIGO_CONFIRM_PRODUCTION: is not set');
  expect(unconfirmed.code).toBe(2);
  expect(unconfirmed.stderr).toContain('Production run refused (1 reason); nothing was sent to Migo');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Exit codes: 0 every probe ran');
});
