/**
 * One real matrix run, forced to fail, and everything it wrote: the run summary, the go-live report and the Allure
 * report agree, and the reports, opened in Chromium, show this run's numbers. (That no output of such a run holds a
 * secret or card data is tests/security/forced-failure.proof.ts, with the same specs and mutations.)
 *
 * The run targets a simulator started here with contract mutations that make specs fail on card data and
 * credentials (a PAN echoed in a response and a return URL, a CVV in the callback, a wrong token accepted, a
 * refresh that does not rotate), with its credentials configured as MIGO_* variables: exactly the secrets a real
 * sandbox run has in play. Artifacts go to a scratch folder (MIGO_ARTIFACTS_DIR).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, test, expect } from '@playwright/test';
import { FORCED_FAILURE_MUTATIONS, FORCED_FAILURE_SPECS, node } from '../security/harness';
import { chromiumLaunchOptions, findChromium } from '../../fixtures/browser';
import type { GoLiveReport } from '../../reporters/go-live';
import { artifactPaths } from '../../reporters/artifacts';
import type { RunSummary } from '../../reporters/diff/run-dir';
import { simulatorVariables } from '../../scripts/rehearsal/sandbox-env';
import { startSimulator, type RunningSimulator } from '../../simulator';

const root = join(__dirname, '..', '..');
// The forced-failure run's specs, and the catalog's, so the go-live report has a contract violation to file.
const SPECS = [...FORCED_FAILURE_SPECS, 'specs/errors/error-catalog.spec.ts'];

test.describe.configure({ mode: 'serial' });

let scratch: string;
let simulator: RunningSimulator;
let output: { stdout: string; stderr: string };

test.beforeAll(async ({}, testInfo) => {
  // One nested matrix run: about 30 s alone, several times that on a loaded 2-core machine.
  testInfo.setTimeout(5 * 60_000);
  scratch = mkdtempSync(join(tmpdir(), 'migo-artifacts-'));
  simulator = await startSimulator({
    mutations: FORCED_FAILURE_MUTATIONS,
    callbackRetryScheduleMs: [20, 40, 80],
  });
  const env = {
    ...simulatorVariables(simulator.urls, simulator.credentials),
    MIGO_ENV: 'local',
    MIGO_ARTIFACTS_DIR: scratch,
  };
  // Asynchronous on purpose: the simulator answering the nested run lives in this process's event loop.
  const run = await node([join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...SPECS], env);
  const report = await node([join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/report.ts'], env);
  output = { stdout: run.stdout + report.stdout, stderr: run.stderr + report.stderr };
  expect(report.status, report.stderr).toBe(0);
});

test.afterAll(async () => {
  await simulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const paths = () => artifactPaths({ MIGO_ARTIFACTS_DIR: scratch });
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

test('the run failed where the mutations broke the contract, and the reports agree with each other', () => {
  const summary = readJson<RunSummary>(join(paths().reports, 'run-summary.json'));
  expect(summary.failed, output.stdout.slice(-2000)).toBeGreaterThan(0);
  expect(summary.passed).toBeGreaterThan(0);

  const goLive = readJson<GoLiveReport>(join(paths().reports, 'go-live.json'));
  expect(goLive.run).toMatchObject({
    passed: summary.passed,
    failed: summary.failed,
    skipped: summary.skipped,
    flaky: summary.flaky,
  });
  expect(goLive.totals.FAIL).toBeGreaterThan(0);

  const allure = readJson<{ stats: { total: number; passed?: number; failed?: number; skipped?: number } }>(
    join(paths().allureReport, 'summary.json'),
  );
  expect(allure.stats.total).toBe(summary.passed + summary.failed + summary.skipped + summary.flaky);
  expect(allure.stats.failed ?? 0).toBe(summary.failed);
  expect(allure.stats.passed ?? 0).toBe(summary.passed + summary.flaky);
});

test('Chromium shows this run in the Allure report and the go-live page', async ({}, testInfo) => {
  const found = findChromium();
  test.skip(!found, 'no Chromium: run scripts/ensure-browser.ts');
  const summary = readJson<RunSummary>(join(paths().reports, 'run-summary.json'));
  const browser = await chromium.launch(chromiumLaunchOptions(found));
  try {
    const page = await browser.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());

    await page.goto(pathToFileURL(join(paths().reports, 'go-live.html')).href);
    await expect(page.locator('#passed')).toHaveText(String(summary.passed));
    await expect(page.locator('#failed')).toHaveText(String(summary.failed));
    await expect(page.locator('tr.fail').first()).toBeVisible();
    await testInfo.attach('go-live.png', {
      body: await page.screenshot({ fullPage: false }),
      contentType: 'image/png',
    });

    const total = summary.passed + summary.failed + summary.skipped + summary.flaky;
    await page.goto(pathToFileURL(join(paths().allureReport, 'index.html')).href);
    await expect(page.getByText('Migo contract suite').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(new RegExp(`\\b${total}\\b`)).first()).toBeVisible();
    await expect(page.getByText(/failed/i).first()).toBeVisible();
    await testInfo.attach('allure.png', {
      body: await page.screenshot({ fullPage: false }),
      contentType: 'image/png',
    });
  } finally {
    await browser.close();
  }
});
