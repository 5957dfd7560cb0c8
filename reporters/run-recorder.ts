/**
 * Playwright reporter that records every run in its own directory, so runs can be compared later:
 *
 *   <MIGO_RUN_DIR>/results.json        every test: stable id, status, each attempt, duration, redacted error
 *   <MIGO_RUN_DIR>/observations.jsonl  every API exchange (endpoint, status, latency, field shape), merged
 *   <MIGO_RUN_DIR>/run-summary.json    counts, duration, environment, start time, commit, and what the run
 *                                      talked to (the `run` option: target, base URLs, label)
 *   reports/run-summary.json           the same summary, at a fixed path for CI
 *   reports/runs/index.json            the run history (newest last), for `latest` / `previous`
 *   <MIGO_RUN_DIR>/diff.md, diff.json  the regression report against the previous run of the same environment
 *
 * `MIGO_RUN_DIR` defaults to `reports/runs/<ISO timestamp>`; the reporter sets it before the workers start, so
 * the API clients in the workers write their observations into the same directory. Everything written goes
 * through redaction, and nothing here can fail the run: a write error is printed and the run's status stands.
 *
 * Usage: `reporter: [['list'], ['./reporters/run-recorder.ts', { diff: true, run: runMetadata(config) }]]`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter';
import { diffAgainstPrevious, type DiffOptions, type RunDiff } from './diff';
import {
  CALLBACKS_EVICTED_ANNOTATION,
  RUN_FILES,
  type ResultsFile,
  type RunMetadata,
  type RunSummary,
  type TestAttempt,
  type TestRecord,
  type TestStatus,
} from './diff/run-dir';
import { addToIndex } from './diff/run-index';
import { OBSERVATIONS_DIR, parseObservationLine, testIdOf } from './observations';
import { checkedOutCommit } from './git-commit';
import { redact, redactValue } from './redaction';
import { readCardholderLedger } from './cardholder-ledger';
import { DEFAULT_READINGS } from '../schemas/readings';

export interface RunRecorderOptions {
  /** Where `run-summary.json` and `runs/` go (default `reports`, relative to the working directory). */
  reportsDir?: string;
  /** Overrides `MIGO_RUN_DIR`. */
  runDir?: string;
  /** Write the regression report against the previous run (default true). */
  diff?: boolean;
  latency?: DiffOptions['latency'];
  /** Print where the files went (default true). */
  quiet?: boolean;
  /** What the run talks to, fixed when it starts (fixtures/run-metadata.ts); copied into the run summary. */
  run?: RunMetadata;
  /** The run's profile of readings (schemas/readings.ts), written into the summary (default: all at today's choice). */
  readings?: Readonly<Record<string, string>>;
}

/** Playwright passes its own options beside ours (`_mode` is `list` for `--list`). */
type ReporterArgs = RunRecorderOptions & { configDir?: string; _mode?: string };

const MAX_ERROR_CHARS = 4000;

