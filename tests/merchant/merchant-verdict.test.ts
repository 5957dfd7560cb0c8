/**
 * The go-live report builder fed recorded results: the items about the merchant's own systems are PASS only from
 * the merchant probe specs, run against a handler on the merchant's own host in a run against documented Migo
 * hosts, passing first time. The suite's own receiver never stands in for them; a loopback handler is a stand-in.
 */
import { test, expect } from '@playwright/test';
import {
  EVIDENCE,
  type AutomatedEvidence,
  MERCHANT_SYSTEM_SPECS,
  declaredSpecs,
  type Evidence,
  type SpecRef,
} from '../../checklist/evidence';
import type { RunMetadata, TestRecord } from '../../reporters/diff/run-dir';
import { buildGoLiveReport, type GoLiveReport } from '../../reporters/go-live';
import { isLoopbackHost } from '../../reporters/go-live/merchant-handler';
import { EMBEDDED_RUN, documentedRun, specRecord } from '../reporters/synthetic-run';

const PROBE = 'webhooks/merchant-handler.spec.ts › Your webhook handler (MIGO_MERCHANT_HANDLER_URL) › ';
const PROBE_SPECS = MERCHANT_SYSTEM_SPECS.filter((spec) => spec.startsWith(PROBE));
const FULFILS_ONCE = PROBE_SPECS.find((spec) => spec.includes('fulfils a delivery exactly once'))!;
/** GL-PROD-02 is the production receiver's certificate, also from the probe. */
const MERCHANT_ITEMS = ['GL-ERR-02', 'GL-WH-01', 'GL-WH-03', 'GL-SCN-04', 'GL-PROD-02'];
const ONLY_PROBES = ['GL-ERR-02', 'GL-WH-01', 'GL-WH-03', 'GL-PROD-02'];
const ALL_SPECS = [...new Set(Object.values(EVIDENCE).flatMap((e) => declaredSpecs(e as Evidence)))];

const skip = (description: string): Partial<TestRecord> & { status: 'skipped' } => ({
  status: 'skipped',
  annotations: [{ type: 'skip', description }],
});
const NO_HANDLER = skip(
  'MIGO_MERCHANT_HANDLER_URL is not set: there is no handler of yours to replay deliveries to',
);

function report(overrides: Record<SpecRef, Partial<TestRecord>>, run: RunMetadata): GoLiveReport {
  const tests = ALL_SPECS.map((spec) => {
    const { status = 'passed', ...extra } = overrides[spec] ?? {};
    return specRecord(spec, status, extra);
  });
  const count = (s: TestRecord['status']) => tests.filter((t) => t.status === s).length;
  return buildGoLiveReport(
    tests,
    {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      flaky: count('flaky'),
      durationMs: 1000,
      environment: run.target,
      startedAt: '2026-12-02T00:00:00.000Z',
      runDir: 'reports/runs/x',
      run,
    },
    new Date('2026-12-02T01:00:00Z'),
  );
}
const item = (r: GoLiveReport, id: string) => r.items.find((i) => i.id === id)!;
const allMerchantSpecs = (value: Partial<TestRecord>) =>
  Object.fromEntries(MERCHANT_SYSTEM_SPECS.map((spec) => [spec, value]));

test('the merchant probe specs are the decisive evidence of every item about the merchant', () => {
  expect(PROBE_SPECS).toHaveLength(4);
  for (const id of MERCHANT_ITEMS) {
    const evidence = EVIDENCE[id as keyof typeof EVIDENCE] as unknown as AutomatedEvidence;
    expect(evidence.provenBy, id).toEqual(['merchant']);
    expect(
      evidence.decisive.some((spec) => spec.startsWith(PROBE)),
      id,
    ).toBe(true);
  }
});

test('a sandbox run whose probes reached your handler on its own host: PASS', () => {
  const r = report({}, documentedRun('sandbox', { merchant: { handler: 'staging.shop.example:8443' } }));
  for (const id of MERCHANT_ITEMS) expect(item(r, id).status, id).toBe('PASS');
});

