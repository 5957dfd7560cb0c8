/**
 * Load proof for the callback receiver: N deliveries at concurrency C over real HTTP (undici), 30 % of them
 * redeliveries of an earlier (uid, status) and 5 % bad (malformed JSON, oversized, wrong content type, schema
 * failure). Checks that every delivery is recorded exactly once, every valid one fulfilled once, every bad one
 * answered 4xx, and that nothing is lost; prints one JSON line. Timings are reported, never judged.
 *
 *   npx tsx bench/callback-load.ts [--deliveries 10000] [--concurrency 64]
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { CallbackReceiver } from '../fixtures/callback-receiver';
import { seededRandom } from '../simulator/seeded-random';

export interface CallbackLoadOptions {
  deliveries?: number;
  concurrency?: number;
  duplicateRatio?: number;
  badRatio?: number;
  seed?: number;
}

export interface CallbackLoadResult {
  deliveries: number;
  valid: number;
  duplicates: number;
  invalid: number;
  /** Every delivery sent has exactly one record, and every distinct (uid, status) exactly one fulfilment. */
  recordedOnce: boolean;
  /** Deliveries sent but never recorded, or that got no HTTP answer. */
  lost: number;
  answered4xx: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
}

type Kind = 'original' | 'duplicate' | 'malformed' | 'oversized' | 'wrong-type' | 'schema';

interface Planned {
  id: number;
  kind: Kind;
  body: string;
  contentType: string;
}

const BAD_KINDS: Kind[] = ['malformed', 'oversized', 'wrong-type', 'schema'];
const MAX_BODY_BYTES = 64 * 1024;

function plan(total: number, duplicateRatio: number, badRatio: number, rand: () => number): Planned[] {
  const bad = Math.round(total * badRatio);
  const duplicates = Math.round(total * duplicateRatio);
  const originals = total - bad - duplicates;
  if (originals < 1) throw new RangeError('duplicateRatio + badRatio leave no original deliveries');
  const bodies = Array.from({ length: originals }, (_, i) =>
    JSON.stringify({
      uid: `trx_load_${i}`,
      reference: `LOAD${i}`,
      status: i % 5 === 0 ? 'denied' : 'approved',
    }),
  );
  const items: Omit<Planned, 'id'>[] = [
    ...bodies.map((body) => ({ kind: 'original' as const, body, contentType: 'application/json' })),
    ...Array.from({ length: duplicates }, () => ({
      kind: 'duplicate' as const,
      body: bodies[Math.floor(rand() * originals)]!,
      contentType: 'application/json',
    })),
    ...Array.from({ length: bad }, (_, i) => {
      const kind = BAD_KINDS[i % BAD_KINDS.length]!;
      const body =
        kind === 'malformed'
          ? `{"uid":"trx_bad_${i}","status":`
          : kind === 'oversized'
            ? JSON.stringify({
                uid: `trx_bad_${i}`,
                reference: 'X',
                status: 'approved',
                pad: 'x'.repeat(MAX_BODY_BYTES),
              })
            : kind === 'schema'
              ? JSON.stringify({ uid: `trx_bad_${i}`, status: 'APPROVED' })
              : JSON.stringify({ uid: `trx_bad_${i}`, reference: 'X', status: 'approved' });
      return { kind, body, contentType: kind === 'wrong-type' ? 'text/plain' : 'application/json' };
    }),
  ];
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.map((item, id) => ({ ...item, id }));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

export async function runCallbackLoad(options: CallbackLoadOptions = {}): Promise<CallbackLoadResult> {
  const total = options.deliveries ?? 10_000;
  const concurrency = options.concurrency ?? 64;
  const items = plan(
    total,
    options.duplicateRatio ?? 0.3,
    options.badRatio ?? 0.05,
    seededRandom(options.seed ?? 1),
  );
  const receiver = new CallbackReceiver();
  // Records are kept for the whole run so each one can be traced back to the request that caused it.
  const { url } = await receiver.start({ maxBodyBytes: MAX_BODY_BYTES, maxRecords: Math.max(total, 1) });
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: concurrency });

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 25);
  const latencies: number[] = [];
  const answers = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item; item = items[next++]) {
      const started = performance.now();
      try {
        const response = await pool.request({
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': item.contentType, 'x-load-id': String(item.id) },
          body: item.body,
        });
        await response.body.dump();
        answers.set(item.id, response.statusCode);
      } catch {
        // No answer: counted as lost below.
      }
      latencies.push(performance.now() - started);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    await pool.close();
  }

  const stats = receiver.stats;
  const recordsPerId = new Map<string, number>();
  for (const d of receiver.deliveries) {
    const id = d.headers['x-load-id'] ?? '?';
    recordsPerId.set(id, (recordsPerId.get(id) ?? 0) + 1);
  }
  const goodItems = items.filter((i) => i.kind === 'original' || i.kind === 'duplicate');
  const distinct = new Set(goodItems.map((i) => i.body)).size;
  const everyRecordOnce =
    items.every((i) => recordsPerId.get(String(i.id)) === 1) && recordsPerId.size === total;
  const everyValidAccepted = goodItems.every((i) => {
    const status = answers.get(i.id);
    return status !== undefined && status >= 200 && status < 300;
  });
  const badItems = items.filter((i) => i.kind !== 'original' && i.kind !== 'duplicate');
  const answered4xx = [...answers.values()].filter((s) => s >= 400 && s < 500).length;
  const everyBad4xx = badItems.every((i) => {
    const status = answers.get(i.id);
    return status !== undefined && status >= 400 && status < 500;
  });
  const recordedOnce =
    everyRecordOnce &&
    everyValidAccepted &&
    everyBad4xx &&
    receiver.fulfilments.length === distinct &&
    stats.fulfilled === distinct &&
    stats.duplicates === goodItems.length - distinct;
  await receiver.stop();

  latencies.sort((a, b) => a - b);
  return {
    deliveries: total,
    valid: stats.valid,
    duplicates: stats.duplicates,
    invalid: stats.invalid,
    recordedOnce,
    lost: total - Math.min(stats.received, answers.size),
    answered4xx,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    peakRssMb: Math.round((peakRss / 1024 / 1024) * 10) / 10,
  };
}

function parseArgs(argv: string[]): CallbackLoadOptions {
  const options: CallbackLoadOptions = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const n = Number(value);
    if ((flag !== '--deliveries' && flag !== '--concurrency') || !Number.isInteger(n) || n < 1)
      throw new RangeError(
        `bad argument "${[flag, value].filter(Boolean).join(' ')}": use --deliveries N and --concurrency C (whole numbers ≥ 1).`,
      );
    if (flag === '--deliveries') options.deliveries = n;
    else options.concurrency = n;
  }
  return options;
}

if (require.main === module) {
  let options: CallbackLoadOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`callback-load: ${(error as Error).message}`);
    process.exit(2);
  }
  runCallbackLoad(options).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exitCode = result.recordedOnce && result.lost === 0 ? 0 : 1;
    },
    (error: unknown) => {
      console.error('callback-load failed:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
