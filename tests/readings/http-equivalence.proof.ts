/**
 * The whole matrix against a simulator whose every answer comes in an HTTP-equivalent form (compression,
 * chunking, charset spelling, header-name case, up to 100 ms latency; simulator/http-variants.ts): no test may
 * fail because of it. A proof (a nested full run), so it runs in the proofs project, not in `npm test`.
 */
import { test, expect } from '@playwright/test';
import { failuresOf, runMatrix } from '../../bench/nested-run';
import { SIM_HTTP_VARIANTS_VARIABLE } from '../../fixtures/target';

test('the matrix stays green when every answer comes in an HTTP-equivalent form', async ({}, testInfo) => {
  // A full nested run with the browser checkouts, on a loaded 2-core machine.
  testInfo.setTimeout(15 * 60_000);
  const run = await runMatrix([], { [SIM_HTTP_VARIANTS_VARIABLE]: '1' });
  expect(run.problem, 'the nested run produced results').toBeUndefined();
  expect(failuresOf(run), 'tests that failed under equivalent answers').toEqual({});
  const verdicts = [...run.verdicts.values()];
  expect(
    verdicts.filter((v) => v === 'flaky'),
    'tests that needed a retry',
  ).toEqual([]);
  expect(verdicts.filter((v) => v === 'passed').length, 'the matrix ran').toBeGreaterThan(100);
});
