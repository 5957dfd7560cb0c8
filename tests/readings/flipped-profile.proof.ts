/**
 * No reading is hard-coded anywhere: the whole matrix, run under a profile that moves every reading off today's
 * choice at once (the embedded simulator serves the same profile), is as green as under the defaults. Two runs
 * cover every option of the readings with three: the first option after the default, and the last one.
 */
import { test, expect } from '@playwright/test';
import { failedTests, runMatrix } from '../../bench/nested-run';
import { READINGS } from '../../schemas/readings';

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
    expect(failedTests(run), `tests that failed under ${pairs.join(',')}`).toEqual([]);
    expect([...run.verdicts.values()].filter((v) => v === 'passed').length, 'the matrix ran').toBeGreaterThan(
      100,
    );
  });
}
