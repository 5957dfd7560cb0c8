/**
 * Issue 9, findings 2 and 4, end to end: a real matrix run forced to fail, and every output it wrote scanned,
 * console included. The run targets a simulator started here (so the worker learns its credentials from
 * GET /__sim/credentials, the runner never sees them), with contract mutations that put card data in responses,
 * a return URL and a callback, a checkout selector that makes every checkout fail on its page after the card
 * was typed, and tests/security/leaky-run/learned-secrets.spec.ts quoting every learned secret (the merchant
 * token and its base64, the hook privateKey, the Ed25519 key PEM, the CMS password, issued access and refresh
 * tokens, the card grouped by dots and `cvc 123`) in its console output, a step, an attachment and its error.
 * Reporters: the configured ones plus JSON, blob and HTML; then the Allure report. It runs twice so the second
 * run has a regression diff (diff.json, diff.md).
 *
 * Proved failing on 7b3ea5d (the same run through a wrapper with absolute paths, as that config had relative
 * ones): error-context.md held the page snapshot with `textbox "Card number": "4000000000001000"` and
 * `textbox "CVC": "123"`, and the scan found the fetched credentials, issued tokens, the dotted card number and
 * `cvc 123` in both consoles, test-results, allure-results, the Allure report and its history, the run
 * directory (results.json, diff.json, diff.md), and the JSON, blob and HTML reports.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { artifactPaths } from '../../reporters/artifacts';
import type { RunSummary } from '../../reporters/diff/run-dir';
import { scanArtifacts, type LeakHit } from '../../reporters/leak-scan';
import { startSimulator, TEST_CARDS, type RunningSimulator } from '../../simulator';
import { FORCED_FAILURE_MUTATIONS, FORCED_FAILURE_SPECS, node, playwrightCli, root } from './harness';

const WRAPPER = join(__dirname, 'leaky-run', 'playwright.config.ts');
const LEAKY_SPEC = 'tests/security/leaky-run/learned-secrets.spec.ts';
const SPECS = FORCED_FAILURE_SPECS;
const MUTATIONS = FORCED_FAILURE_MUTATIONS;

test.describe.configure({ mode: 'serial' });

let scratch: string;
let simulator: RunningSimulator;
let secrets: string[];
let outputs: Record<string, string>;

const files = (dir: string, name: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith(name))
        .map((f) => join(dir, f))
    : [];
const describe = (hits: LeakHit[]) =>
  hits.map((h) => `${h.where.replace(scratch, '<run>')}: ${h.kind}: ${h.preview}`);

test.beforeAll(async ({}, testInfo) => {
  // Two nested matrix runs with Chromium checkouts, then the Allure report, on a machine that may be loaded.
  testInfo.setTimeout(600_000);
  scratch = mkdtempSync(join(tmpdir(), 'migo-forced-failure-'));
  simulator = await startSimulator({ mutations: MUTATIONS, callbackRetryScheduleMs: [20, 40, 80] });
  const c = simulator.credentials;
  secrets = [c.merchantToken, c.privateKey, c.walletPrivateKey, c.cmsPassword, TEST_CARDS.approved.pan];
  const env = {
    MIGO_ENV: 'local',
    MIGO_ARTIFACTS_DIR: scratch,
    // Only URLs: the credentials are learned at run time, by the workers.
    MIGO_MIDDLEWARE_URL: simulator.urls.middleware,
    MIGO_WALLET_URL: simulator.urls.walletGateway,
    MIGO_CMS_URL: simulator.urls.cms,
    MIGO_WEBVIEW_URL: simulator.urls.webview,
    MIGO_CHECKOUT_SELECTORS: '{"pay":"#pay-button-that-is-not-there"}',
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(scratch, 'json-report', 'results.json'),
    MIGO_BLOB_REPORT: '1',
    PLAYWRIGHT_BLOB_OUTPUT_DIR: join(scratch, 'blob-report'),
  };
  // Asynchronous on purpose: the simulator answering the nested runs lives in this process's event loop.
  const baseline = await node([playwrightCli, 'test', '-c', WRAPPER, LEAKY_SPEC], env);
  const run = await node([playwrightCli, 'test', '-c', WRAPPER, LEAKY_SPEC, ...SPECS], env);
  const report = await node([join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/report.ts'], env);
  outputs = {
    'console of the first run': baseline.stdout + baseline.stderr,
    'console of the second run': run.stdout + run.stderr,
    'console of the Allure report': report.stdout + report.stderr,
  };
  expect(report.status, report.stderr).toBe(0);
});

test.afterAll(async () => {
  await simulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('the run failed where it was forced to, and wrote every report the scan reads', () => {
  const paths = artifactPaths({ MIGO_ARTIFACTS_DIR: scratch });
  const summary = JSON.parse(readFileSync(join(paths.reports, 'run-summary.json'), 'utf8')) as RunSummary;
  expect(summary.failed, outputs['console of the second run']!.slice(-3000)).toBeGreaterThan(2);
  expect(outputs['console of the second run']).toContain(
    'a failure message quotes every secret the run learned',
  );
  const runDir = join(scratch, summary.runDir.replace(/^.*reports\//, 'reports/'));
  for (const file of ['results.json', 'diff.json', 'diff.md'])
    expect(existsSync(join(runDir, file)), file).toBe(true);
  expect(
    files(paths.testResults, 'error-context.md').length,
    'failed checkouts wrote error-context.md',
  ).toBeGreaterThan(1);
  expect(files(paths.allureResults, '.md').length, 'Allure copied them').toBeGreaterThan(1);
  expect(existsSync(join(paths.allureReport, 'index.html'))).toBe(true);
  expect(existsSync(join(scratch, 'playwright-report', 'index.html'))).toBe(true);
  expect(files(join(scratch, 'blob-report'), '.zip')).toHaveLength(1);
  expect(existsSync(join(scratch, 'json-report', 'results.json'))).toBe(true);
});

test('finding 2: no page snapshot and no card data in error-context.md or any copy of it', () => {
  const paths = artifactPaths({ MIGO_ARTIFACTS_DIR: scratch });
  const contexts = [...files(paths.testResults, 'error-context.md'), ...files(paths.allureResults, '.md')];
  for (const file of contexts) {
    const text = readFileSync(file, 'utf8');
    // The reporter only rewrites a snapshot section that exists: none at all means the workers inherited
    // PLAYWRIGHT_NO_COPY_PROMPT from playwright.config.ts and Playwright took no snapshot.
    expect(text, `${file}: a page snapshot was taken`).not.toContain('# Page snapshot');
    expect(text, file).not.toMatch(/textbox "[^"]*": "?\S/);
    expect(text).not.toContain(TEST_CARDS.approved.pan.slice(0, 8));
  }
  expect(describe(scanArtifacts(contexts, secrets).hits)).toEqual([]);
});

test('finding 4: no output holds a learned secret, a JWT, a PAN in any grouping, a CVC or a key: console included', () => {
  const { filesScanned, hits } = scanArtifacts([scratch], secrets, outputs);
  expect(filesScanned, 'the runs wrote artifacts to scan').toBeGreaterThan(30);
  expect(describe(hits)).toEqual([]);
  // The scanner sees what it looks for: a dotted PAN, a labelled CVC and a learned secret planted in a copy.
  const planted = scanArtifacts([], secrets, {
    planted: `card 4000.0000.0000.1000 cvc 123 key ${Buffer.from(`x${secrets[2]!}`).toString('base64')}`,
  });
  expect(planted.hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['exact-secret', 'pan', 'cvv']));
});
