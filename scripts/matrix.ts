/**
 * `npm run matrix [-- <playwright args>]`: the main job. Finds (or gets) a browser for the hosted checkout,
 * runs the whole matrix against MIGO_ENV (local by default: the embedded simulator), then builds the reports:
 * reports/run-summary.json, reports/go-live.{json,md,html} (written by the run's reporters) and the Allure
 * report. Exits with the test run's status.
 *
 * The browser check and the Allure report run in this process: a second and third tsx start would add about a
 * second each to every run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactPaths } from '../reporters/artifacts';
import { ensureBrowser } from './ensure-browser';
import { buildAllureReport } from './report';

const root = join(__dirname, '..');
const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

// Without a browser the checkout specs are skipped with the one-line how-to; the rest of the matrix still runs.
ensureBrowser([]);
rmSync(artifactPaths().allureResults, { recursive: true, force: true });
const status =
  spawnSync(process.execPath, [playwright, 'test', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
    .status ?? 1;
buildAllureReport();
console.log(
  '\nmatrix: reports/run-summary.json · reports/go-live.{md,json,html} · reports/allure-report/index.html',
);
process.exitCode = status;
