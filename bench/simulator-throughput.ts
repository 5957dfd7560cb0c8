/**
 * Throughput of the embedded simulator alone on its load-test route, `POST /transactions`: a fresh simulator
 * process (the real CLI), a warm-up that is not recorded, then a measured autocannon window at 50 connections,
 * with the child's RSS sampled (bench/load.ts). Prints one JSON object; it asserts nothing. `npm run bench` runs
 * the same measurement beside a bare fastify and Prism.
 *
 *   npx tsx bench/simulator-throughput.ts                      # 3 s warm-up + 10 s window, 50 connections
 *   npx tsx bench/simulator-throughput.ts --requests 100000    # a fixed 100k requests: RSS should stay flat
 *   options: --duration S  --warmup S  --connections N  --requests N
 */
import { loadServer } from './load';
import { ourSimulator } from './simulator-peers';

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

async function main(): Promise<void> {
  const connections = option('connections', 50);
  const requests = process.argv.includes('--requests') ? option('requests', 100_000) : undefined;
  const result = await loadServer(ourSimulator(), {
    connections,
    warmupSec: option('warmup', 3),
    durationSec: option('duration', 10),
    ...(requests ? { requests } : {}),
  });
  console.log(
    JSON.stringify({
      ...result,
      connections,
      window: requests ? { requests } : { durationSec: option('duration', 10) },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
