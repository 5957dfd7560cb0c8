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

// Without a browser the checkout specs fail with the how-to (unless MIGO_ALLOW_NO_BROWSER=1 makes them NOT RUN).
ensureBrowser([]);
rmSync(artifactPaths().allureResults, { recursive: true, force: true });
// The run starts in the caller's folder, where its .env files are read (npm runs scripts from the project root;
// the rehearsal runs this from a scratch folder holding its generated .env.sandbox).
const status =
  spawnSync(
    process.execPath,
    [playwright, 'test', '--config', join(root, 'playwright.config.ts'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  ).status ?? 1;
buildAllureReport();
console.log(
  '\nmatrix: reports/run-summary.json · reports/go-live.{md,json,html} · reports/allure-report/index.html',
);
process.exitCode = status;
