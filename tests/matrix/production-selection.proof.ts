/**
 * The production run is fail-closed at the runner too: with MIGO_ENV=production only specs tagged @prod-safe are
 * selected (the production guard itself is tested in tests/config and specs/environments).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { nestedEnv } from '../../bench/nested-run';

const root = join(__dirname, '..', '..');

interface Suite {
  suites?: Suite[];
  specs?: { title: string; tags: string[] }[];
}

/** The selected tests as `title tags…`, from `playwright test --list --reporter=json`. */
async function list(env: Record<string, string>): Promise<string[]> {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--list', '--reporter=json'],
    { cwd: root, env: nestedEnv(env) },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(status, stderr).toBe(0);
  const lines: string[] = [];
  const visit = (suite: Suite) => {
    for (const spec of suite.specs ?? [])
      lines.push(`${spec.title} ${spec.tags.map((t) => `@${t.replace(/^@/, '')}`).join(' ')}`);
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of (JSON.parse(stdout) as { suites: Suite[] }).suites) visit(suite);
  return lines;
}

test('MIGO_ENV=production lists only @prod-safe specs, and fewer than a local run', async () => {
  // The two listings are independent: side by side, the test takes one listing's time.
  const [local, production] = await Promise.all([
    list({ MIGO_ENV: 'local' }),
    list({ MIGO_ENV: 'production' }),
  ]);
  expect(production.length).toBeGreaterThan(0);
  expect(production.length).toBeLessThan(local.length);
  for (const line of production) expect(line).toContain('@prod-safe');
  expect(production.some((line) => line.includes('@GL-SCN-02'))).toBe(false); // declines never run there
});
