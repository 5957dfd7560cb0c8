/**
 * The run directory format, written by the run recorder and read by the regression diff: file names, record
 * types, and a reader that says exactly which file is missing or malformed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OBSERVATIONS_DIR, parseObservationLine, type Observation } from '../observations';
import type { CardholderLedger } from '../cardholder-ledger';

export const RUN_FILES = {
  results: 'results.json',
  summary: 'run-summary.json',
  observations: 'observations.jsonl',
  diffMarkdown: 'diff.md',
  diffJson: 'diff.json',
} as const;

/**
 * The annotation a test gets when the callback receiver evicted records to stay under its byte limit; its
 * description starts with the count. The run recorder sums them into `RunSummary.callbacks.evicted`.
 */
export const CALLBACKS_EVICTED_ANNOTATION = 'migo:callbacks-evicted';

export const TEST_STATUSES = ['passed', 'failed', 'skipped', 'flaky'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

export interface TestRecord {
  /** Stable across runs: `[project] file › describe › title` (see `testIdOf`). */
  id: string;
  title: string;
  titlePath: string[];
  /** Relative to the Playwright config's folder, with `/` separators. */
  file: string;
  project: string;
  tags: string[];
  annotations: { type: string; description?: string }[];
  status: TestStatus;
  /** Retries actually used (attempts − 1). */
  retries: number;
  /** Each attempt in order (retry 0 first); absent in run directories written before it was recorded. */
  attempts?: TestAttempt[];
  durationMs: number;
  /** The last failure's message, redacted and without colour codes. */
  error?: string;
}

export interface TestAttempt {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  durationMs: number;
}

export interface ResultsFile {
  version: 1;
  startedAt: string;
  tests: TestRecord[];
}

export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  durationMs: number;
  /** `MIGO_ENV` of the run (default `local`). */
  environment: string;
  startedAt: string;
  runDir: string;
  commit?: string;
  /** Playwright's overall status: passed, failed, timedout or interrupted. */
  status?: string;
  /** What the run talked to, recorded as it started; absent when the recorder was given none. */
  run?: RunMetadata;
  /**
   * The option in force for every docs-silent reading (schemas/readings.ts), reading name → option; absent in
   * summaries written before readings existed.
   */
  readings?: Record<string, string>;
  /** Callback receiver records evicted in the run to bound its memory (MIGO_CALLBACK_MAX_BYTES); 0 when none. */
  callbacks?: { evicted: number };
  /**
   * What the run created at Migo for its disposable cardholder, what its teardown removed and what is left over
   * (reporters/cardholder-ledger.ts); absent when the run wrote no ledger (local runs).
   */
  cardholder?: CardholderLedger;
}

export const RUN_SURFACES = ['middleware', 'walletGateway', 'cms', 'webview'] as const;
export type RunSurface = (typeof RUN_SURFACES)[number];

export interface RunHost {
  /** Origin and path only: never a query, a fragment or credentials. */
  url: string;
  /** The documented Migo environment this URL is the base URL of, if any. */
  documented?: 'sandbox' | 'production';
}

/**
 * What a run talked to, fixed when it started (fixtures/run-metadata.ts, handed to the run recorder by
 * playwright.config.ts). The go-live report judges a run by this record, never by the configuration in force
 * when the report is built.
 */
export interface RunMetadata {
  /** MIGO_ENV of the run. */
  target: string;
  /** The embedded simulator, started by each worker. */
  embedded: boolean;
  /** The base URL of each surface the run was configured with (none when embedded). */
  hosts: Partial<Record<RunSurface, RunHost>>;
  /** Hosts of the merchant's own systems the run was given (MIGO_MERCHANT_HANDLER_URL, MIGO_CALLBACK_PUBLIC_URL). */
  merchant: { handler?: string; callback?: string };
  /** MIGO_RUN_LABEL, e.g. "rehearsal" or "nightly". */
  label?: string;
}

export interface RunData {
  dir: string;
  summary: RunSummary;
  tests: TestRecord[];
  observations: Observation[];
  /** Why drift and latency could not use this run's traffic, when they could not. */
  observationNote?: string;
}

/** A path that is not a readable run directory; the message names the path and the missing or bad file. */
export class RunDirError extends Error {
  override name = 'RunDirError';
}

export function readRun(dir: string): RunData {
  if (!existsSync(dir)) throw new RunDirError(`run directory ${dir} does not exist.`);
  if (!statSync(dir).isDirectory()) throw new RunDirError(`${dir} is a file, not a run directory.`);
  const results = readJsonFile(dir, RUN_FILES.results);
  const summary = readJsonFile(dir, RUN_FILES.summary);
  const tests = checkResults(join(dir, RUN_FILES.results), results);
  const { observations, note } = readObservations(dir);
  return {
    dir,
    summary: checkSummary(join(dir, RUN_FILES.summary), summary),
    tests,
    observations,
    observationNote: note,
  };
}

function readJsonFile(dir: string, name: string): unknown {
  const file = join(dir, name);
  if (!existsSync(file)) {
    throw new RunDirError(
      `${dir} is not a run directory: ${name} is missing. Pass a folder written by the run recorder ` +
        `(reports/runs/<timestamp>), or "latest" / "previous".`,
    );
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RunDirError(
      `${file} is not valid JSON (${(error as Error).message}); re-run the suite to rewrite it.`,
    );
  }
}

function checkResults(file: string, value: unknown): TestRecord[] {
  const tests = (value as { tests?: unknown } | null)?.tests;
  if (!Array.isArray(tests))
    throw new RunDirError(`${file} has no "tests" array; it was not written by the run recorder.`);
  tests.forEach((test: unknown, i) => {
    const t = test as Partial<TestRecord> | null;
    if (
      !t ||
      typeof t.id !== 'string' ||
      !(TEST_STATUSES as readonly string[]).includes(t.status as string)
    ) {
      throw new RunDirError(
        `${file}: tests[${i}] needs a string "id" and a "status" of ${TEST_STATUSES.join(', ')}.`,
      );
    }
  });
  return tests as TestRecord[];
}

function checkSummary(file: string, value: unknown): RunSummary {
  const s = value as Partial<RunSummary> | null;
  const counts = ['passed', 'failed', 'skipped', 'flaky'] as const;
  if (!s || typeof s !== 'object' || counts.some((k) => typeof s[k] !== 'number')) {
    throw new RunDirError(
      `${file} needs numeric ${counts.join(', ')}; it was not written by the run recorder.`,
    );
  }
  return { environment: 'local', startedAt: '', runDir: '', durationMs: 0, ...s } as RunSummary;
}

/** The merged file, or the per-process files of a run that ended before merging. */
function readObservations(dir: string): { observations: Observation[]; note?: string } {
  const merged = join(dir, RUN_FILES.observations);
  if (existsSync(merged)) return { observations: parseLines(readFileSync(merged, 'utf8')) };
  const perProcess = join(dir, OBSERVATIONS_DIR);
  if (existsSync(perProcess)) {
    const files = readdirSync(perProcess).filter((f) => f.endsWith('.jsonl'));
    return { observations: files.flatMap((f) => parseLines(readFileSync(join(perProcess, f), 'utf8'))) };
  }
  return { observations: [], note: `${dir} has no ${RUN_FILES.observations}` };
}

function parseLines(text: string): Observation[] {
  const out: Observation[] = [];
  for (const line of text.split('\n')) {
    const o = parseObservationLine(line);
    if (o) out.push(o);
  }
  return out;
}
