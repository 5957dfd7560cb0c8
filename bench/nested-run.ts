/**
 * One Playwright run of the matrix in a child process, as the proof harnesses need it: against a fresh embedded
 * simulator (any .env URLs hidden), with only the JSON reporter (so no run history, Allure or go-live files are
 * written over the user's), and its verdict per test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

export type Verdict = 'passed' | 'failed' | 'skipped' | 'flaky';

export interface NestedRun {
  /** `[project] file › title` → verdict. */
  verdicts: Map<string, Verdict>;
  durationMs: number;
  exitCode: number;
  /** Why the run produced no usable result, when it did not. */
  problem?: string;
}

interface Suite {
  suites?: Suite[];
  specs?: { title: string; file: string; tests: { status: string; projectName: string }[] }[];
}

const VERDICT: Record<string, Verdict> = {
  expected: 'passed',
  unexpected: 'failed',
  skipped: 'skipped',
  flaky: 'flaky',
};

/** Child processes of a Playwright worker inherit its identity: strip it so the nested run is a fresh one. */
export function nestedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(PW_|PLAYWRIGHT_|TEST_|MIGO_)/.test(key)) env[key] = value;
  // Empty URL variables hide any in a .env file: the harness always uses its own embedded simulator.
  const embedded = { MIGO_MIDDLEWARE_URL: '', MIGO_WALLET_URL: '', MIGO_CMS_URL: '', MIGO_WEBVIEW_URL: '' };
  return { ...env, ...embedded, MIGO_ENV: 'local', FORCE_COLOR: '0', ...extra };
}

export async function runMatrix(
  args: string[],
  extraEnv: Record<string, string> = {},
  onStart?: (pid: number) => void,
): Promise<NestedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'migo-nested-'));
  const output = join(dir, 'results.json');
  const started = Date.now();
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [playwrightCli, 'test', ...args, '--reporter=json', `--output=${join(dir, 'out')}`],
      { cwd: root, env: nestedEnv({ ...extraEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: output }), stdio: 'ignore' },
    );
    if (child.pid) onStart?.(child.pid);
    child.on('close', (status) => resolve(status ?? 1));
  });
  const durationMs = Date.now() - started;
  try {
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      suites?: Suite[];
      errors?: { message?: string }[];
    };
    const verdicts = new Map<string, Verdict>();
    const visit = (suite: Suite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests)
          verdicts.set(`[${t.projectName}] ${spec.file} › ${spec.title}`, VERDICT[t.status] ?? 'failed');
      for (const child of suite.suites ?? []) visit(child);
    };
    for (const suite of report.suites ?? []) visit(suite);
    const failed = [...verdicts.values()].some((v) => v === 'failed');
    const globalError = report.errors?.find((e) => e.message)?.message?.split('\n')[0];
    if (exitCode !== 0 && !failed)
      return { verdicts, durationMs, exitCode, problem: globalError ?? `playwright exited ${exitCode}` };
    return { verdicts, durationMs, exitCode };
  } catch {
    return {
      verdicts: new Map(),
      durationMs,
      exitCode,
      problem: `no results (playwright exited ${exitCode})`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function failedTests(run: NestedRun): string[] {
  return [...run.verdicts].filter(([, v]) => v === 'failed').map(([id]) => id);
}
