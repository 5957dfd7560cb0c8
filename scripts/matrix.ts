/**
 * `npm run matrix [-- <playwright args>]`: the main job. Finds (or gets) a browser for the hosted checkout,
 * runs the whole matrix against MIGO_ENV (local by default: the embedded simulator), then builds the reports:
 * reports/run-summary.json, reports/go-live.{json,md,html} (written by the run's reporters) and the Allure
 * report. Exits with the test run's status.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactPaths } from '../reporters/artifacts';

const root = join(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const playwright = join(root, 'node_modules', '.bin', 'playwright');

// Steps run in the caller's folder, where the run's .env files are read (npm runs scripts from the project
// root; the rehearsal runs this from a scratch folder holding its generated .env.sandbox).
function step(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

// Without a browser the checkout specs are skipped with the one-line how-to; the rest of the matrix still runs.
step(tsx, [join(root, 'scripts', 'ensure-browser.ts')]);
rmSync(artifactPaths().allureResults, { recursive: true, force: true });
const status = step(playwright, [
  'test',
  '--config',
  join(root, 'playwright.config.ts'),
  ...process.argv.slice(2),
]);
step(tsx, [join(root, 'scripts', 'report.ts')]);
console.log(
  '\nmatrix: reports/run-summary.json · reports/go-live.{md,json,html} · reports/allure-report/index.html',
);
process.exitCode = status;
