/**
 * One Playwright run of the matrix in a child process, as the proof harnesses need it: against a fresh embedded
 * simulator (any .env URLs hidden), with only the JSON reporter (so no run history, Allure or go-live files are
 * written over the user's), and its outcome per test: the verdict, the status of the last attempt and, for a
 * failure, its message (the mutation harness scores a catch by it). Also the matrix's listing (`--list`).
 *
 * Tests are named `[project] <SpecRef>`, a SpecRef being `<file under specs/> › <describe> › … › <title>`, the
 * name checklist/evidence.ts and simulator/mutations.ts use.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redact } from '../reporters/redaction';

const root = join(__dirname, '..');
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

export type Verdict = 'passed' | 'failed' | 'skipped' | 'flaky';
/** Playwright's status of one attempt. */
export type AttemptStatus = 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';

export interface TestOutcome {
  /** `<file under specs/> › <describe> › … › <title>`. */
  spec: string;
  project: string;
  verdict: Verdict;
  /** The last attempt's status: a timeout is `timedOut`, never `failed`. */
  status: AttemptStatus;
  /** The last attempt's error message, without colour codes or stack (absent when it did not fail). */
  message?: string;
  /** The test's attempts, in milliseconds (absent when not measured). */
  durationMs?: number;
}

export interface NestedRun {
  /** `[project] <SpecRef>` → verdict. */
  verdicts: Map<string, Verdict>;
  /** `[project] <SpecRef>` → the test's outcome, with its failure. */
  outcomes: Map<string, TestOutcome>;
  durationMs: number;
  exitCode: number;
  /** Why the run produced no usable result, when it did not. */
  problem?: string;
}

export interface ListedTest {
  spec: string;
  project: string;
  /** Without the leading `@`, as Playwright lists them. */
  tags: string[];
}

interface JsonError {
  message?: string;
}

interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: {
    title: string;
    file: string;
    tags: string[];
    tests: {
      status: string;
      /** `failed` when the test was marked to fail (a batched mutation run marks the mutated guards). */
      expectedStatus?: string;
      projectName: string;
      results?: { status: AttemptStatus; duration?: number; error?: JsonError; errors?: JsonError[] }[];
    }[];
  }[];
}

const VERDICT: Record<string, Verdict> = {
  expected: 'passed',
  unexpected: 'failed',
  skipped: 'skipped',
  flaky: 'flaky',
};

/**
 * A listed test's verdict. One marked to fail (a batched mutation run marks the mutated guards, so its worker keeps
 * running after the failure) is judged by what its last attempt did, as if it had not been marked: passed is passed,
 * any other end but a skip is a failure (its status, e.g. timedOut, is kept beside it for the scoring).
 */
export function verdictOf(test: {
  status: string;
  expectedStatus?: string;
  lastStatus?: AttemptStatus;
}): Verdict {
  if (test.expectedStatus !== 'failed') return VERDICT[test.status] ?? 'failed';
  return test.lastStatus === 'passed' ? 'passed' : test.lastStatus === 'skipped' ? 'skipped' : 'failed';
}

/** Child processes of a Playwright worker inherit its identity: strip it so the nested run is a fresh one. */
export function nestedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(PW_|PLAYWRIGHT_|TEST_|MIGO_)/.test(key)) env[key] = value;
  // Empty URL variables hide any in a .env file: the harness always uses its own embedded simulator.
  const embedded = { MIGO_MIDDLEWARE_URL: '', MIGO_WALLET_URL: '', MIGO_CMS_URL: '', MIGO_WEBVIEW_URL: '' };
  return { ...env, ...embedded, MIGO_ENV: 'local', FORCE_COLOR: '0', ...extra };
}

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** The message of a failure up to its stack (`    at …`), which says where, not what. */
function messageOf(result: { error?: JsonError; errors?: JsonError[] } | undefined): string | undefined {
  const message = result?.error?.message ?? result?.errors?.find((e) => e.message)?.message;
  if (!message) return undefined;
  const lines = stripAnsi(message).split('\n');
  const stack = lines.findIndex((line) => /^\s+at /.test(line));
  return (stack === -1 ? lines : lines.slice(0, stack)).join('\n').trim();
}

/** Every spec of a JSON report, with its SpecRef (the file suite's title is the file under specs/). */
function visitSpecs(
  suites: JsonSuite[],
  each: (spec: NonNullable<JsonSuite['specs']>[number], ref: string) => void,
): void {
  const visit = (suite: JsonSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) each(spec, [...path, spec.title].join(' › '));
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const file of suites) visit(file, [file.title]);
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
    const report = JSON.parse(readFileSync(output, 'utf8')) as { suites?: JsonSuite[]; errors?: JsonError[] };
    const verdicts = new Map<string, Verdict>();
    const outcomes = new Map<string, TestOutcome>();
    visitSpecs(report.suites ?? [], (spec, ref) => {
      for (const t of spec.tests) {
        const key = `[${t.projectName}] ${ref}`;
        const last = t.results?.at(-1);
        const verdict = verdictOf({
          status: t.status,
          ...(t.expectedStatus ? { expectedStatus: t.expectedStatus } : {}),
          ...(last?.status ? { lastStatus: last.status } : {}),
        });
        const message = verdict === 'passed' || verdict === 'skipped' ? undefined : messageOf(last);
        verdicts.set(key, verdict);
        outcomes.set(key, {
          spec: ref,
          project: t.projectName,
          verdict,
          status: last?.status ?? (verdict === 'skipped' ? 'skipped' : 'failed'),
          durationMs: (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0),
          ...(message ? { message } : {}),
        });
      }
    });
    const failed = [...verdicts.values()].some((v) => v === 'failed');
    const globalError = report.errors?.find((e) => e.message)?.message?.split('\n')[0];
    if (exitCode !== 0 && !failed)
      return {
        verdicts,
        outcomes,
        durationMs,
        exitCode,
        problem: globalError ?? `playwright exited ${exitCode}`,
      };
    return { verdicts, outcomes, durationMs, exitCode };
  } catch {
    return {
      verdicts: new Map(),
      outcomes: new Map(),
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

/**
 * How a test failed, for a log: `timedOut: <message>`. The nested run's JSON report is written without the
 * redacting reporter, so the message is redacted here.
 */
export function howItFailed(outcome: TestOutcome): string {
  return `${outcome.status}: ${redact(outcome.message ?? '(no message)')}`;
}

/**
 * Each failed test with how it failed: what a proof that expects none shows, so a failure seen once on a CI machine
 * can be told from its log alone (the nested run's own output is gone by then).
 */
export function failuresOf(run: NestedRun): Record<string, string> {
  const failures: Record<string, string> = {};
  for (const [id, outcome] of run.outcomes)
    if (outcome.verdict === 'failed') failures[id] = howItFailed(outcome);
  return failures;
}

/** The matrix as `--list` sees it (MIGO_ENV=local unless `extraEnv` says otherwise): every test, its tags. */
export function listMatrix(extraEnv: Record<string, string> = {}, args: string[] = []): ListedTest[] {
  const result = spawnSync(process.execPath, [playwrightCli, 'test', '--list', '--reporter=json', ...args], {
    cwd: root,
    env: nestedEnv(extraEnv),
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`playwright test --list exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const listed: ListedTest[] = [];
  visitSpecs((JSON.parse(result.stdout) as { suites: JsonSuite[] }).suites, (spec, ref) => {
    for (const t of spec.tests) listed.push({ spec: ref, project: t.projectName, tags: spec.tags });
  });
  return listed;
}
