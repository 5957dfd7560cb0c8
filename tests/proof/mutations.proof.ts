/**
 * The mutation harness on real nested runs of the matrix (heavy: the `proofs` tier).
 *
 * - A fast subset of mutations, one per area, is caught by the guard each names, with its predicted failure.
 * - A fault that only breaks the guarded route (an HTTP 500, or a hang) makes the guard's test fail, and the
 *   harness scores it NOT caught. The faults come from the simulator's fault injection, on a simulator the proof
 *   starts itself, not from a test-only mutation: the score's list stays the documented rules, nothing to exclude.
 *
 * `npm run mutation` scores all of them (.ci/run runs it).
 */
import { test, expect } from '@playwright/test';
import { scoreMutations, scoreRun, guardFiles } from '../../bench/mutation';
import { runMatrix, type NestedRun } from '../../bench/nested-run';
import { SimulatorControl } from '../../fixtures/clients/simulator-control';
import { MUTATIONS } from '../../simulator/mutations';
import { startSimulator, type RunningSimulator } from '../../simulator';

const FAST_SUBSET = [
  'payment-link-lowercase-url',
  'catalog-status-wrong',
  'refresh-token-reusable',
  'callback-no-retry',
];
// A nested run takes ~10 s alone and ~60 s on a loaded 2-core machine: budgets are five times that.
const NESTED_RUN_MS = 300_000;

const lowercaseUrl = MUTATIONS.find((m) => m.name === 'payment-link-lowercase-url')!;

test.describe.configure({ mode: 'serial' });

test('a fast subset of mutations is caught by the guard each names, with its predicted failure', async () => {
  test.setTimeout(3 * NESTED_RUN_MS);
  const report = await scoreMutations(
    MUTATIONS.filter((m) => FAST_SUBSET.includes(m.name)),
    { concurrency: 2 },
  );
  expect(report.baseline.failedTests, 'the guards pass without mutations').toEqual([]);
  expect(report.missed).toEqual([]);
  for (const run of report.perMutation) {
    const mutation = MUTATIONS.find((m) => m.name === run.name)!;
    const guard = mutation.caughtBy.find((g) => g.test === run.by);
    expect(guard, `${run.name} is caught by a guard it names`).toBeDefined();
    expect(run.failure, run.name).toBeTruthy();
  }
});

test.describe('a fault that only breaks the guarded route is not a catch', () => {
  let simulator: RunningSimulator;
  let control: SimulatorControl;
  let baseline: NestedRun;
  const files = guardFiles([lowercaseUrl]);
  const against = () => ({
    MIGO_MIDDLEWARE_URL: simulator.urls.middleware,
    MIGO_WALLET_URL: simulator.urls.walletGateway,
    MIGO_CMS_URL: simulator.urls.cms,
    MIGO_WEBVIEW_URL: simulator.urls.webview,
  });
  const guardOutcome = (run: NestedRun) =>
    [...run.outcomes.values()].find((o) => o.spec === lowercaseUrl.caughtBy[0]!.test);

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(NESTED_RUN_MS);
    simulator = await startSimulator();
    control = new SimulatorControl(simulator.urls.middleware);
    baseline = await runMatrix([...files, '--workers=1'], against());
    expect(guardOutcome(baseline)?.verdict, 'the guard passes against this simulator').toBe('passed');
  });
  test.afterAll(async () => simulator?.close());
  test.afterEach(async () => control?.clearFaults());

  test('an HTTP 500 on POST /transactions fails the guard, and is scored not caught', async () => {
    test.setTimeout(NESTED_RUN_MS);
    await control.addFault({ route: 'POST /transactions', kind: '500', rate: 1 });
    const faulted = await runMatrix([...files, '--workers=1'], against());
    expect(guardOutcome(faulted)?.verdict, 'the 500 does fail the guard test').toBe('failed');
    const scored = scoreRun(lowercaseUrl, baseline, faulted);
    expect(scored.caught).toBe(false);
    expect(scored.by).toBeNull();
    expect(scored.guards[0]!.why).toBe('failed on an HTTP 500 the guard does not predict');
  });

  test('a hang on POST /transactions fails the guard, and is scored not caught', async () => {
    test.setTimeout(NESTED_RUN_MS);
    await control.addFault({ route: 'POST /transactions', kind: 'latency', latencyMs: 60_000, rate: 1 });
    const hung = await runMatrix([...files, '--workers=1'], against());
    expect(guardOutcome(hung)?.verdict, 'the hang does fail the guard test').toBe('failed');
    const scored = scoreRun(lowercaseUrl, baseline, hung);
    expect(scored.caught).toBe(false);
    expect(scored.guards[0]!.why).toMatch(/^(timed out|failed on transport)/);
  });
});
