/**
 * `npm run report`: builds the Allure report of the last matrix run into reports/allure-report/index.html
 * (Allure 3, offline, one file), with history kept in reports/allure-history.
 *
 * Before generating, a test that failed and then passed on retry is marked flaky: allure-playwright does not
 * (allure-js#1462). After, the analytics tag Allure embeds is removed, so the report opens offline without
 * phoning home.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { artifactPaths } from '../reporters/artifacts';

const root = join(__dirname, '..');

interface AllureResult {
  historyId?: string;
  status?: string;
  stop?: number;
  flaky?: boolean;
}

/** Marks the final attempt of each retried-then-passed test as flaky; returns how many were marked. */
export function markFlaky(dir: string): number {
  const attempts = new Map<string, { file: string; result: AllureResult }[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureResult;
    if (!result.historyId) continue;
    attempts.set(result.historyId, [...(attempts.get(result.historyId) ?? []), { file, result }]);
  }
  let marked = 0;
  for (const list of attempts.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.result.stop ?? 0) - (b.result.stop ?? 0));
    const last = list.at(-1)!;
    const failedBefore = list
      .slice(0, -1)
      .some((a) => a.result.status === 'failed' || a.result.status === 'broken');
    if (last.result.status === 'passed' && failedBefore && !last.result.flaky) {
      writeFileSync(join(dir, last.file), JSON.stringify({ ...last.result, flaky: true }));
      marked += 1;
    }
  }
  return marked;
}

/** Removes Google Analytics script tags that Allure 3 hardcodes into its HTML. */
export function stripAnalytics(html: string): string {
  return html
    .replace(/<script[^>]*googletagmanager\.com[^>]*>\s*<\/script>/gi, '')
    .replace(/<script>(?:(?!<\/script>)[\s\S])*?gtag\((?:(?!<\/script>)[\s\S])*?<\/script>/gi, '');
}

/**
 * Builds the Allure report of the last run (under MIGO_ARTIFACTS_DIR of `env`); 0 when written, 1 when there was
 * nothing to build or it failed. `log` takes the one-line result (the bench, which prints JSON, sends it to stderr).
 */
export function buildAllureReport(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.log,
): number {
  const artifacts = artifactPaths(env);
  const resultsDir = artifacts.allureResults;
  const reportFile = join(artifacts.allureReport, 'index.html');
  if (!existsSync(resultsDir) || readdirSync(resultsDir).length === 0) {
    console.error('report: allure-results/ is empty: run the matrix first (npm run matrix).');
    return 1;
  }
  const flaky = markFlaky(resultsDir);
  // The same Node as this process (the bench runs the matrix on two), without the .bin shim's PATH lookup.
  const cli = join(root, 'node_modules', 'allure', 'cli.js');
  const generated = spawnSync(process.execPath, [cli, 'generate', resultsDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    // allurerc.mjs reads these: the output and history follow MIGO_ARTIFACTS_DIR.
    env: {
      ...env,
      MIGO_ALLURE_REPORT_DIR: artifacts.allureReport,
      MIGO_ALLURE_HISTORY: artifacts.allureHistory,
    },
  });
  if (generated.status !== 0 || !existsSync(reportFile)) {
    console.error(`report: allure generate failed (exit ${generated.status}).`);
    return 1;
  }
  writeFileSync(reportFile, stripAnalytics(readFileSync(reportFile, 'utf8')));
  log(
    `report: Allure report → ${relative(process.cwd(), reportFile)}${flaky ? ` (${flaky} flaky marked)` : ''}`,
  );
  return 0;
}

if (require.main === module) process.exitCode = buildAllureReport();
