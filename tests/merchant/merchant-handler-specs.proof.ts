/**
 * The merchant handler specs (specs/webhooks/merchant-handler.spec.ts) in a nested matrix run against two merchant
 * handlers started here on real sockets: every probe spec passes against the correct one (HTTPS, its certificate
 * trusted through NODE_EXTRA_CA_CERTS as a merchant's public certificate would be), and each fails against the
 * broken one with a message that names what is wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { runMatrix, type NestedRun } from '../../bench/nested-run';
import { MERCHANT_SYSTEM_SPECS } from '../../checklist/evidence';
import { selfSignedCertificate } from '../../fixtures/callback-receiver/tls';
import { startMerchantHandler, type MerchantHandler } from './merchant-handlers';

const SPEC_FILE = 'specs/webhooks/merchant-handler.spec.ts';
const PROBES = MERCHANT_SYSTEM_SPECS.filter((spec) => spec.startsWith('webhooks/merchant-handler.spec.ts'));
const title = (fragment: string) => PROBES.find((spec) => spec.includes(fragment))!;
const ACKNOWLEDGES = title('acknowledges a delivery');
const BAD_INPUT = title('refuses a malformed');
const FULFILS_ONCE = title('fulfils a delivery exactly once');
const CERTIFICATE = title('serves HTTPS');
// A nested run of one spec file takes about 30 s on the loaded 2-core machine; 5 minutes is over 5x that.
const NESTED_RUN_MS = 5 * 60_000;

// The handler budget of the run against the broken handler: every delivery it answers late waits this long, six
// per probe sequence. A twelfth of the broken handler's 3 s, and still over ten times a local answer that is not
// held back (its HTTP 500 to the malformed body takes milliseconds).
const BROKEN_RUN_BUDGET_MS = 250;

const outcome = (run: NestedRun, spec: string) => [...run.outcomes.values()].find((o) => o.spec === spec)!;

test.describe.configure({ mode: 'serial' });

let dir: string;
let correct: MerchantHandler;
let broken: MerchantHandler;
let caFile: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'migo-merchant-proof-'));
  const tls = selfSignedCertificate('127.0.0.1', 90);
  caFile = join(dir, 'merchant-ca.pem');
  writeFileSync(caFile, tls.cert);
  correct = await startMerchantHandler('correct', { tls });
  // 3 s to answer against a budget of BROKEN_RUN_BUDGET_MS: the verdict does not depend on how fast this machine is.
  broken = await startMerchantHandler('broken', { slowMs: 3_000 });
});

test.afterAll(async () => {
  await Promise.all([correct?.stop(), broken?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

test('every probe spec passes against a correct handler serving HTTPS with a trusted certificate', async ({}, testInfo) => {
  testInfo.setTimeout(NESTED_RUN_MS);
  const run = await runMatrix([SPEC_FILE], {
    MIGO_MERCHANT_HANDLER_URL: correct.url,
    MIGO_MERCHANT_FULFILMENT_URL: correct.fulfilmentUrl,
    NODE_EXTRA_CA_CERTS: caFile,
  });
  expect(run.problem).toBeUndefined();
  for (const spec of PROBES) expect(outcome(run, spec), spec).toMatchObject({ verdict: 'passed' });
  // The probe reached the handler: one order fulfilled once per probe sequence (three sequences), nothing else.
  const fulfilled = [...correct.orders.values()].filter((order) => order.fulfilments > 0);
  expect(fulfilled.map((order) => order.fulfilments)).toEqual([1, 1, 1]);
});

test('each probe spec fails against a broken handler, naming what is wrong', async ({}, testInfo) => {
  testInfo.setTimeout(NESTED_RUN_MS);
  const run = await runMatrix([SPEC_FILE], {
    MIGO_MERCHANT_HANDLER_URL: broken.url,
    MIGO_MERCHANT_FULFILMENT_URL: broken.fulfilmentUrl,
    MIGO_HANDLER_BUDGET_MS: String(BROKEN_RUN_BUDGET_MS),
  });
  expect(run.problem).toBeUndefined();
  const failure = (spec: string) => {
    const o = outcome(run, spec);
    expect(o.verdict, spec).toBe('failed');
    return o.message ?? '';
  };
  expect(failure(ACKNOWLEDGES)).toMatch(
    /did not acknowledge every delivery in time: the delivery got no answer within \d+ ms \(MIGO_HANDLER_BUDGET_MS\)/,
  );
  expect(failure(BAD_INPUT)).toContain(
    'a malformed body (JSON cut off) was answered HTTP 500: refuse bad input with 4xx',
  );
  const idempotency = failure(FULFILS_ONCE);
  expect(idempotency).toMatch(
    /is not idempotent: its duplicate fulfilled probe_migo_contract_tx_\w+|trx_\w+ again/,
  );
  expect(idempotency).toContain('the older status "authorized" sent after "approved" took the order back');
  expect(failure(CERTIFICATE)).toContain(
    'is http:// (MIGO_MERCHANT_HANDLER_URL): a production webhook receiver must serve HTTPS',
  );
});
