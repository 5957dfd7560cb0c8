/**
 * `npm test`: typecheck, lint, the project's own tests, then the test matrix against the embedded simulator.
 * Every step runs even when an earlier one failed, so one run shows everything that is wrong. The last line
 * is the CI summary: `N passed, N failed, N skipped` (typecheck and lint count as one test each).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}: ${[command.replace(root + '/', ''), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step that is one test: it passes or fails as a whole. */
function check(tally: Tally, label: string, command: string, args: string[]): void {
  if (run(label, command, args)) tally.passed += 1;
  else tally.failed += 1;
}

/** A Playwright run: its own counts come from the JSON reporter's stats. */
function playwright(tally: Tally, label: string, args: string[], jsonFile: string): void {
  rmSync(jsonFile, { force: true });
  const ok = run(label, bin('playwright'), ['test', ...args], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    MIGO_ENV: 'local',
  });
  if (!existsSync(jsonFile)) {
    console.error(`✗ ${label}: no results were written (${jsonFile}); counted as one failure.`);
    tally.failed += 1;
    return;
  }
  const { stats } = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
  if (!ok && stats.unexpected === 0) tally.failed += 1; // the runner itself failed (config error, worker crash)
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
check(tally, 'typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
check(tally, 'lint', bin('eslint'), ['.']);
check(tally, 'format', bin('prettier'), ['--check', '.']);
playwright(
  tally,
  'project tests',
  ['-c', 'tests/playwright.config.ts', '--reporter=list,json'],
  join(root, 'test-results', 'self-results.json'),
);
// The matrix itself, against the embedded simulator: its specs are tests of this project too.
playwright(tally, 'test matrix (local)', [], join(root, 'test-results', 'matrix-results.json'));
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exitCode = tally.failed === 0 ? 0 : 1;
