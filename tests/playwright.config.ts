import { defineConfig } from '@playwright/test';

// The project's own tests: schemas, simulator, CLI, reporters and the proof harnesses.
// The Migo test matrix itself is configured in ../playwright.config.ts.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: '../test-results/self',
  timeout: 60_000,
});
