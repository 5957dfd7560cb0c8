/**
 * The test matrix: `npm run matrix` (or `npx playwright test`) against MIGO_ENV=local (the embedded simulator,
 * default), sandbox, or production (fail-closed: only @prod-safe specs, after the production guard, never
 * repeated, never traced).
 *
 * This module runs in the runner process before any worker starts (and again in each worker): it is where the
 * command line is judged, where the environment every worker inherits is set, and where the reporters are
 * ordered, the redacting one first.
 */
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import pkg from './package.json';
import { chromiumLaunchOptions } from './fixtures/browser';
import { PRODUCTION_SAFE_TAG, redactUrl, resolveConfig, secretValues } from './fixtures/config';
import { commandLineRefusal, commandLineWarnings } from './fixtures/config/command-line';
import { nonDefaultReadings } from './schemas/readings';
import { registerSecret } from './reporters/redaction';
import { artifactPaths } from './reporters/artifacts';
import { shortCommit } from './reporters/git-commit';
import { runMetadata } from './fixtures/run-metadata';
import type { MigoTestOptions } from './fixtures';

const { config } = resolveConfig();
const production = config.target === 'production';
// The reporters run in this process: the secrets of .env files (never copied into process.env) must be known here
// too, so a failure message quoting one is redacted in results.json, the go-live report and Allure.
for (const secret of secretValues(config)) registerSecret(secret);

// Workers set TEST_WORKER_INDEX before they load this file: the command line is the runner's to judge, once.
const inRunner = process.env.TEST_WORKER_INDEX === undefined;
if (inRunner) {
  const refusal = commandLineRefusal(config.target, process.argv, process.env);
  // The message is the whole story: one frame naming this file instead of Playwright's loader stack.
  if (refusal) throw Object.assign(new Error(refusal), { stack: `Error: ${refusal}\n    at ${__filename}` });
  for (const warning of commandLineWarnings(config.target, process.argv, process.env))
    console.warn(`migo: WARNING ${warning}`);
}
// Playwright writes an ARIA snapshot of the page into error-context.md when a test fails: on a checkout page it
// holds the typed card number and CVC. This (internal) variable skips it; the workers inherit it. The redacting
// reporter also strips the section, in case a Playwright version stops honouring the variable.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

const local = config.target === 'local';
// A simulator started elsewhere is shared state: its control API resets would cross workers.
const sharedSimulator = local && !config.embedded;
// A fixed receiver port (MIGO_CALLBACK_PORT, where the public callback URL leads) can be bound by one worker only.
const fixedCallbackPort = config.callback.port !== 0;
const productionOnly = production ? { grep: new RegExp(PRODUCTION_SAFE_TAG) } : {};
const jsonOutput = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
const artifacts = artifactPaths();
const here = (path: string) => join(__dirname, path);

const shownUrl = (url: string | undefined) =>
  config.embedded ? 'embedded simulator' : url ? redactUrl(url) : 'not set';

// Shown as the report's environment: what was tested, with which suite (base URLs without credentials).
const environmentInfo = {
  target: config.target,
  middleware: shownUrl(config.urls.middleware),
  walletGateway: shownUrl(config.urls.walletGateway),
  cms: shownUrl(config.urls.cms),
  suite: `${pkg.name} ${pkg.version}`,
  // The suite's commit, wherever the run starts (the rehearsal runs from a scratch folder).
  commit: shortCommit(__dirname),
  date: new Date().toISOString(),
  node: process.version,
  // The readings in force that differ from today's choice (the run summary lists every one).
  readings:
    Object.entries(nonDefaultReadings(config.readings))
      .map(([name, option]) => `${name}=${option}`)
      .join(', ') || "all at today's choice (npx migo-contract readings)",
};

export default defineConfig<MigoTestOptions>({
  // Absolute paths: a proof harness may wrap this config from another folder (tests/security).
  testDir: here('specs'),
  globalSetup: here('fixtures/global-setup.ts'),
  fullyParallel: true,
  workers: sharedSimulator || fixedCallbackPort || production ? 1 : 2,
  // Production never repeats money: a failed production test is not run again, and no test runs twice.
  retries: local || production ? 0 : 1,
  repeatEach: 1,
  forbidOnly: !!process.env.CI,
  timeout: local ? 20_000 : 180_000,
  outputDir: artifacts.testResults,
  reporter: [
    // First: it redacts the results in place before any reporter below reads them (reporters/redaction).
    [here('reporters/redaction/reporter.ts')],
    ['list'],
    // What the run talks to, fixed now: the go-live report judges the run by it.
    [
      here('reporters/run-recorder.ts'),
      { reportsDir: artifacts.reports, run: runMetadata(config), readings: config.readings },
    ],
    [here('reporters/go-live-reporter.ts'), { reportsDir: artifacts.reports }],
    // allure-playwright, writing without an fsync per file and labelling from the go-live annotations.
    [
      here('reporters/allure/allure-reporter.ts'),
      { resultsDir: artifacts.allureResults, detail: false, suiteTitle: false, environmentInfo },
    ],
    ...(jsonOutput ? [['json', { outputFile: jsonOutput }] as ['json', { outputFile: string }]] : []),
    // Sharded runs (ci-templates/github/sharded.yml) merge blob reports afterwards.
    ...(process.env.MIGO_BLOB_REPORT === '1' ? [['blob'] as ['blob']] : []),
  ],
  use: {
    // Traces, screenshots and videos would hold the card number typed into the checkout and every Authorization
    // header: evidence is attached by the clients instead, redacted. `--trace` is refused in production.
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
