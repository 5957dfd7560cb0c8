/**
 * The timing record of one bench run of Playwright, shared by the bench's config wrapper, its global-setup wrapper
 * and its reporter. They all run in the runner process, but Playwright may load each through its own module
 * instance, so the marks live on globalThis.
 */
export const TIMINGS_FILE_VARIABLE = 'MIGO_BENCH_TIMINGS_FILE';

/** Epoch milliseconds of the moments the breakdown is made of. */
export interface Marks {
  configStart?: number;
  configEnd?: number;
  globalSetupStart?: number;
  globalSetupEnd?: number;
  onBegin?: number;
  onEndStart?: number;
  onEndEnd?: number;
  onExit?: number;
}

export interface TestTiming {
  project: string;
  /** Spec file, relative to the project's testDir. */
  file: string;
  title: string;
  status: string;
  parallelIndex: number;
  /** Epoch ms when the test (with its fixtures) started. */
  start: number;
  durationMs: number;
  /** Duration of the hooks and fixtures in this test (`Before Hooks`, `Fixture "browser"`...), by step title. */
  steps: Record<string, number>;
}

export interface RunTimings {
  /** Epoch ms the runner process started (performance.timeOrigin). */
  processStart: number;
  marks: Marks;
  /** Time each reporter spent in each of its callbacks, summed over the run: reporter → callback → ms. */
  reporterMs: Record<string, Record<string, number>>;
  tests: TestTiming[];
}

const KEY = Symbol.for('migo.bench.timingMarks');

export function timingMarks(): Marks {
  const store = globalThis as { [KEY]?: Marks };
  return (store[KEY] ??= {});
}
