/**
 * The mutation harness on real nested runs of the matrix (heavy: the `proofs` tier).
 *
 * - A fault that only breaks the guarded route (an HTTP 500, or a hang) makes the guard's test fail, and the
 *   harness scores it NOT caught. The faults come from the simulator's fault injection, on a simulator the proof
 *   starts itself, not from a test-only mutation: the score's list stays the documented rules, nothing to exclude.
 *
 * That every mutation is caught by a guard it names, with its predicted failure, is the full mutation score's
 * verdict, in the same tier (`npm run test:proofs` runs `bench/mutation.ts` after this project and counts every
 * missed mutation and a failed baseline as failures): a proof that a subset is caught would only repeat it.
 */
import { test, expect } from '@playwright/test';
import { scoreRun, guardFiles, guardGrep } from '../../bench/mutation';
import { runMatrix, type NestedRun } from '../../bench/nested-run';
import { SimulatorControl } from '../../fixtures/clients/simulator-control';
import { MUTATIONS } from '../../simulator/mutations';
import { startSimulator, type RunningSimulator } from '../../simulator';

// A nested run takes ~10 s alone and ~60 s on a loaded 2-core machine: budgets are five times that.
const NESTED_RUN_MS = 300_000;

// A hang of one minute against a request timeout of two seconds: thirty times over, on any machine.
const HANG_MS = 60_000;
const HUNG_REQUEST_TIMEOUT_MS = 2_000;

const lowercaseUrl = MUTATIONS.find((m) => m.name === 'payment-link-lowercase-url')!;

test.describe.configure({ mode: 'serial' });

test.describe('a fault that only breaks the guarded route is not a catch', () => {
  let simulator: RunningSimulator;
  let control: SimulatorControl;
  let baseline: NestedRun;
  // The guard test alone, as `npm run mutation` runs it: the rest of its file cannot change its verdict.
  const guardOnly = [...guardFiles([lowercaseUrl]), '--workers=1', `--grep=${guardGrep([lowercaseUrl])}`];
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
    baseline = await runMatrix(guardOnly, against());
    expect(guardOutcome(baseline)?.verdict, 'the guard passes against this simulator').toBe('passed');
  });
  test.afterAll(async () => simulator?.close());
  test.afterEach(async () => control?.clearFaults());

  test('an HTTP 500 on POST /transactions fails the guard, and is scored not caught', async () => {
    test.setTimeout(NESTED_RUN_MS);
    await control.addFault({ route: 'POST /transactions', kind: '500', rate: 1 });
    const faulted = await runMatrix(guardOnly, against());
    expect(guardOutcome(faulted)?.verdict, 'the 500 does fail the guard test').toBe('failed');
    const scored = scoreRun(lowercaseUrl, baseline, faulted);
    expect(scored.caught).toBe(false);
    expect(scored.by).toBeNull();
    expect(scored.guards[0]!.why).toBe('failed on an HTTP 500 the guard does not predict');
  });

  test('a hang on POST /transactions fails the guard, and is scored not caught', async () => {
    test.setTimeout(NESTED_RUN_MS);
    await control.addFault({ route: 'POST /transactions', kind: 'latency', latencyMs: HANG_MS, rate: 1 });
    // The hang outlasts a short configured request timeout (MIGO_REQUEST_TIMEOUT_MS) by far, so the request times
    // out whatever the machine's speed, and sooner than under the local default.
    const hung = await runMatrix(guardOnly, {
      ...against(),
      MIGO_REQUEST_TIMEOUT_MS: String(HUNG_REQUEST_TIMEOUT_MS),
    });
    expect(guardOutcome(hung)?.verdict, 'the hang does fail the guard test').toBe('failed');
    const scored = scoreRun(lowercaseUrl, baseline, hung);
    expect(scored.caught).toBe(false);
    expect(scored.guards[0]!.why).toMatch(/^(timed out|failed on transport)/);
  });
});
