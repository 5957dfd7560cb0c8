/** The fault-tolerance run's profile really injects about 20 % transient faults, of every kind it names. */
import { test, expect } from '@playwright/test';
import { SimulatorControl } from '../../fixtures/clients/simulator-control';
import { applyFaultProfile, FAULT_PROFILE_VARIABLE, transientFaults } from '../../fixtures/fault-profile';
import { startSimulator } from '../../simulator';

// Each verdict holds however slow the machine is: the status kinds are counted exactly, and a request slower than
// the injected latency counts as latency, so a slow machine can only raise that share, which is checked from below.
test('about 20 % of requests to an idempotent operation get a 429, a 503, a reset or latency', async () => {
  const latencyMs = Number(transientFaults().find((f) => f.kind === 'latency')?.latencyMs);
  expect(latencyMs, 'the transient profile injects latency').toBeGreaterThan(0);
  const simulator = await startSimulator();
  process.env[FAULT_PROFILE_VARIABLE] = 'transient';
  try {
    await applyFaultProfile(new SimulatorControl(simulator.urls.middleware));
    const retryAfters: (string | null)[] = [];
    const outcome = async (): Promise<string> => {
      const started = Date.now();
      try {
        const response = await fetch(`${simulator.urls.walletGateway}/health`);
        await response.text();
        if (response.status === 429) retryAfters.push(response.headers.get('retry-after'));
        if (response.status !== 200) return String(response.status);
        return Date.now() - started >= latencyMs ? 'latency' : 'ok';
      } catch {
        return 'reset';
      }
    };
    // Eight requests in flight at a time, so the injected latencies overlap instead of adding up. Each request
    // meets the profile alone (a reset closes only its own connection), and waiting beside others can only make
    // a request slower, which the latency share is checked from below for anyway.
    const outcomes: string[] = [];
    for (let i = 0; i < 400; i += 8)
      outcomes.push(...(await Promise.all(Array.from({ length: 8 }, outcome))));
    expect(outcomes).toHaveLength(400);
    expect(retryAfters.length, 'the profile throttles some requests').toBeGreaterThan(0);
    expect(new Set(retryAfters)).toEqual(new Set(['1']));
    const share = (kind: string) => outcomes.filter((o) => o === kind).length / outcomes.length;
    for (const kind of ['429', '503', 'reset', 'latency']) expect(share(kind), kind).toBeGreaterThan(0.02);
    expect(1 - share('ok')).toBeGreaterThan(0.12);
    const statusFaults = share('429') + share('503') + share('reset'); // 5 % each in the profile
    expect(statusFaults).toBeGreaterThan(0.08);
    expect(statusFaults).toBeLessThan(0.25);
  } finally {
    delete process.env[FAULT_PROFILE_VARIABLE];
    await simulator.close();
  }
});

test('money-moving operations are only throttled or slowed, never reset or failed with a 5xx', () => {
  const blind = transientFaults().filter(
    (f) =>
      !f.route.startsWith('GET') &&
      ['503', 'reset'].includes(f.kind) &&
      /transactions(-hook)?$|funds$|refresh$/.test(f.route),
  );
  expect(blind).toEqual([]);
});