/** `2025-11-22T00-24-31-123Z`: an ISO timestamp that is a valid folder name everywhere (no colons). */
export function runDirName(date: Date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export default class RunRecorder implements Reporter {
  private readonly options: ReporterArgs;
  private readonly reportsDir: string;
  private readonly runDir: string;
  private config?: FullConfig;
  private suite?: Suite;
  private startedAt = new Date();

  constructor(options: ReporterArgs = {}) {
    this.options = options;
    this.reportsDir = resolve(options.reportsDir ?? 'reports');
    this.runDir = resolve(
      options.runDir ?? process.env.MIGO_RUN_DIR ?? join(this.reportsDir, 'runs', runDirName(this.startedAt)),
    );
    // Workers are started after the reporters exist and inherit this, so their observations land here.
    process.env.MIGO_RUN_DIR = this.runDir;
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config;
    this.suite = suite;
    this.startedAt = new Date();
    if (this.options._mode === 'list') return;
    // A reused MIGO_RUN_DIR must not merge a previous run's traffic into this one.
    this.guard('clear old observations', () =>
      rmSync(join(this.runDir, OBSERVATIONS_DIR), { recursive: true, force: true }),
    );
  }

  onEnd(result: FullResult): void {
    if (this.options._mode === 'list' || !this.suite) return;
    const tests = this.suite.allTests();
    // Nothing ran (no tests matched, or a listing): such a run would only push real runs out of "previous".
    if (tests.every((t) => t.results.length === 0)) {
      this.say('migo run: no test ran, so no run directory was recorded.');
      return;
    }
    this.guard('record the run', () => this.record(tests, result));
  }

  private record(cases: TestCase[], result: FullResult): void {
    mkdirSync(this.runDir, { recursive: true });
    const startedAt = (result.startTime instanceof Date ? result.startTime : this.startedAt).toISOString();
    const tests = cases.map((t) => this.testRecord(t));
    const results: ResultsFile = { version: 1, startedAt, tests };
    writeJson(join(this.runDir, RUN_FILES.results), results);
    const observationCount = this.mergeObservations();
    const summary = this.summary(tests, result, startedAt);
    writeJson(join(this.runDir, RUN_FILES.summary), summary);
    mkdirSync(this.reportsDir, { recursive: true });
    writeJson(join(this.reportsDir, RUN_FILES.summary), summary);
    const historyDir = dirname(this.runDir);
    addToIndex(historyDir, this.runDir, {
      startedAt: summary.startedAt,
      environment: summary.environment,
      status: summary.status,
      passed: summary.passed,
      failed: summary.failed,
      skipped: summary.skipped,
      flaky: summary.flaky,
    });
    let diff: RunDiff | undefined;
    if (this.options.diff !== false) {
      diff = diffAgainstPrevious(this.runDir, {
        historyDir,
        latency: this.options.latency,
        log: (l) => this.say(l),
      });
    }
    this.say(
      `migo run: ${summary.passed} passed, ${summary.failed} failed, ${summary.flaky} flaky, ${summary.skipped} ` +
        `skipped, ${observationCount} API exchanges recorded → ${display(this.runDir)}`,
    );
    if (diff) {
      const verdict = diff.verdict === 'fail' ? `FAIL (${diff.reasons.join(', ')})` : 'PASS';
      this.say(
        `migo diff vs ${diff.baseline.name}: ${verdict} → ${display(join(this.runDir, RUN_FILES.diffMarkdown))}`,
      );
    }
  }

  private testRecord(test: TestCase): TestRecord {
    const [, project = '', ...titlePath] = test.titlePath();
    const last = test.results.at(-1);
    const failure = [...test.results].reverse().find((r) => r.status !== 'passed' && r.status !== 'skipped');
    const message = failure?.error?.message ?? failure?.errors.find((e) => e.message)?.message;
    const annotations = (last?.annotations.length ? last.annotations : test.annotations).map((a) =>
      a.description === undefined ? { type: a.type } : { type: a.type, description: a.description },
    );
    const record: TestRecord = {
      id: testIdOf(project, titlePath, test.repeatEachIndex),
      title: test.title,
      titlePath,
      file: this.relativeFile(test.location.file),
      project,
      tags: [...test.tags],
      annotations,
      status: statusOf(test),
      retries: Math.max(0, test.results.length - 1),
      attempts: test.results.map((r): TestAttempt => ({
        status: r.status,
        durationMs: Math.round(r.duration),
      })),
      durationMs: Math.round(test.results.reduce((sum, r) => sum + r.duration, 0)),
    };
    if (message && (record.status === 'failed' || record.status === 'flaky')) {
      const clean = stripAnsi(message);
      record.error = clean.length > MAX_ERROR_CHARS ? `${clean.slice(0, MAX_ERROR_CHARS)}…` : clean;
    }
    return redactValue(record);
  }

  private relativeFile(file: string): string {
    const base =
      this.options.configDir ?? (this.config?.configFile ? dirname(this.config.configFile) : process.cwd());
    return relative(base, file).split(sep).join('/');
  }

  /** Concatenates the workers' files into observations.jsonl (each line re-checked), then drops the folder. */
  private mergeObservations(): number {
    const folder = join(this.runDir, OBSERVATIONS_DIR);
    const files = existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
      : [];
    const lines: string[] = [];
    for (const file of files) {
      for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
        const observation = parseObservationLine(line);
        if (observation) lines.push(JSON.stringify(observation));
      }
    }
    writeText(join(this.runDir, RUN_FILES.observations), lines.length ? `${lines.join('\n')}\n` : '');
    rmSync(folder, { recursive: true, force: true });
    return lines.length;
  }

  private summary(tests: TestRecord[], result: FullResult, startedAt: string): RunSummary {
    const count = (status: TestStatus) => tests.filter((t) => t.status === status).length;
    const summary: RunSummary = {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      flaky: count('flaky'),
      durationMs: Math.round(result.duration),
      environment: process.env.MIGO_ENV || 'local',
      startedAt,
      runDir: display(this.runDir),
      status: result.status,
      readings: { ...DEFAULT_READINGS, ...this.options.readings },
      callbacks: { evicted: evictedCallbacks(tests) },
    };
    // Written by the run's global teardown, which Playwright runs before the reporters' onEnd.
    const cardholder = readCardholderLedger(this.runDir);
    if (cardholder) summary.cardholder = cardholder;
    const commit = commitOf();
    if (commit) summary.commit = commit;
    if (this.options.run) summary.run = this.options.run;
    return summary;
  }

  private guard(what: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      this.say(`migo run recorder: could not ${what}: ${redact((error as Error)?.message ?? String(error))}`);
    }
  }

  private say(line: string): void {
    if (this.options.quiet) return;
    console.log(redact(line));
  }
}

function evictedCallbacks(tests: TestRecord[]): number {
  return tests
    .flatMap((t) => t.annotations)
    .filter((a) => a.type === CALLBACKS_EVICTED_ANNOTATION)
    .reduce((sum, a) => sum + (Number.parseInt(a.description ?? '', 10) || 0), 0);
}

function statusOf(test: TestCase): TestStatus {
  switch (test.outcome()) {
    case 'expected':
      return 'passed';
    case 'flaky':
      return 'flaky';
    case 'skipped':
      return 'skipped';
    default:
      return 'failed';
  }
}

/** The commit under test: CI variables first, then the checkout (read-only); undefined outside a repository. */
function commitOf(): string | undefined {
  const fromEnv = process.env.GITHUB_SHA || process.env.CI_COMMIT_SHA || process.env.BUILD_SOURCEVERSION;
  if (fromEnv && /^[0-9a-f]{7,64}$/i.test(fromEnv)) return fromEnv;
  return checkedOutCommit(process.cwd());
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}

function writeJson(file: string, value: unknown): void {
  writeText(file, `${JSON.stringify(redactValue(value), null, 2)}\n`);
}

function writeText(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, redact(text));
  renameSync(temp, file);
}