test("without MIGO_MERCHANT_HANDLER_URL: NOT RUN naming it, though the suite's own receiver passed", () => {
  const sandbox = report(allMerchantSpecs(NO_HANDLER), documentedRun('sandbox'));
  for (const id of MERCHANT_ITEMS)
    expect(item(sandbox, id), id).toMatchObject({
      status: 'NOT RUN',
      reason: expect.stringContaining('did not run: MIGO_MERCHANT_HANDLER_URL is not set'),
    });
  // Locally, only the scenario keeps the suite's own redelivery check as its stand-in (SIMULATED).
  const local = report(allMerchantSpecs(NO_HANDLER), EMBEDDED_RUN);
  for (const id of ONLY_PROBES)
    expect(item(local, id), id).toMatchObject({
      status: 'NOT RUN',
      reason: expect.stringContaining('did not run: MIGO_MERCHANT_HANDLER_URL is not set'),
    });
  expect(item(local, 'GL-SCN-04').status).toBe('SIMULATED');
  expect(local.totals.PASS).toBe(0);
});

test('a handler on loopback is a stand-in: SIMULATED in a sandbox run, and in a local run', () => {
  for (const handler of ['127.0.0.1:4567', 'localhost:3000', '[::1]:8080']) {
    const r = report({}, documentedRun('sandbox', { merchant: { handler } }));
    for (const id of MERCHANT_ITEMS)
      expect(item(r, id), `${id} ${handler}`).toMatchObject({
        status: 'SIMULATED',
        reason: expect.stringContaining(`a handler at ${handler}, on the machine that ran the suite`),
      });
  }
  const local = report({}, { ...EMBEDDED_RUN, merchant: { handler: '127.0.0.1:4567' } });
  for (const id of ONLY_PROBES)
    expect(item(local, id), id).toMatchObject({
      status: 'SIMULATED',
      reason: expect.stringContaining('the merchant probe passed against a handler at 127.0.0.1:4567'),
    });
  expect(isLoopbackHost('10.0.0.5:443')).toBe(false);
  expect(isLoopbackHost('127.1.2.3')).toBe(true);
});

test('a probe that failed, or passed only on retry, fails its items; a missing fulfilment endpoint leaves GL-ERR-02 NOT RUN', () => {
  const run = documentedRun('sandbox', { merchant: { handler: 'staging.shop.example' } });
  const failed = report(
    {
      [FULFILS_ONCE]: {
        status: 'failed',
        error:
          'Error: your handler at https://staging.shop.example/webhooks is not idempotent: its duplicate fulfilled trx_1 again (fulfilments 1 → 2): the handler is not idempotent',
      },
    },
    run,
  );
  expect(item(failed, 'GL-ERR-02')).toMatchObject({
    status: 'FAIL',
    reason: expect.stringContaining('its duplicate fulfilled trx_1 again'),
  });
  expect(item(failed, 'GL-SCN-04').status).toBe('FAIL');
  expect(item(failed, 'GL-WH-03').status).toBe('PASS');

  const retried = report({ [FULFILS_ONCE]: { status: 'flaky' } }, run);
  expect(item(retried, 'GL-ERR-02')).toMatchObject({ status: 'FAIL', category: 'Passed only on retry' });

  const noEndpoint = report(
    {
      [FULFILS_ONCE]: skip(
        'MIGO_MERCHANT_FULFILMENT_URL is not set: nothing shows how many times your handler fulfilled an order',
      ),
    },
    run,
  );
  expect(item(noEndpoint, 'GL-ERR-02')).toMatchObject({
    status: 'NOT RUN',
    reason: expect.stringContaining('did not run: MIGO_MERCHANT_FULFILMENT_URL is not set'),
  });
  expect(item(noEndpoint, 'GL-WH-03').status).toBe('PASS');
  expect(item(noEndpoint, 'GL-WH-01').status).toBe('PASS');
});
