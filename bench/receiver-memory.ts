/**
 * Memory of the callback receiver under a flood of large deliveries: 12,000 deliveries of 64 KB each (about
 * 750 MB in all) over real HTTP, with the receiver's default byte budget (64 MiB, MIGO_CALLBACK_MAX_BYTES). Before
 * the budget, this took a test worker from about 105 MB to 1.7 GB and kept it there. Measured, never asserted:
 * peak RSS depends on the machine and on when the garbage collector runs.
 *
 *   npx tsx bench/receiver-memory.ts [--deliveries 12000] [--bytes 64000] [--concurrency 16]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { CallbackReceiver } from '../fixtures/callback-receiver';

export interface ReceiverMemoryOptions {
  deliveries?: number;
  /** Size of each delivery body. */
  bodyBytes?: number;
  concurrency?: number;
  /** The receiver's budget; default: the receiver's default (64 MiB). */
  maxBytesHeld?: number;
}

export interface ReceiverMemoryResult {
  deliveries: number;
  bodyBytes: number;
  /** Every delivery answered 2xx. */
  accepted: number;
  /** RSS before the first delivery, at its peak while they arrived, and after the last. */
  baselineRssMb: number;
  peakRssMb: number;
  endRssMb: number;
  /** What the receiver holds at the end, against its budget. */
  bytesHeld: number;
  limitBytes: number;
  recordsHeld: number;
  evicted: number;
  durationMs: number;
}

const MB = 1024 * 1024;
const round = (n: number) => Math.round(n * 10) / 10;

/** A valid Merchant Generic Callback body of exactly `bytes` bytes (an unknown padding field is allowed). */
function body(index: number, bytes: number): string {
  const head = { uid: `trx_mem_${index}`, reference: `MEM${index}`, status: 'approved', padding: '' };
  const empty = JSON.stringify(head).length;
  return JSON.stringify({ ...head, padding: 'x'.repeat(Math.max(0, bytes - empty)) });
}

/**
 * The same measurement in a fresh Node process: RSS is per process, so measured inside a long benchmark it would
 * count everything that process already holds (the bench's own 280 MB, once).
 */
export function measureReceiverMemoryAlone(options: { deliveries?: number } = {}): ReceiverMemoryResult {
  const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [tsx, __filename, ...(options.deliveries ? ['--deliveries', String(options.deliveries)] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 10 * 60_000 });
  if (run.status !== 0)
    throw new Error(`bench/receiver-memory.ts exited ${run.status}: ${run.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ReceiverMemoryResult;
}

export async function measureReceiverMemory(
  options: ReceiverMemoryOptions = {},
): Promise<ReceiverMemoryResult> {
  const deliveries = options.deliveries ?? 12_000;
  const bodyBytes = options.bodyBytes ?? 64_000;
  const concurrency = options.concurrency ?? 16;
  const receiver = new CallbackReceiver();
  const { url } = await receiver.start(options.maxBytesHeld ? { maxBytesHeld: options.maxBytesHeld } : {});
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: concurrency });
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  let next = 0;
  let accepted = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < deliveries; i = next++) {
          const response = await pool.request({
            path: target.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(i, bodyBytes),
          });
          await response.body.dump();
          if (response.statusCode >= 200 && response.statusCode < 300) accepted += 1;
        }
      }),
    );
    const durationMs = Math.round(performance.now() - started);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const stats = receiver.stats;
    return {
      deliveries,
      bodyBytes,
      accepted,
      baselineRssMb: round(baselineRss / MB),
      peakRssMb: round(peakRss / MB),
      endRssMb: round(process.memoryUsage.rss() / MB),
      bytesHeld: stats.bytesHeld,
      limitBytes: receiver.maxBytesHeld,
      recordsHeld: receiver.deliveries.length + receiver.fulfilments.length,
      evicted: stats.evicted,
      durationMs,
    };
  } finally {
    clearInterval(sampler);
    await pool.close();
    await receiver.stop();
  }
}

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : undefined;
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

if (require.main === module) {
  const deliveries = flag('--deliveries');
  const bodyBytes = flag('--bytes');
  const concurrency = flag('--concurrency');
  measureReceiverMemory({
    ...(deliveries ? { deliveries } : {}),
    ...(bodyBytes ? { bodyBytes } : {}),
    ...(concurrency ? { concurrency } : {}),
  }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
