/** The bench's breakdown is arithmetic on the timing record: each figure is the difference it says it is. */
import { test, expect } from '@playwright/test';
import { breakdown } from '../../bench/breakdown';
import type { TimedRun } from '../../bench/timed-run';
import type { RunTimings, TestTiming } from '../../bench/timing/marks';
import { timedReporters } from '../../bench/timing/reporter';

const T0 = 1_800_000_000_000;

function testAt(project: string, start: number, durationMs: number, steps: Record<string, number> = {}) {
  return {
    project,
    file: 'a.spec.ts',
    title: 't',
    status: 'passed',
    parallelIndex: 0,
    start: T0 + start,
    durationMs,
    steps,
  } satisfies TestTiming;
}

const timings: RunTimings = {
  processStart: T0 + 50,
  marks: {
    configStart: T0 + 1_000,
    configEnd: T0 + 1_400,
    globalSetupStart: T0 + 1_500,
    globalSetupEnd: T0 + 1_520,
    onBegin: T0 + 2_000,
    onEndStart: T0 + 9_100,
    onEndEnd: T0 + 9_600,
    onExit: T0 + 9_610,
  },
  reporterMs: { list: { onTestEnd: 3, onEnd: 1 }, 'allure-playwright': { onStepEnd: 250.4, onEnd: 49.8 } },
  tests: [
    testAt('api', 3_000, 100, { 'Before Hooks': 30, 'After Hooks': 10 }),
    testAt('api', 3_100, 300, { 'Before Hooks': 20 }),
    testAt('api', 3_400, 200),
    testAt('checkout', 2_500, 1_500, { 'Fixture "browser"': 400, 'Before Hooks': 900 }),
    testAt('checkout', 4_000, 5_000),
  ],
};

const run = { spawnedAt: T0, exitedAt: T0 + 10_000, timings } as TimedRun;

test('the phases of a run, from spawn to exit', () => {
  expect(breakdown(run)).toEqual({
    runnerStartMs: 1_000,
    configLoadMs: 400,
    globalSetupMs: 20,
    testLoadMs: 480,
    projects: {
      api: { tests: 3, workerStartMs: 1_000, spanMs: 600, testsMs: 600, medianTestMs: 200, hooksMs: 60 },
      checkout: {
        tests: 2,
        workerStartMs: 500,
        spanMs: 6_500,
        testsMs: 6_500,
        medianTestMs: 1_500,
        hooksMs: 900,
      },
    },
    browserLaunchMs: 400,
    workerTeardownMs: 100,
    reportersMs: { list: 4, 'allure-playwright': 300 },
    reportersOnEndMs: 500,
    exitMs: 400,
  });
});

test('a run without a complete timing record has no breakdown', () => {
  expect(breakdown({ ...run, timings: null })).toBeNull();
  expect(
    breakdown({ ...run, timings: { ...timings, marks: { ...timings.marks, onBegin: undefined } } }),
  ).toBeNull();
});

test('a timing reporter goes before the first reporter and after each, knowing whom it times', () => {
  const timed = timedReporters([['list'], ['./reporters/go-live-reporter.ts', { strict: true }]], '/t.ts');
  const names = ['list', 'go-live-reporter'];
  expect(timed).toEqual([
    ['/t.ts', { slot: 0, names }],
    ['list'],
    ['/t.ts', { slot: 1, names }],
    ['./reporters/go-live-reporter.ts', { strict: true }],
    ['/t.ts', { slot: 2, names }],
  ]);
});
