/**
 * The simulator against its peers, in alternating rounds on the same machine (perf-anchors.md's method): Stoplight
 * Prism 5.14.2 serving our OpenAPI document, our simulator (the real CLI, `bin/migo-contract.cjs simulator`), and a
 * bare fastify doing the same per-request work (the ceiling). Each server is a fresh process with a warm-up that is
 * not recorded, then a measured window at 50 connections. Figures are medians over rounds with their range; ratios
 * are taken within each round, then summarised the same way.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../schemas/openapi';
import { firstLine, loadServer, type LoadResult, type ServerUnderLoad } from './load';
import { spread } from './stats';

const root = join(__dirname, '..');
const node = process.execPath;
const BODY = { amount: 125.5, userId: '+50212345678', channel: 'web', client: 'migoLocalSim' };
export const CONNECTIONS = 50;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Our simulator as a user starts it: the CLI, which prints its URLs and credentials as its first line. */
export function ourSimulator(): ServerUnderLoad {
  return {
    name: 'simulator',
    command: [node, join(root, 'bin', 'migo-contract.cjs'), 'simulator', '--port', '0'],
    async ready(child) {
      const line = JSON.parse(await firstLine(child)) as {
        middleware: string;
        credentials: { merchantToken: string; clientSlug: string };
      };
      return {
        url: `${line.middleware}/transactions`,
        method: 'POST',
        headers: { authorization: line.credentials.merchantToken, 'content-type': 'application/json' },
        body: JSON.stringify({ ...BODY, client: line.credentials.clientSlug }),
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

function summary(results: LoadResult[]) {
  const of = (key: keyof LoadResult, digits = 0) =>
    spread(
      results.map((r) => Number(r[key])),
      digits,
    );
  return {
    reqPerSec: of('reqPerSec'),
    p50Ms: of('p50Ms'),
    p99Ms: of('p99Ms'),
    cpuUsPerRequest: of('cpuUsPerRequest'),
    peakRssMb: of('peakRssMb', 1),
    readyMs: of('readyMs'),
    non2xx: Math.max(...results.map((r) => r.non2xx)),
    errors: Math.max(...results.map((r) => r.errors)),
  };
}

export async function benchSimulatorPeers(options: {
  rounds: number;
  durationSec: number;
  warmupSec: number;
  log: (line: string) => void;
}) {
  const document = join(tmpdir(), `migo-bench-openapi-${process.pid}.json`);
  writeFileSync(document, JSON.stringify(buildOpenApiDocument()));
  const rounds: Record<string, LoadResult>[] = [];
  for (let r = 1; r <= options.rounds; r += 1) {
    const results: Record<string, LoadResult> = {};
    for (const server of [prism(document, await freePort()), ourSimulator(), bareFastify()]) {
      options.log(`peers round ${r}/${options.rounds}: ${server.name}`);
      results[server.name] = await loadServer(server, {
        connections: CONNECTIONS,
        warmupSec: options.warmupSec,
        durationSec: options.durationSec,
      });
    }
    rounds.push(results);
  }
  const of = (name: string) => rounds.map((round) => round[name]!);
  const ratio = (a: string, b: string, key: 'reqPerSec' | 'cpuUsPerRequest') =>
    spread(
      rounds.map((round) => round[a]![key] / Math.max(1, round[b]![key])),
      2,
    );
  return {
    simulator: {
      ...summary(of('simulator')),
      shareOfBareFastify: ratio('simulator', 'fastify', 'reqPerSec'),
    },
    bare: { fastify: summary(of('fastify')) },
    peer: {
      prism: { version: '5.14.2', ...summary(of('prism')) },
      /** Our req/s over Prism's, within each round. */
      ratio: ratio('simulator', 'prism', 'reqPerSec'),
      /** Prism's CPU per request over ours (independent of the load generator sharing the cores). */
      cpuRatio: ratio('prism', 'simulator', 'cpuUsPerRequest'),
      rounds: options.rounds,
      connections: CONNECTIONS,
      windowSec: options.durationSec,
      warmupSec: options.warmupSec,
      order: 'prism, simulator, fastify in each round; a fresh process each time',
    },
  };
}
