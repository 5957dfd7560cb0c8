/**
 * The matrix's Allure reporter (reporters/allure/allure-reporter.ts: allure-playwright with its own writer and the
 * go-live labels added in the runner), run for real: a nested Playwright run of two tests, one proving go-live
 * items and one proving none, with only this reporter (a nested run: the proofs tier).
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestResult } from 'allure-js-commons';
import { tempDir } from './synthetic-run';

const ROOT = join(__dirname, '..', '..');

test('a real run writes one result per test with those labels and links, and no temporary file', () => {
  test.setTimeout(120_000);
  const dir = tempDir('allure-reporter');
  const specs = join(dir, 'specs', 'payment-links');
  mkdirSync(specs, { recursive: true });
  // Absolute imports: the scratch folder is outside the project's node_modules.
  const goLive = JSON.stringify(join(ROOT, 'checklist', 'go-live.ts'));
  const playwright = JSON.stringify(join(ROOT, 'node_modules', '@playwright', 'test'));
  writeFileSync(
    join(specs, 'labels.spec.ts'),
    `import { test, expect } from ${playwright};\n` +
      `import { goLive } from ${goLive};\n` +
      `test('proves the happy path', goLive('GL-SCN-01'), () => expect(1).toBe(1));\n` +
      `test('proves no item', () => expect(1).toBe(1));\n`,
  );
  const results = join(dir, 'allure-results');
  writeFileSync(
    join(dir, 'playwright.config.ts'),
    `export default { testDir: 'specs', reporter: [[${JSON.stringify(join(ROOT, 'reporters', 'allure', 'allure-reporter.ts'))}, ` +
      `{ resultsDir: ${JSON.stringify(results)}, detail: false, suiteTitle: false, environmentInfo: { target: 'local' } }]] };\n`,
  );
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'),
      'test',
      '-c',
      join(dir, 'playwright.config.ts'),
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } },
  );
  expect(run.status, run.stdout + run.stderr).toBe(0);

  const files = readdirSync(results);
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(files).toContain('environment.properties');
  expect(readFileSync(join(results, 'environment.properties'), 'utf8')).toContain('target=local');
  const written = files
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(results, f), 'utf8')) as TestResult);
  const byName = new Map(written.map((r) => [r.name, r]));
  expect([...byName.keys()].sort()).toEqual(['proves no item', 'proves the happy path']);

  const labelsOf = (name: string) =>
    byName
      .get(name)!
      .labels.filter((l) => ['feature', 'epic', 'story', 'severity'].includes(l.name))
      .map((l) => `${l.name}=${l.value}`);
  expect(labelsOf('proves the happy path')).toEqual([
    'feature=Payment Links',
    expect.stringMatching(/^epic=/),
    'story=GL-SCN-01 Happy-path charge',
    'severity=blocker',
  ]);
  expect(byName.get('proves the happy path')!.links).toEqual([
    {
      url: expect.stringMatching(/^https:\/\/api-docs\.migopayments\.com\//),
      name: 'GL-SCN-01: Happy-path charge',
    },
  ]);
  expect(labelsOf('proves no item')).toEqual(['feature=Payment Links']);
  expect(byName.get('proves no item')!.links).toEqual([]);
});
