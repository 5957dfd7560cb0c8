/**
 * Where a run's time goes, from its timing record (bench/timing/) and the bench's own spawn/exit times. Every
 * figure is a difference of two timestamps or a sum of durations Playwright reported; how each is measured is
 * stated beside it in BREAKDOWN_METHOD (copied into reports/bench.json).
 */
import type { TimedRun } from './timed-run';
import type { RunTimings, TestTiming } from './timing/marks';

export const BREAKDOWN_METHOD = {
  runnerStartMs: 'spawn → the config starts evaluating (node, the Playwright CLI, its TypeScript loader)',
  configLoadMs: 'the config module evaluated (the matrix config and everything it imports)',
  globalSetupMs: "the config's global setup, between marks placed before and after it",
  testLoadMs: 'global setup end → onBegin: the runner loads every spec file to list the tests',
  projects:
    'per project: workerStartMs = onBegin → its first test starts (worker process, spec files loaded); spanMs = ' +
    'first test start → last test end; testsMs = sum of test durations (fixtures included); hooksMs = sum of ' +
    '"Before Hooks" + "After Hooks" (fixture setup and teardown inside the tests)',
  simulatorStartMs: 'startSimulator() alone in the bench process, median of 5 (its worker fixture is boxed)',
  browserLaunchMs: 'the "browser" worker fixture, as reported by Playwright in the first checkout',
  workerTeardownMs: 'last test end → onEnd (worker fixtures torn down, workers stopped)',
  reportersMs:
    'per reporter, the time it spent in its callbacks during the run and in onEnd: the difference between ' +
    'timing reporters placed before and after it (reporters are called one after the other)',
  exitMs: 'onEnd done → the process exited',
  allureReportMs:
    'buildAllureReport() of scripts/report.ts on the run\'s results, as "npm run matrix" runs it after the tests',
} as const;

export interface ProjectBreakdown {
  tests: number;
  workerStartMs: number;
  spanMs: number;
  testsMs: number;
  medianTestMs: number;
  hooksMs: number;
}

export interface RunBreakdown {
  runnerStartMs: number;
  configLoadMs: number;
  globalSetupMs: number | null;
  testLoadMs: number;
  projects: Record<string, ProjectBreakdown>;
  browserLaunchMs: number | null;
  workerTeardownMs: number;
  /** Reporter → total ms, in config order. */
  reportersMs: Record<string, number>;
  reportersOnEndMs: number;
  exitMs: number;
}

const ms = (n: number) => Math.round(n);

function projectBreakdown(tests: TestTiming[], onBegin: number): ProjectBreakdown {
  const starts = tests.map((t) => t.start);
  const ends = tests.map((t) => t.start + t.durationMs);
  const durations = tests.map((t) => t.durationMs).sort((a, b) => a - b);
  const hook = (t: TestTiming) => (t.steps['Before Hooks'] ?? 0) + (t.steps['After Hooks'] ?? 0);
  return {
    tests: tests.length,
    workerStartMs: ms(Math.min(...starts) - onBegin),
    spanMs: ms(Math.max(...ends) - Math.min(...starts)),
    testsMs: ms(durations.reduce((a, b) => a + b, 0)),
    medianTestMs: ms(durations[Math.floor((durations.length - 1) / 2)] ?? 0),
    hooksMs: ms(tests.reduce((sum, t) => sum + hook(t), 0)),
  };
}

export function breakdown(run: TimedRun): RunBreakdown | null {
  const timings: RunTimings | null = run.timings;
  const m = timings?.marks;
  if (!timings || !m?.configStart || !m.configEnd || !m.onBegin || !m.onEndStart || !m.onEndEnd) return null;
  const setupEnd = m.globalSetupEnd ?? m.configEnd;
  const byProject = new Map<string, TestTiming[]>();
  for (const test of timings.tests)
    byProject.set(test.project, [...(byProject.get(test.project) ?? []), test]);
  const lastTestEnd = Math.max(...timings.tests.map((t) => t.start + t.durationMs));
  const browser = timings.tests.map((t) => t.steps['Fixture "browser"']).find((d) => d !== undefined);
  const reportersMs = Object.fromEntries(
    Object.entries(timings.reporterMs).map(([name, callbacks]) => [
      name,
      ms(Object.values(callbacks).reduce((a, b) => a + b, 0)),
    ]),
  );
  return {
    runnerStartMs: ms(m.configStart - run.spawnedAt),
    configLoadMs: ms(m.configEnd - m.configStart),
    globalSetupMs: m.globalSetupStart && m.globalSetupEnd ? ms(m.globalSetupEnd - m.globalSetupStart) : null,
    testLoadMs: ms(m.onBegin - setupEnd),
    projects: Object.fromEntries(
      [...byProject].map(([name, tests]) => [name, projectBreakdown(tests, m.onBegin!)]),
    ),
    browserLaunchMs: browser === undefined ? null : ms(browser),
    workerTeardownMs: ms(m.onEndStart - lastTestEnd),
    reportersMs,
    reportersOnEndMs: ms(m.onEndEnd - m.onEndStart),
    exitMs: ms(run.exitedAt - m.onEndEnd),
  };
}
