/**
 * The merchant probe against two handlers started here on real sockets: a correct one passes every expectation,
 * a broken one (fulfils duplicates, lets an older status take the order back, 500 on malformed JSON, no size
 * limit, slow) fails with sentences that name what is wrong. Bad fulfilment configuration gets a clear error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { selfSignedCertificate } from '../../fixtures/callback-receiver/tls';
import { ConfigError, loadConfig, productionRefusals, resolveConfig } from '../../fixtures/config';
import {
  MerchantProbeConfigError,
  MerchantProbeRefused,
  checkHandlerCertificate,
  fulfilmentUrlFor,
  parseFulfilmentAnswer,
  probeHandler,
  problemsOf,
  readFulfilments,
  syntheticTransaction,
  type ProbeOptions,
} from '../../fixtures/merchant-probe';
import { badInputProblem } from '../../fixtures/merchant-probe/expectations';
import { DEFAULT_READINGS } from '../../schemas/readings';
import { startMerchantHandler, type MerchantHandler } from './merchant-handlers';

const BUDGET_MS = 2_000;
const WAIT_MS = 3_000;

function options(handler: MerchantHandler, extra: Partial<ProbeOptions> = {}): ProbeOptions {
  return {
    handlerUrl: handler.url,
    fulfilmentUrl: handler.fulfilmentUrl,
    target: 'local',
    readings: DEFAULT_READINGS,
    budgetMs: BUDGET_MS,
    transaction: syntheticTransaction(),
    fulfilmentWaitMs: WAIT_MS,
    replayAfterMs: 200,
    ...extra,
  };
}

test('a correct handler: every answer as expected, one fulfilment, nothing from the repeats or bad bodies', async () => {
  const handler = await startMerchantHandler('correct');
  try {
    const record = await probeHandler(options(handler));
    expect(record.answers.map((a) => [a.step, a.status])).toEqual([
      ['delivery', 200],
      ['duplicate', 200],
      ['older status', 200],
      ['replay', 200],
      ['malformed', 400],
      ['oversized', 413],
    ]);
    expect(record.transaction.uid).toMatch(/^probe_migo_contract_tx_/);
    expect(record.fulfilments).toMatchObject({
      afterDelivery: { fulfilments: 1, status: 'approved' },
      afterDuplicate: { fulfilments: 1 },
      afterOlderStatus: { fulfilments: 1, status: 'approved' },
      afterReplay: { fulfilments: 1 },
      final: { fulfilments: 1 },
      malformed: { fulfilments: 0 },
      oversized: { fulfilments: 0 },
    });
    expect(problemsOf(record, BUDGET_MS, WAIT_MS)).toEqual({
      acknowledgement: [],
      badInput: [],
      fulfilment: [],
    });
  } finally {
    await handler.stop();
  }
});

test('a broken handler: duplicates fulfilled, the order taken back, 500 on malformed, an oversized body fulfilled', async () => {
  const handler = await startMerchantHandler('broken');
  try {
    const record = await probeHandler(options(handler));
    const problems = problemsOf(record, BUDGET_MS, WAIT_MS);
    expect(problems.acknowledgement).toEqual([]);
    const uid = record.transaction.uid;
    expect(problems.fulfilment).toEqual(
      expect.arrayContaining([
        `its duplicate fulfilled ${uid} again (fulfilments 1 → 2): the handler is not idempotent`,
        `the older status "authorized" sent after "approved" took the order back: its status is now "authorized"`,
        `the later replay fulfilled ${uid} again (fulfilments 2 → 3): the handler is not idempotent`,
        `the oversized body fulfilled an order for ${record.badInputUids.oversized} (1 fulfilments)`,
      ]),
    );
    expect(problems.badInput).toEqual([
      'a malformed body (JSON cut off) was answered HTTP 500: refuse bad input with 4xx (a 5xx says the handler crashed, and a sender may retry it)',
      'an oversized body (1 MiB) was answered HTTP 200 and fulfilled an order',
    ]);
  } finally {
    await handler.stop();
  }
});

test('a slow handler: each answer later than the budget is a problem naming MIGO_HANDLER_BUDGET_MS', async () => {
  // 250 ms of budget against a handler that takes 5 s: the verdict does not hang on how fast this machine is.
  const handler = await startMerchantHandler('broken', { slowMs: 5_000 });
  try {
    const { fulfilmentUrl: _unused, ...withoutFulfilments } = options(handler, { budgetMs: 250 });
    const record = await probeHandler(withoutFulfilments);
    expect(record.fulfilments).toBeUndefined();
    const problems = problemsOf(record, 250, WAIT_MS);
    expect(problems.acknowledgement).toEqual([
      expect.stringMatching(
        /^the delivery got no answer within \d+ ms \(MIGO_HANDLER_BUDGET_MS\): answer at once and do the work in the background$/,
      ),
      expect.stringMatching(/^the duplicate got no answer within/),
      expect.stringMatching(/^the replay got no answer within/),
      expect.stringMatching(/^the older status sent after a newer one got no answer within/),
    ]);
    expect(problems.badInput).toHaveLength(2);
    expect(problems.fulfilment).toEqual([]);
  } finally {
    await handler.stop();
  }
});

test('a 2xx to bad input passes only where the fulfilment endpoint shows it fulfilled nothing', () => {
  const answer = { step: 'malformed' as const, status: 200, latencyMs: 3, bytesSent: 20 };
  expect(badInputProblem(answer, BUDGET_MS, true)).toBeUndefined();
  expect(badInputProblem(answer, BUDGET_MS, undefined)).toBe(
    'a malformed body (JSON cut off) was answered HTTP 200: answer 4xx, or set MIGO_MERCHANT_FULFILMENT_URL so the probe can see that a 2xx fulfilled nothing',
  );
  expect(badInputProblem({ ...answer, status: 422 }, BUDGET_MS, undefined)).toBeUndefined();
  const cutOff = { step: 'oversized' as const, latencyMs: 3, bytesSent: 1 << 20 };
  expect(
    badInputProblem(
      { ...cutOff, failure: { kind: 'connection', message: 'EPIPE: write EPIPE' } },
      BUDGET_MS,
      undefined,
    ),
  ).toBeUndefined();
  expect(
    badInputProblem(
      { ...cutOff, failure: { kind: 'timeout', message: 'no answer within 2000 ms' } },
      BUDGET_MS,
      true,
    ),
  ).toMatch(/^an oversized body \(1 MiB\) got no answer within/);
});

test('bad fulfilment configuration: an error naming MIGO_MERCHANT_FULFILMENT_URL and the fix', async () => {
  expect(() => fulfilmentUrlFor('https://shop.example.com/fulfilments', 'trx_1')).toThrow(
    /MIGO_MERCHANT_FULFILMENT_URL=https:\/\/shop\.example\.com\/fulfilments has no \{uid\} placeholder: .*Put \{uid\} where the transaction uid goes/,
  );
  expect(fulfilmentUrlFor('https://shop.example.com/f/{uid}?x=1', 'a b')).toBe(
    'https://shop.example.com/f/a%20b?x=1',
  );
  expect(() => parseFulfilmentAnswer(200, 'text/html', '<html>ok</html>')).toThrow(
    'MIGO_MERCHANT_FULFILMENT_URL answered text/html that is not JSON ("<html>ok</html>"). Make MIGO_MERCHANT_FULFILMENT_URL answer GET with HTTP 200 and JSON {"fulfilments": <number>} (optionally with "status").',
  );
  expect(() => parseFulfilmentAnswer(200, 'application/json', '{"fulfilments":"1"}')).toThrow(
    /"fulfilments" must be a non-negative whole number/,
  );
  expect(() => parseFulfilmentAnswer(404, 'application/json', '{}')).toThrow(
    /^MIGO_MERCHANT_FULFILMENT_URL answered HTTP 404\. Make/,
  );
  expect(parseFulfilmentAnswer(200, 'application/json', '{"fulfilments":2,"status":"approved"}')).toEqual({
    fulfilments: 2,
    status: 'approved',
  });

  // Over a real socket: the handler's webhook path answers 404 to a GET, so the probe says what to fix.
  const handler = await startMerchantHandler('correct');
  try {
    const error = await readFulfilments(`${handler.url}?uid={uid}`, 'trx_1', WAIT_MS).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MerchantProbeConfigError);
    expect((error as Error).message).toContain('MIGO_MERCHANT_FULFILMENT_URL answered HTTP 404');
  } finally {
    await handler.stop();
  }

  const cwd = mkdtempSync(join(tmpdir(), 'migo-merchant-'));
  try {
    const caught = (() => {
      try {
        loadConfig({ env: { MIGO_MERCHANT_FULFILMENT_URL: 'https://shop.example.com/fulfilments' }, cwd });
      } catch (e) {
        return e;
      }
    })();
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(/MIGO_MERCHANT_FULFILMENT_URL.*\{uid\}/s);
    const good = 'http://127.0.0.1:8080/test/fulfilments/{uid}';
    expect(loadConfig({ env: { MIGO_MERCHANT_FULFILMENT_URL: good }, cwd }).callback.fulfilmentUrl).toBe(
      good,
    );
    // The production guard covers it like every other URL: never a Migo production host outside production.
    const guarded = resolveConfig({
      env: { MIGO_ENV: 'sandbox', MIGO_MERCHANT_FULFILMENT_URL: 'https://mw.migopayments.com/f/{uid}' },
      cwd,
    }).config;
    expect(productionRefusals(guarded).map((r) => r.variable)).toContain('MIGO_MERCHANT_FULFILMENT_URL');
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('the probe never sends deliveries to a handler in a production run', async () => {
  const handler = await startMerchantHandler('correct');
  try {
    const error = await probeHandler(options(handler, { target: 'production' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MerchantProbeRefused);
    expect(handler.orders.size).toBe(0);
  } finally {
    await handler.stop();
  }
});

test("the handler's certificate: trusted, naming the host and lasting the days, or each problem said", async () => {
  const material = selfSignedCertificate('127.0.0.1', 90);
  const short = selfSignedCertificate('127.0.0.1', 5);
  const https = await startMerchantHandler('correct', { tls: material });
  const expiring = await startMerchantHandler('correct', { tls: short });
  const plain = await startMerchantHandler('correct');
  try {
    expect((await checkHandlerCertificate(https.url, 30, WAIT_MS, material.cert)).problems).toEqual([]);
    expect((await checkHandlerCertificate(https.url, 30, WAIT_MS)).problems).toEqual([
      expect.stringMatching(/serves a certificate that does not chain to a trusted root/),
    ]);
    expect((await checkHandlerCertificate(expiring.url, 30, WAIT_MS, short.cert)).problems).toEqual([
      expect.stringMatching(
        /^your handler's certificate expires .* \([45] days left; MIGO_MIN_CERT_DAYS=30\)$/,
      ),
    ]);
    const viaName = https.url.replace('127.0.0.1', 'localhost');
    expect((await checkHandlerCertificate(viaName, 30, WAIT_MS, material.cert)).problems).toEqual([]);
    expect((await checkHandlerCertificate(plain.url, 30, WAIT_MS)).problems).toEqual([
      expect.stringMatching(
        /is http:\/\/ \(MIGO_MERCHANT_HANDLER_URL\): a production webhook receiver must serve HTTPS/,
      ),
    ]);
  } finally {
    await Promise.all([https.stop(), expiring.stop(), plain.stop()]);
  }
});
