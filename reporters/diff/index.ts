/**
 * The regression report between two run directories: new failures, fixed, still failing and flaky tests; schema
 * drift per endpoint from the observed traffic; latency p50/p95 per endpoint with regressions flagged. The
 * verdict fails on new failures or breaking drift (and on latency regressions when asked).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { redact } from '../redaction';
import { diffDrift, type DriftCoverage, type EndpointDrift } from './drift';
import {
  compareLatency,
  DEFAULT_LATENCY_THRESHOLDS,
  type LatencyRow,
  type LatencyThresholds,
} from './latency';
import { renderJson, renderMarkdown } from './render';
import { readRun, RUN_FILES, type RunData } from './run-dir';
import { previousRun } from './run-index';
import { diffTests, type TestsDiff } from './tests-diff';

export { renderJson, renderMarkdown } from './render';
export {
  DEFAULT_LATENCY_THRESHOLDS,
  type LatencyRow,
  type LatencyStats,
  type LatencyThresholds,
} from './latency';
export type { DriftCoverage, EndpointDrift, FieldChange } from './drift';
export type { TestChange, TestsDiff } from './tests-diff';
export { RUN_FILES, RunDirError, readRun, type RunData, type RunSummary, type TestRecord } from './run-dir';
export {
  DEFAULT_HISTORY_DIR,
  addToIndex,
  previousRun,
  readIndex,
  resolveRunName,
  type RunIndex,
} from './run-index';

export interface DiffOptions {
  latency?: Partial<LatencyThresholds>;
  /** Latency regressions also fail the verdict (off by default: shared CI machines are noisy). */
  failOnLatency?: boolean;
}

export interface RunRef {
  dir: string;
  name: string;
  startedAt: string;
  environment: string;
  commit?: string;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}

export interface RunDiff {
  version: 1;
  baseline: RunRef;
  current: RunRef;
  verdict: 'pass' | 'fail';
  /** Why the verdict fails, one short phrase each (`1 new failure`). */
  reasons: string[];
  tests: TestsDiff;
  drift: EndpointDrift[];
  coverage: DriftCoverage;
  latency: LatencyRow[];
  thresholds: LatencyThresholds;
  failOnLatency: boolean;
  /** What could not be compared and why. */
  notes: string[];
}

export function diffRuns(baselineDir: string, currentDir: string, options: DiffOptions = {}): RunDiff {
  const baseline = readRun(baselineDir);
  const current = readRun(currentDir);
  const thresholds = { ...DEFAULT_LATENCY_THRESHOLDS, ...options.latency };
  const tests = diffTests(baseline.tests, current.tests);
  const { drift, coverage } = diffDrift(baseline.observations, current.observations);
  const latency = compareLatency(baseline.observations, current.observations, thresholds);
  const notes: string[] = [];
  for (const run of [baseline, current]) {
    if (run.observationNote)
      notes.push(`${run.observationNote}: schema drift and latency use no traffic from it.`);
  }
  if (baseline.summary.environment !== current.summary.environment) {
    notes.push(
      `The runs target different environments (${baseline.summary.environment} → ${current.summary.environment}): ` +
        'differences may come from the environments, not from a change.',
    );
  }
  const breaking = drift.filter((d) => d.breaking).length;
  const slow = latency.filter((l) => l.regression).length;
  const reasons: string[] = [];
  if (tests.newFailures.length) reasons.push(plural(tests.newFailures.length, 'new failure'));
  if (breaking)
    reasons.push(
      plural(breaking, 'endpoint with breaking schema drift', 'endpoints with breaking schema drift'),
    );
  if (slow && options.failOnLatency) reasons.push(plural(slow, 'latency regression'));
  return {
    version: 1,
    baseline: refOf(baseline),
    current: refOf(current),
    verdict: reasons.length ? 'fail' : 'pass',
    reasons,
    tests,
    drift,
    coverage,
    latency,
    thresholds,
    failOnLatency: options.failOnLatency ?? false,
    notes,
  };
}

/** 1 when the verdict fails (new failures, breaking drift, or latency when asked), 0 otherwise. */
export function exitCodeOf(diff: RunDiff): 0 | 1 {
  return diff.verdict === 'fail' ? 1 : 0;
}

/** Writes `diff.md` and `diff.json` into `dir` (the current run), each atomically. */
export function writeDiff(dir: string, diff: RunDiff): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const markdown = join(dir, RUN_FILES.diffMarkdown);
  const json = join(dir, RUN_FILES.diffJson);
  writeAtomic(markdown, renderMarkdown(diff));
  writeAtomic(json, renderJson(diff));
  return { markdown, json };
}

/**
 * Called by the run recorder after every run: compares `currentDir` with the newest earlier run of the same
 * environment from the history beside it, and writes diff.md / diff.json. Returns undefined when there is no
 * earlier run. Never throws: a report problem must not fail the run (it is printed as a warning).
 */
export function diffAgainstPrevious(
  currentDir: string,
  options: DiffOptions & { historyDir?: string; log?: (line: string) => void } = {},
): RunDiff | undefined {
  const log = options.log ?? ((line: string) => console.warn(line));
  try {
    const baselineDir = previousRun(currentDir, options.historyDir);
    if (!baselineDir) return undefined;
    const diff = diffRuns(baselineDir, currentDir, options);
    writeDiff(currentDir, diff);
    return diff;
  } catch (error) {
    log(
      `migo diff: no regression report for ${currentDir}: ${redact((error as Error).message ?? String(error))}`,
    );
    return undefined;
  }
}

function refOf(run: RunData): RunRef {
  const s = run.summary;
  const ref: RunRef = {
    dir: displayPath(run.dir),
    name: basename(resolve(run.dir)),
    startedAt: s.startedAt,
    environment: s.environment,
    passed: s.passed,
    failed: s.failed,
    skipped: s.skipped,
    flaky: s.flaky,
  };
  if (s.commit) ref.commit = s.commit;
  return ref;
}

/** Relative to the working directory when inside it: reports stay readable and carry no home paths. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel.split('\\').join('/') : resolve(path);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function writeAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
