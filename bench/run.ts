/**
 * `npm run bench`: speed and memory, measured (never asserted), written to reports/bench.json and printed.
 *
 * - matrix / floor: the matrix and its floor (bench/floor/, the matrix's shape with nothing of ours in it) run in
 *   turn, `--rounds` times each, with `matrix.floorRatio` and where the matrix's time goes (bench/breakdown.ts),
 *   and the matrix on Node 24 beside the machine's Node (bench/matrix-floor.ts);
 * - simulator / bare / peer: our simulator, a bare fastify and Prism 5.14.2 in alternating rounds at 50
 *   connections (bench/simulator-peers.ts), and the simulator's memory over 100,000 requests;
 * - ajv: validations per second of the CustomResponse envelope on freshly parsed bodies;
 * - callback: Merchant Generic Callback latency from the sender's attempt to the receiver's `waitFor` resolving;
 * - receiverLoad: the callback receiver under 10,000 deliveries (bench/callback-load.ts);
 * - receiver: its memory under 12,000 deliveries of 64 KB (`receiver.peakRssMb`, bench/receiver-memory.ts).
 *
 * Options: --rounds N (matrix and floor runs each, default 3), --peer-rounds N (default 3), --duration S (load
 * window, default 10), --only SECTIONS (comma-separated: matrix,peers,memory,ajv,callback,receiver), --quick (1
 * round of each, 4 s windows, no 100k run). Progress goes to stderr; the JSON to stdout and reports/bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { shortCommit } from '../reporters/git-commit';
import { CallbackReceiver } from '../fixtures/callback-receiver';
import { measureReceiverMemoryAlone } from './receiver-memory';
import { SimulatorControl } from '../fixtures/clients/simulator-control';
import { validate } from '../schemas/registry';
import { startSimulator } from '../simulator';
import { runCallbackLoad } from './callback-load';
import { loadServer } from './load';
import { benchMatrixAndFloor } from './matrix-floor';
import { benchSimulatorPeers, CONNECTIONS, ourSimulator } from './simulator-peers';
import { percentile, round } from './stats';

const root = join(__dirname, '..');
const SECTIONS = ['matrix', 'peers', 'memory', 'ajv', 'callback', 'receiver'] as const;
type Section = (typeof SECTIONS)[number];

class UsageError extends Error {}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0)
    throw new UsageError(`--${name} needs a positive integer, e.g. --${name} ${fallback}`);
  return value;
}

function sections(): Set<Section> {
  const index = process.argv.indexOf('--only');
  if (index === -1) return new Set(SECTIONS);
  const asked = (process.argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((s) => !SECTIONS.includes(s as Section));
  if (asked.length === 0 || unknown.length > 0)
    throw new UsageError(`--only takes a comma-separated list of ${SECTIONS.join(', ')}`);
  return new Set(asked as Section[]);
}

function ajvThroughput() {
  const text = JSON.stringify({
    success: false,
    message: 'Validation failed',
    errors: [{ code: '7001', message: 'The amount must be greater than zero.' }],
  });
  let count = 0;
  const until = performance.now() + 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 1000; i += 1) validate('custom-response', JSON.parse(text));
    count += 1000;
  }
  return { validationsPerSec: count, schema: 'custom-response', includes: 'JSON.parse of the wire text' };
}

async function callbackLatency(samples: number) {
  const simulator = await startSimulator({ callbackRetryScheduleMs: [20, 40, 80] });
  const receiver = new CallbackReceiver();
  await receiver.start();
  const control = new SimulatorControl(simulator.urls.middleware);
  const { merchantToken, clientSlug } = simulator.credentials;
  await control.configureClient(clientSlug, { callback: { url: receiver.url } });
  const latencies: number[] = [];
  const warmup = 5; // the first deliveries load undici and open the connection: not what a delivery costs
  try {
    for (let i = 0; i < samples + warmup; i += 1) {
      const created = await fetch(`${simulator.urls.middleware}/api/v1/integrations/transactions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${merchantToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 10, channel: 'web', client: clientSlug, userId: '+50212345678' }),
      });
      const uid = ((await created.json()) as { data: { uid: string } }).data.uid;
      const arrived = receiver.waitFor({ uid }, { timeoutMs: 5000 }).then(() => Date.now());
      await control.completeAlternative(uid, 'APPROVED');
      const assertedAt = await arrived;
      const sent = (await control.deliveries()).find((d) => d.uid === uid);
      if (sent && i >= warmup) latencies.push(Math.max(0, assertedAt - Date.parse(sent.at)));
    }
  } finally {
    await receiver.stop();
    await simulator.close();
  }
  return {
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    samples: latencies.length,
    resolutionMs: 1,
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = sections();
  const rounds = quick ? 1 : option('rounds', 3);
  const peerRounds = quick ? 1 : option('peer-rounds', 3);
  const durationSec = quick ? 4 : option('duration', 10);
  const warmupSec = quick ? 1 : 3;
  const log = (line: string) => console.error(`bench: ${line}`);
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;

  const report: Record<string, unknown> = {};
  if (only.has('matrix')) Object.assign(report, await benchMatrixAndFloor({ rounds, log }));
  if (only.has('peers'))
    Object.assign(report, await benchSimulatorPeers({ rounds: peerRounds, durationSec, warmupSec, log }));
  if (only.has('memory') && !quick) {
    log('simulator memory over 100,000 requests');
    const memory = await loadServer(ourSimulator(), {
      connections: CONNECTIONS,
      warmupSec: 1,
      requests: 100_000,
    });
    report.simulatorOver100kRequests = {
      connections: CONNECTIONS,
      rssAfterWarmupMb: memory.rssAfterWarmupMb,
      peakRssMb: memory.peakRssMb,
      rssEndMb: memory.rssEndMb,
      reqPerSec: memory.reqPerSec,
      p99Ms: memory.p99Ms,
    };
  }
  if (only.has('ajv')) report.ajv = ajvThroughput();
  if (only.has('callback')) report.callback = await callbackLatency(quick ? 50 : 300);
  if (only.has('receiver')) {
    report.receiverLoad = await runCallbackLoad({ deliveries: quick ? 2000 : 10_000 });
    log('callback receiver memory under 12,000 deliveries of 64 KB');
    const memory = measureReceiverMemoryAlone({ deliveries: quick ? 2000 : 12_000 });
    report.receiver = memory;
  }

  const output = {
    generatedAt: startedAt.toISOString(),
    durationSec: round((Date.now() - startedAt.getTime()) / 1000),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage: { atStart: round(loadAtStart, 1), atEnd: round(loadavg()[0] ?? 0, 1) },
      commit: shortCommit(root),
    },
    sections: [...only],
    ...report,
  };
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'bench.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
