/**
 * Throughput of the embedded simulator on its load-test route, `POST /transactions`, measured the way
 * shared/research/perf-anchors.md measured Prism and a bare fastify: a fresh simulator process (the real CLI),
 * a warm-up that is not recorded, then a measured autocannon window at 50 connections, with the child's RSS
 * sampled from /proc every 200 ms. Prints one JSON object; it asserts nothing.
 *
 *   npx tsx bench/simulator-throughput.ts                      # 3 s warm-up + 10 s window, 50 connections
 *   npx tsx bench/simulator-throughput.ts --requests 100000    # a fixed 100k requests: RSS should stay flat
 *   options: --duration S  --warmup S  --connections N  --requests N
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

// autocannon ships no type declarations; this is the slice of its programmatic API used here.
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const ROOT = join(__dirname, '..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number, e.g. --${name} ${fallback}`);
    process.exit(2);
  }
  return value;
}

function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const connections = option('connections', 50);
  const warmupSec = option('warmup', 3);
  const durationSec = option('duration', 10);
  const requests = process.argv.includes('--requests') ? option('requests', 100_000) : undefined;

  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'migo-contract.cjs'), 'simulator', '--port', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code} before it was ready`)));
  });
  const readyMs = Math.round(performance.now() - started);
  const ready = JSON.parse(line) as {
    middleware: string;
    credentials: { merchantToken: string; clientSlug: string };
  };
  const pid = child.pid ?? 0;

  let peakRssMb = 0;
  const sampler = setInterval(() => {
    const rss = rssMb(pid);
    if (rss !== null && rss > peakRssMb) peakRssMb = rss;
  }, 200);

  const target = {
    url: `${ready.middleware}/transactions`,
    method: 'POST',
    connections,
    headers: { authorization: ready.credentials.merchantToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: 125.5,
      userId: '+50212345678',
      channel: 'web',
      client: ready.credentials.clientSlug,
    }),
  };
  try {
    await autocannon({ ...target, duration: warmupSec });
    const rssAfterWarmupMb = rssMb(pid);
    const result = await autocannon(
      requests ? { ...target, amount: requests } : { ...target, duration: durationSec },
    );
    const rssEndMb = rssMb(pid);
    console.log(
      JSON.stringify({
        reqPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        peakRssMb,
        rssAfterWarmupMb,
        rssEndMb,
        readyMs,
        requests: result.requests.total,
        connections,
        window: requests ? { requests } : { durationSec },
      }),
    );
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
