/**
 * `npm run bench`: speed and memory, measured (never asserted), written to reports/bench.json and printed.
 *
 * - matrix: the wall time of the whole local matrix and its split (runner start, simulator start, browser launch,
 *   the tests), and the peak RSS of the whole process tree;
 * - ajv: validations per second of the CustomResponse envelope on freshly parsed bodies;
 * - simulator vs peers, in alternating rounds on the same machine (perf-anchors.md's method): our simulator, a
 *   bare fastify doing the same per-request work (the ceiling), and Stoplight Prism 5.14.2 serving our OpenAPI
 *   document (`peer.ratio` = ours / Prism, within each round, median over rounds);
 * - memory of the simulator over 100,000 requests (flat, or the store leaks);
 * - callback: Merchant Generic Callback latency from the sender's attempt to the receiver's `waitFor` resolving;
 * - receiverLoad: the callback receiver under 10,000 deliveries (bench/callback-load.ts).
 *
 * Options: --rounds N (default 2), --duration S (default 8), --quick (1 round, 4 s windows, no 100k run).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CallbackReceiver } from '../fixtures/callback-receiver';
import { chromiumLaunchOptions, findChromium } from '../fixtures/browser';
import { SimulatorControl } from '../fixtures/clients/simulator-control';
import { buildOpenApiDocument } from '../schemas/openapi';
import { validate } from '../schemas/registry';
import { startSimulator } from '../simulator';
import { runCallbackLoad } from './callback-load';
import { firstLine, loadServer, rssMb, type LoadResult, type ServerUnderLoad } from './load';
import { runMatrix } from './nested-run';

const root = join(__dirname, '..');
const node = process.execPath;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} needs a positive integer, e.g. --${name} ${fallback}`);
  return value;
}

/** RSS of a process and all its descendants (runner, workers, browsers), in MB. */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const visit = (p: number) => {
    total += rssMb(p) ?? 0;
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return round1(total);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const BODY = { amount: 125.5, userId: '+50212345678', channel: 'web', client: 'migoLocalSim' };

function ours(): ServerUnderLoad {
  return {
    name: 'simulator',
    command: [node, join(root, 'bin', 'migo-contract.cjs'), 'simulator', '--port', '0'],
    async ready(child) {
      const line = JSON.parse(await firstLine(child)) as {
        middleware: string;
        credentials: { merchantToken: string };
      };
      return {
        url: `${line.middleware}/transactions`,
        method: 'POST',
        headers: { authorization: line.credentials.merchantToken, 'content-type': 'application/json' },
        body: JSON.stringify(BODY),
      };
    },
  };
}

function bareFastify(): ServerUnderLoad {
  return {
    name: 'fastify',
    command: [node, join(root, 'bench', 'servers', 'bare-fastify.cjs')],
    async ready(child) {
      const { url } = JSON.parse(await firstLine(child)) as { url: string };
      return {
        url: `${url}/transactions`,
        method: 'POST',
        headers: { authorization: 'a'.repeat(64), 'content-type': 'application/json' },
        body: JSON.stringify(BODY),
      };
    },
  };
}

function prism(document: string, port: number): ServerUnderLoad {
  const url = `http://127.0.0.1:${port}/transactions`;
  const request = {
    url,
    method: 'POST' as const,
    headers: { authorization: 'a'.repeat(64), 'content-type': 'application/json' },
    body: JSON.stringify(BODY),
  };
  return {
    name: 'prism',
    command: [
      node,
      join(root, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
      'mock',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      document,
    ],
    async ready() {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        try {
          const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
          if (response.status === 200) return request;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('Prism did not answer 200 within 30 s');
    },
  };
}

async function matrix() {
  const list = await runMatrix(['--list']);
  let peakTreeRssMb = 0;
  let sampler: NodeJS.Timeout | undefined;
  const run = await runMatrix([], {}, (pid) => {
    sampler = setInterval(() => (peakTreeRssMb = Math.max(peakTreeRssMb, treeRssMb(pid))), 200);
  });
  clearInterval(sampler);
  const starts: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    const simulator = await startSimulator();
    starts.push(performance.now() - started);
    await simulator.close();
  }
  const launches: number[] = [];
  const found = findChromium();
  for (let i = 0; found && i < 3; i += 1) {
    const started = performance.now();
    const browser = await chromium.launch(chromiumLaunchOptions(found));
    await browser.newPage();
    launches.push(performance.now() - started);
    await browser.close();
  }
  const verdicts = [...run.verdicts.values()];
  return {
    wallMs: run.durationMs,
    tests: verdicts.length,
    passed: verdicts.filter((v) => v === 'passed' || v === 'flaky').length,
    failed: verdicts.filter((v) => v === 'failed').length,
    split: {
      runnerStartMs: list.durationMs,
      simulatorStartMs: Math.round(median(starts)),
      browserLaunchMs: found ? Math.round(median(launches)) : null,
      specsMs: Math.max(0, run.durationMs - list.durationMs),
    },
    /** Summed RSS of the runner, workers, simulators and Chromium (shared pages count once per process). */
    peakTreeRssMb,
  };
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
  const rounds = quick ? 1 : option('rounds', 2);
  const durationSec = quick ? 4 : option('duration', 8);
  const warmupSec = quick ? 1 : 3;
  const startedAt = new Date();
  const loadBefore = loadavg()[0];

  const document = join(tmpdir(), `migo-bench-openapi-${process.pid}.json`);
  writeFileSync(document, JSON.stringify(buildOpenApiDocument()));

  const matrixResult = await matrix();
  const ajv = ajvThroughput();
  const perRound: Record<string, LoadResult>[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const results: Record<string, LoadResult> = {};
    // Alternating order within a round, fresh processes each time (perf-anchors.md §3).
    for (const server of [prism(document, await freePort()), ours(), bareFastify()])
      results[server.name] = await loadServer(server, { connections: 50, warmupSec, durationSec });
    perRound.push(results);
  }
  const pick = (name: string, key: keyof LoadResult) => median(perRound.map((r) => Number(r[name]![key])));
  const summary = (name: string) => ({
    reqPerSec: pick(name, 'reqPerSec'),
    p50Ms: pick(name, 'p50Ms'),
    p99Ms: pick(name, 'p99Ms'),
    cpuUsPerRequest: pick(name, 'cpuUsPerRequest'),
    peakRssMb: pick(name, 'peakRssMb'),
    readyMs: pick(name, 'readyMs'),
    non2xx: Math.max(...perRound.map((r) => r[name]!.non2xx)),
    errors: Math.max(...perRound.map((r) => r[name]!.errors)),
  });
  const ratio = (a: string, b: string, key: 'reqPerSec' | 'cpuUsPerRequest') =>
    Math.round(median(perRound.map((r) => r[a]![key] / Math.max(1, r[b]![key]))) * 100) / 100;
  const memory = quick
    ? undefined
    : await loadServer(ours(), { connections: 50, warmupSec: 1, requests: 100_000 });
  const callback = await callbackLatency(quick ? 50 : 300);
  const receiverLoad = await runCallbackLoad({ deliveries: quick ? 2000 : 10_000 });
  const simulator = summary('simulator');

  const report = {
    generatedAt: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageAtStart: round1(loadBefore ?? 0),
      commit: commit(),
    },
    matrix: matrixResult,
    ajv,
    simulator: {
      ...simulator,
      ...(memory
        ? {
            over100kRequests: {
              rssAfterWarmupMb: memory.rssAfterWarmupMb,
              rssEndMb: memory.rssEndMb,
              reqPerSec: memory.reqPerSec,
              p99Ms: memory.p99Ms,
            },
          }
        : {}),
      shareOfBareFastify: ratio('simulator', 'fastify', 'reqPerSec'),
    },
    bare: { fastify: summary('fastify') },
    peer: {
      prism: { version: '5.14.2', ...summary('prism') },
      ratio: ratio('simulator', 'prism', 'reqPerSec'),
      cpuRatio: ratio('prism', 'simulator', 'cpuUsPerRequest'),
      rounds,
      windowSec: durationSec,
    },
    callback,
    receiverLoad,
    peakRssMb: Math.max(simulator.peakRssMb, memory?.peakRssMb ?? 0),
  };
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
