import { defineConfig } from '@playwright/test';

// The project's own tests, in two tiers (the Migo test matrix itself is configured in ../playwright.config.ts):
// - `unit`: `*.test.ts`, fast and fully parallel; run by `npm test` (whole budget 2 min on 2 cores).
// - `proofs`: `*.proof.ts`, the heavy proofs: nested Playwright runs (forced failures, mutations, rehearsals,
//   production listings) and the payer's own browser checkouts. One at a time, because each already takes both
//   cores; run by `npm run test:proofs` and `.ci/run` after `npm test`.

// A nested matrix run takes about 30 s alone and about twice that beside a second run on 2 cores: 5 minutes is
// over 5x a loaded run. A hook that nests a run sets its own timeout too (testInfo.setTimeout in the hook).
const PROOF_TIMEOUT_MS = 5 * 60_000;

export default defineConfig({
  testDir: '.',
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: '../test-results/self',
  workers: 2,
  projects: [
    {
      name: 'unit',
      testMatch: '**/*.test.ts',
      fullyParallel: true,
      workers: 2,
      timeout: 60_000,
    },
    {
      name: 'proofs',
      testMatch: '**/*.proof.ts',
      fullyParallel: false,
      workers: 1,
      timeout: PROOF_TIMEOUT_MS,
    },
  ],
});
