/**
 * The run recorder inside a real, nested Playwright run: a tiny project in a temp folder whose config uses the
 * recorder as its only reporter, run twice so the second run gets its regression report automatically.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import type { ResultsFile, RunSummary } from '../../reporters/diff/run-dir';
import type { RunIndex } from '../../reporters/diff/run-index';
import { findLeaks } from '../../reporters/redaction';
import { DEFAULT_READINGS } from '../../schemas/readings';
import { tempDir } from './synthetic-run';

const ROOT = join(__dirname, '..', '..');
const PLAYWRIGHT = join(ROOT, 'node_modules', '.bin', 'playwright');
const RECORDER = join(ROOT, 'reporters', 'run-recorder.ts');
const OBSERVATIONS = join(ROOT, 'reporters', 'observations.ts');
const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJtaWdvIn0.c2lnbmF0dXJlLWJ5dGVz';

const SPEC = `
import { test, expect } from '@playwright/test';
import { recordObservation, shapeOf } from ${JSON.stringify(OBSERVATIONS)};
const second = process.env.RUN === '2';

test.describe('POST /transactions', () => {
  test('creates a link', { tag: ['@go-live', '@GL-SCN-01'], annotation: { type: 'go-live', description: 'GL-SCN-01 Happy-path charge' } }, async () => {
    recordObservation({ endpoint: 'POST /transactions', surface: 'middleware', status: 200, latencyMs: 12,
      shape: shapeOf({ uid: 'trx_1', reference: 'R', URL: second ? 42 : 'https://x/?orderId=trx_1' }) });
  });
  test('refuses a bad token', async () => {
    expect(second ? 401 : 200).toBe(200);
  });
});
test.describe(() => {
  test.describe.configure({ retries: 0 });
  test('echoes card data', async () => {
    expect('card 4000000000001000 token ${JWT}').toBe('clean');
  });
});
test('passes on retry', async ({}, testInfo) => {
  expect(testInfo.retry).toBe(1);
});
test('needs the sandbox', async () => {
  test.skip(true, 'sandbox only');
});
`;

const CONFIG = `
import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: 'specs',
  retries: 1,
  workers: 1,
  reporter: [[${JSON.stringify(RECORDER)}, { readings: { 'callback-status-case': 'uppercase' } }]],
  projects: [{ name: 'simulator' }],
});
`;

/** The outer run's Playwright and suite variables must not steer the nested run. */
function nestedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(PW_|PLAYWRIGHT_|TEST_|MIGO_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

function playwright(cwd: string, args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(PLAYWRIGHT, ['test', '-c', 'playwright.config.ts', ...args], {
    cwd,
    env: nestedEnv({ MIGO_ENV: 'sandbox', ...extra }),
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

let project: string;
test.beforeEach(() => {
  project = tempDir('recorder');
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  mkdirSync(join(project, 'specs'));
  writeFileSync(join(project, 'specs', 'matrix.spec.ts'), SPEC);
  writeFileSync(join(project, 'playwright.config.ts'), CONFIG);
});
test.afterEach(() => rmSync(project, { recursive: true, force: true }));

test('records a run directory, the summary and the history, then diffs the next run', async () => {
  test.setTimeout(120_000);
  const first = playwright(project, []);
  expect(first.code, first.output).toBe(1); // a test failed; the recorder does not change that

  const runs = join(project, 'reports', 'runs');
  const index = readJson<RunIndex>(join(runs, 'index.json'));
  expect(index.runs).toHaveLength(1);
  const runDir = join(runs, index.latest!);

  const summary = readJson<RunSummary>(join(runDir, 'run-summary.json'));
  expect(summary).toMatchObject({
    passed: 2,
    failed: 1,
    flaky: 1,
    skipped: 1,
    environment: 'sandbox',
    status: 'failed',
  });
  expect(summary.runDir).toBe(`reports/runs/${index.latest}`);
  // Every reading in force: the one the config set, and every other at today's choice.
  expect(summary.readings).toEqual({ ...DEFAULT_READINGS, 'callback-status-case': 'uppercase' });
  expect(Date.parse(summary.startedAt)).not.toBeNaN();
  expect(readJson(join(project, 'reports', 'run-summary.json'))).toEqual(summary);

  const { tests } = readJson<ResultsFile>(join(runDir, 'results.json'));
  const byTitle = Object.fromEntries(tests.map((t) => [t.title, t]));
  expect(byTitle['creates a link']).toMatchObject({
    id: '[simulator] matrix.spec.ts › POST /transactions › creates a link',
    file: 'specs/matrix.spec.ts',
    project: 'simulator',
    status: 'passed',
    retries: 0,
    tags: ['@go-live', '@GL-SCN-01'],
    annotations: [{ type: 'go-live', description: 'GL-SCN-01 Happy-path charge' }],
  });
  expect(byTitle['passes on retry']).toMatchObject({ status: 'flaky', retries: 1 });
  expect(byTitle['needs the sandbox']).toMatchObject({
    status: 'skipped',
    annotations: [{ type: 'skip', description: 'sandbox only' }],
  });
  const failed = byTitle['echoes card data']!;
  expect(failed).toMatchObject({ status: 'failed', retries: 0 });
  expect(failed.error).toContain('••••••••••••1000');
  expect(failed.error).toContain('[REDACTED:jwt]');
  expect(failed.error).not.toMatch(/\u001b\[/); // no colour codes

  const observations = readFileSync(join(runDir, 'observations.jsonl'), 'utf8').trim().split('\n');
  expect(observations.map((l) => JSON.parse(l))).toEqual([
    {
      endpoint: 'POST /transactions',
      surface: 'middleware',
      status: 200,
      latencyMs: 12,
      shape: { '': 'object', '/URL': 'string', '/reference': 'string', '/uid': 'string' },
    },
  ]);
  expect(existsSync(join(runDir, 'observations'))).toBe(false);
  expect(existsSync(join(runDir, 'diff.md'))).toBe(false); // no history yet

  for (const file of ['results.json', 'run-summary.json', 'observations.jsonl']) {
    expect(findLeaks(readFileSync(join(runDir, file), 'utf8')), file).toEqual([]);
  }

  const second = playwright(project, [], { RUN: '2' });
  expect(second.output).toContain('migo diff vs');
  const history = readJson<RunIndex>(join(runs, 'index.json'));
  expect(history.runs.map((r) => r.dir)).toEqual([index.latest, history.latest]);
  const secondDir = join(runs, history.latest!);
  const diff = readJson<{ verdict: string; reasons: string[]; tests: { newFailures: { id: string }[] } }>(
    join(secondDir, 'diff.json'),
  );
  expect(diff.verdict).toBe('fail');
  expect(diff.reasons).toEqual(['1 new failure', '1 endpoint with breaking schema drift']);
  expect(diff.tests.newFailures.map((t) => t.id)).toEqual([
    '[simulator] matrix.spec.ts › POST /transactions › refuses a bad token',
  ]);
  const markdown = readFileSync(join(secondDir, 'diff.md'), 'utf8');
  expect(markdown).toContain('| retyped | `/URL` | string | integer |');
  expect(findLeaks(markdown)).toEqual([]);

  // Listing the tests runs nothing, so it must not become the "latest" run.
  const listing = playwright(project, ['--list']);
  expect(listing.code, listing.output).toBe(0);
  expect(readJson<RunIndex>(join(runs, 'index.json')).runs).toHaveLength(2);
});

test('MIGO_RUN_DIR chooses the run directory, and its history is the folder around it', async () => {
  test.setTimeout(120_000);
  const runDir = join(project, 'ci', 'runs', 'build-17');
  const result = playwright(project, ['--grep', 'creates a link'], { MIGO_RUN_DIR: runDir });
  expect(result.code, result.output).toBe(0);
  expect(readJson<RunSummary>(join(runDir, 'run-summary.json'))).toMatchObject({ passed: 1, failed: 0 });
  expect(readJson<RunIndex>(join(project, 'ci', 'runs', 'index.json')).latest).toBe('build-17');
  expect(readFileSync(join(runDir, 'observations.jsonl'), 'utf8')).toContain('POST /transactions');
  expect(existsSync(join(project, 'reports', 'run-summary.json'))).toBe(true);
});
