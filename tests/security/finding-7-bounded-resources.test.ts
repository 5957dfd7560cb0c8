/**
 * Issue 9, finding 7: unbounded resources. The callback receiver bounded its log by record count, not bytes
 * (12,000 deliveries of 64 KB took a worker from 105 MB to 1.7 GB, measured now by bench/receiver-memory.ts);
 * the simulator never timed out a slow request (300 slow connections still open after 150 s); `validate` read
 * any size (`validate custom-response /dev/zero` aborted at 1.1 GB).
 *
 * Proved failing on 7b3ea5d: held-records.ts did not exist and the receiver ignored maxBytesHeld (nothing was
 * evicted, stats had no bytesHeld); the simulator ignored `timeouts` and kept both stalled connections open past
 * the budget; `validate … /dev/zero` did not exit 2 within the budget.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FullConfig, FullResult, Suite, TestCase } from '@playwright/test/reporter';
import { Pool } from 'undici';
import { CallbackReceiver } from '../../fixtures/callback-receiver';
import { ByteLedger, HeldMap } from '../../fixtures/callback-receiver/held-records';
import { CALLBACKS_EVICTED_ANNOTATION, type RunSummary } from '../../reporters/diff/run-dir';
import RunRecorder from '../../reporters/run-recorder';
import { startSimulator } from '../../simulator';

test('the ledger never holds more bytes than its limit and evicts the oldest first', () => {
  const ledger = new ByteLedger(10_000);
  const deliveries = new HeldMap<number, number>(ledger, Number.POSITIVE_INFINITY);
  const visits = new HeldMap<number, number>(ledger, Number.POSITIVE_INFINITY);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // The invariants are checked after every insert; the first broken one is kept (8,000 expect() calls cost ~7 s).
  const broken: string[] = [];
  for (let i = 0; i < 2_000 && broken.length === 0; i += 1) {
    (i % 3 === 0 ? visits : deliveries).set(i, i, 1 + Math.floor(random() * 1_500));
    // What is held is always the newest records, oldest first, across both maps.
    const held = [...deliveries.values(), ...visits.values()].sort((a, b) => a - b);
    if (ledger.bytesHeld > 10_000) broken.push(`after insert ${i}: ${ledger.bytesHeld} bytes held`);
    if (held.at(-1) !== i) broken.push(`after insert ${i}: the newest held is ${held.at(-1)}`);
    if (held.length + ledger.evicted !== i + 1)
      broken.push(`after insert ${i}: ${held.length} held + ${ledger.evicted} evicted ≠ ${i + 1}`);
    if (held[0] !== ledger.evicted)
      broken.push(`after insert ${i}: the oldest held is ${held[0]}, not ${ledger.evicted}`);
  }
  expect(broken).toEqual([]);
  const bounded = new HeldMap<number, number>(new ByteLedger(1_000_000), 3);
  for (let i = 0; i < 5; i += 1) bounded.set(i, i, 10);
  expect(bounded.values(), 'a record-count bound evicts the oldest too').toEqual([2, 3, 4]);
});

test('the receiver holds at most maxBytesHeld of deliveries, the newest, and counts what it evicted', async () => {
  const receiver = new CallbackReceiver();
  const maxBytesHeld = 256 * 1024;
  const { url } = await receiver.start({ maxBodyBytes: 16 * 1024, maxBytesHeld });
  const pool = new Pool(new URL(url).origin, { connections: 4 });
  try {
    for (let i = 0; i < 60; i += 1) {
      const body = JSON.stringify({
        uid: `trx_${i}`,
        reference: `R${i}`,
        status: 'approved',
        pad: 'x'.repeat(12_000),
      });
      const response = await pool.request({
        path: new URL(url).pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.body.dump();
      expect(response.statusCode).toBe(200);
      expect(receiver.stats.bytesHeld).toBeLessThanOrEqual(maxBytesHeld);
    }
    const held = receiver.deliveries.map((d) => d.uid);
    expect(receiver.stats.evicted).toBeGreaterThan(0);
    expect(receiver.stats.received).toBe(60);
    expect(held.at(-1)).toBe('trx_59');
    expect(held).not.toContain('trx_0');
    expect((receiver.deliveries.at(-1)!.body as { reference: string }).reference, 'parsed on read').toBe(
      'R59',
    );
    await expect(
      new CallbackReceiver().start({ maxBodyBytes: 64 * 1024, maxBytesHeld: 100_000 }),
      'a budget smaller than 4 deliveries is refused',
    ).rejects.toThrow(/maxBytesHeld is 100000; give at least 4 × maxBodyBytes/);
  } finally {
    await pool.close();
    await receiver.stop();
  }
});

test('the run summary counts the records the receivers evicted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'migo-evicted-'));
  try {
    const testCase = (title: string, evicted?: number) =>
      ({
        title,
        titlePath: () => ['', 'api', 'callbacks.spec.ts', title],
        location: { file: join(dir, 'callbacks.spec.ts'), line: 1, column: 1 },
        repeatEachIndex: 0,
        tags: [],
        annotations: [],
        outcome: () => 'expected',
        results: [
          {
            status: 'passed',
            duration: 1,
            errors: [],
            annotations: evicted
              ? [
                  {
                    type: CALLBACKS_EVICTED_ANNOTATION,
                    description: `${evicted} callback receiver records evicted`,
                  },
                ]
              : [],
          },
        ],
      }) as unknown as TestCase;
    const recorder = new RunRecorder({ reportsDir: dir, runDir: join(dir, 'run'), quiet: true, diff: false });
    const tests = [testCase('floods', 12), testCase('quiet'), testCase('floods again', 30)];
    recorder.onBegin(
      { configFile: join(dir, 'playwright.config.ts') } as FullConfig,
      {
        allTests: () => tests,
      } as unknown as Suite,
    );
    recorder.onEnd({ status: 'passed', startTime: new Date(), duration: 3 } as FullResult);
    const summary = JSON.parse(readFileSync(join(dir, 'run-summary.json'), 'utf8')) as RunSummary;
    expect(summary.callbacks).toEqual({ evicted: 42 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the simulator closes a connection whose headers or body arrive too slowly', async () => {
  const simulator = await startSimulator({ timeouts: { headersMs: 300, requestMs: 600 } });
  try {
    const { hostname, port } = new URL(simulator.urls.middleware);
    const stall = (payload: string) =>
      new Promise<number>((resolve) => {
        const started = Date.now();
        const socket = connect(Number(port), hostname, () => socket.write(payload));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(Date.now() - started));
        socket.resume(); // read what the server answers (a 408), or the close is never seen
      });
    const [headers, body] = await Promise.all([
      stall('POST /transactions HTTP/1.1\r\nHost: sim\r\n'),
      stall(
        'POST /transactions HTTP/1.1\r\nHost: sim\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
      ),
    ]);
    // Closed at the configured timeout plus Node's check interval; the budget is many times that.
    expect(headers).toBeLessThan(5_000);
    expect(body).toBeLessThan(5_000);
  } finally {
    await simulator.close();
  }
});

test('validate refuses input above 10 MiB with exit 2, reading no more than that', async () => {
  const bin = join(__dirname, '..', '..', 'bin', 'migo-contract.cjs');
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'validate', 'custom-response', '/dev/zero']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ code: status, stderr: err }));
  });
  expect(stderr).toContain('"/dev/zero" is larger than 10 MiB, the most validate reads');
  expect(code).toBe(2);
});
