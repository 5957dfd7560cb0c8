/**
 * The test matrix: `npm run matrix` (or `npx playwright test`) against MIGO_ENV=local (the embedded simulator,
 * default), sandbox, or production (fail-closed: only @prod-safe specs, after the production guard).
 */
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import pkg from './package.json';
import { chromiumLaunchOptions } from './fixtures/browser';
import { PRODUCTION_SAFE_TAG, resolveConfig, secretValues } from './fixtures/config';
import { nonDefaultReadings } from './schemas/readings';
import { registerSecret } from './reporters/redaction';
import { artifactPaths } from './reporters/artifacts';
import { runMetadata } from './fixtures/run-metadata';
import type { MigoTestOptions } from './fixtures';

const { config } = resolveConfig();
// The reporters run in this process: the secrets of .env files (never copied into process.env) must be known here
// too, so a failure message quoting one is redacted in results.json, the go-live report and Allure.
for (const secret of secretValues(config)) registerSecret(secret);
const local = config.target === 'local';
// A simulator started elsewhere is shared state: its control API resets would cross workers.
const sharedSimulator = local && !config.embedded;
// A fixed receiver port (MIGO_CALLBACK_PORT, where the public callback URL leads) can be bound by one worker only.
const fixedCallbackPort = config.callback.port !== 0;
const productionOnly = config.target === 'production' ? { grep: new RegExp(PRODUCTION_SAFE_TAG) } : {};
const jsonOutput = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
const artifacts = artifactPaths();

function commit(): string {
  try {
    // The suite's commit, wherever the run starts (the rehearsal runs from a scratch folder).
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: __dirname,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return 'unknown';
  }
}

// Shown as the report's environment: what was tested, with which suite (base URLs carry no credentials).
const environmentInfo = {
  target: config.target,
  middleware: config.embedded ? 'embedded simulator' : (config.urls.middleware ?? 'not set'),
  walletGateway: config.embedded ? 'embedded simulator' : (config.urls.walletGateway ?? 'not set'),
  cms: config.embedded ? 'embedded simulator' : (config.urls.cms ?? 'not set'),
  suite: `${pkg.name} ${pkg.version}`,
  commit: commit(),
  date: new Date().toISOString(),
  node: process.version,
  // The readings in force that differ from today's choice (the run summary lists every one).
  readings:
    Object.entries(nonDefaultReadings(config.readings))
      .map(([name, option]) => `${name}=${option}`)
      .join(', ') || "all at today's choice (npx migo-contract readings)",
};

export default defineConfig<MigoTestOptions>({
  testDir: 'specs',
  globalSetup: './fixtures/global-setup.ts',
  fullyParallel: true,
  workers: sharedSimulator || fixedCallbackPort || config.target === 'production' ? 1 : 2,
  retries: local ? 0 : 1,
  forbidOnly: !!process.env.CI,
  timeout: local ? 20_000 : 180_000,
  outputDir: artifacts.testResults,
  reporter: [
    ['list'],
    // What the run talks to, fixed now: the go-live report judges the run by it.
    [
      './reporters/run-recorder.ts',
      { reportsDir: artifacts.reports, run: runMetadata(config), readings: config.readings },
    ],
    ['./reporters/go-live-reporter.ts', { reportsDir: artifacts.reports }],
    [
      'allure-playwright',
      { resultsDir: artifacts.allureResults, detail: false, suiteTitle: false, environmentInfo },
    ],
    ...(jsonOutput ? [['json', { outputFile: jsonOutput }] as ['json', { outputFile: string }]] : []),
    // Sharded runs (ci-templates/github/sharded.yml) merge blob reports afterwards.
    ...(process.env.MIGO_BLOB_REPORT === '1' ? [['blob'] as ['blob']] : []),
  ],
  use: {
    // Traces and screenshots would hold the card number typed into the checkout and every Authorization
    // header: evidence is attached by the clients instead, redacted.
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    // One worker each on 2 cores: the API specs and the browser checkouts run side by side instead of the
    // checkouts waiting for both slots the API specs would otherwise take (measured: 12.5 s → 8 s of tests).
    { name: 'api', testIgnore: /checkout\//, workers: 1, ...productionOnly },
    // Browser checkouts share one worker: two Chromiums do not fit on a 2-core machine (perf-anchors §4c).
    {
      name: 'checkout',
      testMatch: /checkout\/.*\.spec\.ts/,
      workers: 1,
      use: { needsBrowser: true },
      ...productionOnly,
    },
  ],
});
