/**
 * The mutation harness, in small: every mutation names spec files that exist, and a fast subset (one mutation
 * per area) is really caught by the specs it names. `npm run mutation` scores all of them (.ci/run runs it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { scoreMutations } from '../../bench/mutation';
import { MUTATIONS } from '../../simulator/mutations';

const root = join(__dirname, '..', '..');
const FAST_SUBSET = [
  'payment-link-lowercase-url',
  'catalog-status-wrong',
  'refresh-token-reusable',
  'callback-no-retry',
];

test('every mutation declares spec files that exist', () => {
  for (const mutation of MUTATIONS) {
    expect(mutation.caughtBy.length, `${mutation.name} declares no spec`).toBeGreaterThan(0);
    for (const file of mutation.caughtBy)
      expect(existsSync(join(root, file)), `${mutation.name}: ${file}`).toBe(true);
  }
});

test('a fast subset of mutations is caught by the specs each one names', async () => {
  test.setTimeout(180_000);
  const report = await scoreMutations(
    MUTATIONS.filter((m) => FAST_SUBSET.includes(m.name)),
    { concurrency: 2 },
  );
  expect(report.baseline.failedTests, 'the same specs pass without mutations').toEqual([]);
  expect(report.missed).toEqual([]);
  expect(report.caught).toBe(FAST_SUBSET.length);
});
