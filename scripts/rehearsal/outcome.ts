/**
 * What a rehearsal proved, read from the run's own records (run-summary.json and the run directory's
 * results.json, both written by the run recorder): the counts, every spec that did not run with its reason, and
 * whether anything but the rehearsal reached the simulator's control API, and what the leak scan found in the
 * artifacts. `problems` lists what makes it a failed rehearsal.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRun, type RunSummary, type TestRecord } from '../../reporters/diff/run-dir';
import type { LeakHit } from '../../reporters/leak-scan';

export interface NotRun {
  test: string;
  reason: string;
}

export interface RehearsalOutcome {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  /** Wall time of the matrix run (`npm run matrix`: browser check, tests, reports). */
  durationMs: number;
  notRun: NotRun[];
  /** Requests to `/__sim` while the matrix ran: a sandbox run has no control API to call. */
  controlRequestsDuringRun: number;
  /** reporters/leak-scan.ts over every artifact and the captured output, with the run's secrets and cards. */
  leakScan: { filesScanned: number; hits: LeakHit[] };
  /** Why this rehearsal failed; empty when it passed. */
  problems: string[];
}

export function readOutcome(
  reportsDir: string,
  run: {
    cwd: string;
    durationMs: number;
    exitCode: number;
    controlRequests: number;
    leakScan: RehearsalOutcome['leakScan'];
  },
): RehearsalOutcome {
  const leaks = run.leakScan.hits.map((hit) => `${hit.where}: ${hit.kind} (${hit.preview})`);
  let summary: RunSummary;
  let tests: TestRecord[];
  try {
    summary = JSON.parse(readFileSync(join(reportsDir, 'run-summary.json'), 'utf8')) as RunSummary;
    tests = readRun(resolve(run.cwd, summary.runDir)).tests;
  } catch (error) {
    return {
      ...{ passed: 0, failed: 0, skipped: 0, flaky: 0, notRun: [] },
      durationMs: run.durationMs,
      controlRequestsDuringRun: run.controlRequests,
      leakScan: run.leakScan,
      problems: [
        `the matrix (exit ${run.exitCode}) left no readable run record: ${(error as Error).message.split('\n')[0]}`,
        ...leaks,
      ],
    };
  }
  const notRun = tests
    .filter((t) => t.status === 'skipped')
    .map((t) => ({
      test: t.id,
      reason: t.annotations.find((a) => a.type === 'skip')?.description?.trim() ?? '',
    }));
  const problems = [
    ...(run.exitCode !== 0 ? [`the matrix exited ${run.exitCode}`] : []),
    ...(summary.failed > 0 ? [`${summary.failed} test(s) failed`] : []),
    ...(summary.passed === 0 ? ['no test passed'] : []),
    ...notRun.filter((n) => n.reason === '').map((n) => `${n.test} was skipped without a reason`),
    ...(run.controlRequests > 0
      ? [`${run.controlRequests} request(s) reached the control API (/__sim) during the run`]
      : []),
    ...leaks,
  ];
  return {
    passed: summary.passed,
    failed: summary.failed,
    skipped: summary.skipped,
    flaky: summary.flaky,
    durationMs: run.durationMs,
    notRun,
    controlRequestsDuringRun: run.controlRequests,
    leakScan: run.leakScan,
    problems,
  };
}
