/**
 * No reading is hard-coded anywhere: the whole matrix, run under a profile that moves every reading off today's
 * choice at once (the embedded simulator serves the same profile), is as green as under the defaults. Two runs
 * cover every option of the readings with three: the first option after the default, and the last one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { failuresOf, runMatrix } from '../../bench/nested-run';
import { calibrate, profileOf } from '../../fixtures/calibrate';
import { fromSimulator } from '../../fixtures/target';
import { ASSUMPTION_DIFFERS_PATTERN, READINGS, type ReadingName } from '../../schemas/readings';
import { startSimulator } from '../../simulator';

const PROFILES = {
  'the first option after the default': READINGS.map(
    (r) => `${r.name}=${r.options.find((o) => o.name !== r.default)!.name}`,
  ),
  'the last option': READINGS.map((r) => `${r.name}=${r.options.at(-1)!.name}`).filter(
    (pair, i) => !pair.endsWith(`=${READINGS[i]!.default}`),
  ),
};

for (const [which, pairs] of Object.entries(PROFILES)) {
  test(`the matrix stays green with every reading at ${which}`, async ({}, testInfo) => {
    // A full nested run with the browser checkouts, on a loaded 2-core machine.
    testInfo.setTimeout(15 * 60_000);
    const run = await runMatrix([], { MIGO_READINGS: pairs.join(',') });
    expect(run.problem, 'the nested run produced results').toBeUndefined();
    expect(failuresOf(run), `tests that failed under ${pairs.join(',')}`).toEqual({});
    expect([...run.verdicts.values()].filter((v) => v === 'passed').length, 'the matrix ran').toBeGreaterThan(
      100,
    );
  });
}

/**
 * Calibration closes the loop: a target that follows other options than today's fails the affected specs with the
 * assumption-differs sentence under the default profile; `calibrate` tells those options, and the profile it
 * writes makes the same specs green. Three readings that do not mask each other (a login answered in another
 * envelope would fail every Wallet Gateway spec before its own check), each shown by its own specs.
 */
const SERVED = {
  'payment-link-url': 'data-url',
  'middleware-validation-status': '422',
  'error-status-7303': '403',
} as const;
const AFFECTED_SPECS = ['specs/payment-links/', 'specs/errors/', 'specs/alternative-payments/'];

test('a calibrated profile makes green the specs the default profile fails as assumption differs', async ({}, testInfo) => {
  // Two nested runs of three spec folders (no browser) on a loaded 2-core machine, and one calibration.
  testInfo.setTimeout(20 * 60_000);
  const simReadings = Object.entries(SERVED)
    .map(([name, option]) => `${name}=${option}`)
    .join(',');

  const before = await runMatrix(AFFECTED_SPECS, { MIGO_SIM_READINGS: simReadings });
  expect(before.problem, 'the run under the default profile produced results').toBeUndefined();
  const failures = [...before.outcomes.values()].filter((o) => o.verdict === 'failed');
  const differs = failures.map((o) => ASSUMPTION_DIFFERS_PATTERN.exec(o.message ?? ''));
  expect(
    failures.filter((_, i) => !differs[i]).map((o) => `${o.spec}: ${o.message?.split('\n')[0]}`),
    'every failure under the default profile is an assumption that differs',
  ).toEqual([]);
  const told = new Map(differs.map((m) => [m![1], m![3]]));
  for (const [name, option] of Object.entries(SERVED))
    expect(told.get(name), `a spec failed because ${name} is ${option} on the target`).toBe(option);

  const simulator = await startSimulator({ readings: { ...SERVED } });
  let calibration;
  try {
    calibration = await calibrate(fromSimulator(simulator), { production: false });
  } finally {
    await simulator.close();
  }
  for (const [name, option] of Object.entries(SERVED))
    expect(calibration.readings[name as ReadingName].detected, name).toBe(option);
  const profile = join(mkdtempSync(join(tmpdir(), 'calibrated-')), 'migo-readings.json');
  writeFileSync(profile, JSON.stringify(profileOf(calibration, 'the simulator')));

  const after = await runMatrix(AFFECTED_SPECS, {
    MIGO_SIM_READINGS: simReadings,
    MIGO_READINGS_FILE: profile,
  });
  expect(after.problem, 'the run under the calibrated profile produced results').toBeUndefined();
  expect(failuresOf(after), 'tests that fail under the calibrated profile').toEqual({});
  for (const key of before.outcomes.keys())
    if (before.verdicts.get(key) === 'failed') expect(after.verdicts.get(key), key).toBe('passed');
});
