/**
 * What a rehearsal proved, read from the run's own records (run-summary.json and the run directory's
 * results.json, both written by the run recorder): the counts, every spec that did not run with its reason, and
 * whether anything but the rehearsal reached the simulator's control API, and what the leak scan found in the
 * artifacts; the disposable cardholder's ledger (nothing may be left on a card) and the go-live report's header
 * (it says "rehearsal" and shows no PASS). `problems` lists what makes it a failed rehearsal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRun, type RunSummary, type TestRecord } from '../../reporters/diff/run-dir';
import type { LeakHit } from '../../reporters/leak-scan';
import type { CardholderLedger } from '../../reporters/cardholder-ledger';
import type { GoLiveReport } from '../../reporters/go-live';

/** The run label the rehearsal sets (MIGO_RUN_LABEL): the reports name the run by it. */
export const REHEARSAL_LABEL = 'rehearsal';

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
  /** What the run created for its disposable cardholder, tore down and left over (run-summary.json). */
  cardholder?: CardholderLedger;
  /** Why this rehearsal failed; empty when it passed. */
  problems: string[];
}

/**
 * What a rehearsal's go-live report must not say: it stands in for a nightly run against a simulator, so its
 * title names the rehearsal and no item PASSes (a PASS would read as evidence of an integration).
 */
export function goLiveProblems(report: Pick<GoLiveReport, 'run' | 'totals'> | undefined): string[] {
  if (!report) return ['the run wrote no go-live report (reports/go-live.json)'];
  return [
    ...(report.run.label !== REHEARSAL_LABEL
      ? [`the go-live report is labelled ${report.run.label ?? 'nothing'}, not "${REHEARSAL_LABEL}"`]
      : []),
    ...(report.totals.PASS > 0
      ? [`the go-live report shows ${report.totals.PASS} PASS for a rehearsal`]
      : []),
  ];
}

/** Money the run left at the target: a balance its teardown did not withdraw. */
export function cardholderProblems(ledger: CardholderLedger | undefined): string[] {
  if (!ledger) return ['the run wrote no cardholder ledger (run-summary.json has no "cardholder")'];
  return ledger.leftover.filter((e) => e.kind === 'balance').map((e) => `left over: ${e.id}: ${e.note}`);
}

function readGoLive(reportsDir: string): GoLiveReport | undefined {
  const file = join(reportsDir, 'go-live.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GoLiveReport) : undefined;
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
    ...cardholderProblems(summary.cardholder),
    ...goLiveProblems(readGoLive(reportsDir)),
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
    ...(summary.cardholder ? { cardholder: summary.cardholder } : {}),
    problems,
  };
}
