/**
 * Timestamps of one Playwright run, for `npm run bench`'s breakdown of where the time goes. The bench's configs
 * put one instance before the first reporter and one after each reporter (`{ slot: i, names }`): Playwright calls
 * reporters one after the other, so the time between instance i and instance i+1 in a callback is what reporter
 * i (`names[i]`) took in it. The instances share one record, written as JSON to MIGO_BENCH_TIMINGS_FILE when the
 * run ends. Only the bench's configs use it (bench/timing/matrix.config.ts, bench/floor/playwright.config.ts): a
 * normal run pays nothing.
 */
import { writeFileSync } from 'node:fs';
import type { ReporterDescription } from '@playwright/test';
import type { Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { TIMINGS_FILE_VARIABLE, timingMarks, type RunTimings } from './marks';

type Callback = 'onBegin' | 'onTestBegin' | 'onStepBegin' | 'onStepEnd' | 'onTestEnd' | 'onEnd' | 'onExit';

export interface TimingReporterOptions {
  slot: number;
  /** The reporters being timed, in config order: the instance in slot i+1 closes the clock of `names[i]`. */
  names: string[];
}

const record: RunTimings = {
  processStart: performance.timeOrigin,
  marks: timingMarks(),
  reporterMs: {},
  tests: [],
};
/** The last instance's timestamp in each callback (performance.now()). */
const lastStamp = new Map<Callback, number>();
const testSteps = new Map<TestResult, Record<string, number>>();

/** Steps whose time the breakdown names: hooks (with the worker fixtures), and every fixture by title. */
const TIMED_STEP = /^(Before Hooks|After Hooks|Fixture ".*")$/;

export default class TimingReporter implements Reporter {
  private readonly slot: number;
  private readonly names: string[];

  constructor(options: TimingReporterOptions) {
    this.slot = options.slot;
    this.names = options.names;
  }

  printsToStdio(): boolean {
    return false;
  }

  private get isLast(): boolean {
    return this.slot === this.names.length;
  }

  /** Adds the time since the previous instance's stamp to the reporter between the two, then stamps. */
  private stamp(callback: Callback): void {
    const now = performance.now();
    const previous = lastStamp.get(callback);
    if (this.slot > 0 && previous !== undefined) {
      const name = this.names[this.slot - 1]!;
      const perCallback = (record.reporterMs[name] ??= {});
      perCallback[callback] = (perCallback[callback] ?? 0) + (now - previous);
    }
    lastStamp.set(callback, now);
  }

  onBegin(): void {
    this.stamp('onBegin');
    if (this.slot === 0) record.marks.onBegin = Date.now();
  }

  onTestBegin(): void {
    this.stamp('onTestBegin');
  }

  onStepBegin(): void {
    this.stamp('onStepBegin');
  }

  onStepEnd(_test: TestCase, result: TestResult, step: TestStep): void {
    this.stamp('onStepEnd');
    if (this.isLast && TIMED_STEP.test(step.title)) {
      const steps = testSteps.get(result) ?? {};
      steps[step.title] = (steps[step.title] ?? 0) + step.duration;
      testSteps.set(result, steps);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.stamp('onTestEnd');
    if (!this.isLast) return;
    const [, project = '', file = '', ...titles] = test.titlePath();
    record.tests.push({
      project,
      file,
      title: titles.join(' › '),
      status: result.status,
      parallelIndex: result.parallelIndex,
      start: result.startTime.getTime(),
      durationMs: result.duration,
      steps: testSteps.get(result) ?? {},
    });
    testSteps.delete(result);
  }

  onEnd(): void {
    this.stamp('onEnd');
    if (this.slot === 0) record.marks.onEndStart = Date.now();
    if (this.isLast) record.marks.onEndEnd = Date.now();
  }

  async onExit(): Promise<void> {
    this.stamp('onExit');
    if (!this.isLast) return;
    record.marks.onExit = Date.now();
    const file = process.env[TIMINGS_FILE_VARIABLE];
    if (file) writeFileSync(file, JSON.stringify(record));
  }
}

/** The reporters of a config with a timing instance before the first and after each, for a bench run. */
export function timedReporters(
  reporters: ReporterDescription[],
  timingReporterPath: string,
): ReporterDescription[] {
  const names = reporters.map(([name]) => name.replace(/^.*\//, '').replace(/\.ts$/, ''));
  const timing = (slot: number): ReporterDescription => [timingReporterPath, { slot, names }];
  return [timing(0), ...reporters.flatMap((reporter, i) => [reporter, timing(i + 1)])];
}
