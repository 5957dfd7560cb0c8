/**
 * Load one HTTP server process the way shared/research/perf-anchors.md measured Prism and a bare fastify: a fresh
 * process, a warm-up that is not recorded, then a measured autocannon window, with the server's RSS sampled from
 * /proc every 200 ms and its CPU time read before and after (CPU µs per request does not depend on the load
 * generator sharing the machine's two cores).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

export interface ServerUnderLoad {
  name: string;
  command: string[];
  /** Resolves with the request to send once the process is ready; rejects when it is not within the timeout. */
  ready(child: ChildProcess): Promise<LoadRequest>;
}

export interface LoadRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  name: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  requests: number;
  cpuUsPerRequest: number;
  peakRssMb: number;
  rssAfterWarmupMb: number | null;
  rssEndMb: number | null;
  readyMs: number;
}

export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** utime + stime of a process, in µs (clock ticks are 100 Hz on Linux). */
function cpuUs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return 0;
  }
}

/** The first stdout line of a process, parsed as JSON (the simulator's and the bare servers' ready line). */
export function firstLine(child: ChildProcess, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs} ms`)), timeoutMs);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready`)));
  });
}

export async function loadServer(
  server: ServerUnderLoad,
  options: { connections: number; warmupSec: number; durationSec?: number; requests?: number },
): Promise<LoadResult> {
  const started = performance.now();
  const [command, ...args] = server.command;
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const request = await server.ready(child);
    const readyMs = Math.round(performance.now() - started);
    const pid = child.pid ?? 0;
    let peakRssMb = 0;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid) ?? 0)), 200);
    try {
      const target = { ...request, connections: options.connections };
      await autocannon({ ...target, duration: options.warmupSec });
      const rssAfterWarmupMb = rssMb(pid);
      const cpuBefore = cpuUs(pid);
      const result = await autocannon(
        options.requests
          ? { ...target, amount: options.requests }
          : { ...target, duration: options.durationSec ?? 10 },
      );
      const cpu = cpuUs(pid) - cpuBefore;
      return {
        name: server.name,
        reqPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        requests: result.requests.total,
        cpuUsPerRequest: result.requests.total ? Math.round(cpu / result.requests.total) : 0,
        peakRssMb,
        rssAfterWarmupMb,
        rssEndMb: rssMb(pid),
        readyMs,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve),
    );
  }
}
