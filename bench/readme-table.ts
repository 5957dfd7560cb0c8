/**
 * `npx tsx bench/readme-table.ts [reports/bench.json]`: the README's performance table, printed from a bench
 * report, so every figure the README quotes is one `npm run bench` wrote (median, range, the date and the machine).
 * A section the report lacks is left out; nothing is filled in by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}
type Json = Record<string, unknown>;

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);

function isSpread(value: unknown): value is Spread {
  return typeof value === 'object' && value !== null && 'median' in value && 'min' in value && 'max' in value;
}

const number = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `median (min–max, n runs)`, with `unit` and `digits`. */
function ranged(value: unknown, unit: string, digits = 0, scale = 1): string | undefined {
  if (!isSpread(value)) return undefined;
  const f = (n: number) => number(n * scale, digits);
  return `${f(value.median)}${unit} (${f(value.min)}–${f(value.max)}${unit}, ${value.n} runs)`;
}

export function readmeTable(report: Json): string {
  const rows: [string, string | undefined][] = [];
  const matrix = at(report, 'matrix') as Json | undefined;
  if (matrix) {
    const n = (matrix.floorRatioPerRound as Spread | undefined)?.n ?? 0;
    const wall = { median: matrix.medianMs, min: matrix.minMs, max: matrix.maxMs, n };
    const floor = at(report, 'floor') as Json;
    const floorWall = { median: floor.medianMs, min: floor.minMs, max: floor.maxMs, n };
    rows.push(
      ['Local matrix, wall (`npx playwright test`, 2 workers)', ranged(wall, ' s', 1, 1 / 1000)],
      [
        'Its floor: a Playwright project of the same shape, nothing of ours (`bench/floor/`)',
        ranged(floorWall, ' s', 1, 1 / 1000),
      ],
      ['Matrix ÷ floor, per round (goal ≤ 1.25)', ranged(matrix.floorRatioPerRound, '×', 2)],
      ['Matrix CPU, all processes', ranged(matrix.cpuMs, ' s', 1, 1 / 1000)],
      [
        'Allure results + report and go-live report, added to `npm run matrix`',
        matrix.reportingMs
          ? `${number(Number(at(matrix, 'reportingMs.total')) / 1000, 1)} s (one run)`
          : undefined,
      ],
    );
  }
  const versions = at(report, 'nodeVersions') as Json | undefined;
  for (const [version, figures] of Object.entries(versions ?? {})) {
    const f = figures as Json;
    const runs = Array.isArray(f.runs) ? f.runs.length : 0;
    const wall = { median: f.medianMs, min: f.minMs, max: f.maxMs, n: runs };
    const speedup = typeof f.speedup === 'number' ? `, ${f.speedup}× the machine's Node` : '';
    const figure = ranged(wall, ' s', 1, 1 / 1000);
    rows.push([`Matrix wall on Node ${version}`, figure && `${figure}${speedup}`]);
  }
  rows.push(
    ['Simulator `POST /transactions`, 50 connections', ranged(at(report, 'simulator.reqPerSec'), ' req/s')],
    ['Same rounds, bare fastify doing the same work', ranged(at(report, 'bare.fastify.reqPerSec'), ' req/s')],
    [
      'Same rounds, Stoplight Prism 5.14.2 on `dist/migo.openapi.json`',
      ranged(at(report, 'peer.prism.reqPerSec'), ' req/s'),
    ],
    ['Simulator ÷ Prism, per round', ranged(at(report, 'peer.ratio'), '×', 1)],
    [
      'Simulator peak RSS at 50 connections (goal ≤ 100 MiB)',
      ranged(at(report, 'simulator.peakRssMb'), ' MB', 1),
    ],
    ['Simulator p99 latency at 50 connections', ranged(at(report, 'simulator.p99Ms'), ' ms')],
  );
  const mem = at(report, 'simulatorOver100kRequests') as Json | undefined;
  if (mem)
    rows.push([
      'Simulator RSS over 100,000 requests (after warm-up → peak)',
      `${mem.rssAfterWarmupMb} → ${mem.peakRssMb} MB`,
    ]);
  const cb = at(report, 'callback') as Json | undefined;
  if (cb) rows.push(['Callback delivery to `waitFor` resolving', `p50 ${cb.p50Ms} ms, p99 ${cb.p99Ms} ms`]);
  const load = at(report, 'receiverLoad') as Json | undefined;
  if (load)
    rows.push([
      `Callback receiver, ${number(Number(load.deliveries))} deliveries (30 % duplicates, 5 % bad)`,
      `${load.recordedOnce === true ? 'every valid one recorded once' : 'NOT every valid one recorded once'}, ${load.lost} lost, ${number(Number(load.answered4xx))} bad ones answered 4xx`,
    ]);
  const receiver = at(report, 'receiver') as Json | undefined;
  if (receiver)
    rows.push([
      `Callback receiver memory, ${number(Number(receiver.deliveries))} deliveries of ${number(Number(receiver.bodyBytes) / 1000)} KB`,
      `peak RSS ${receiver.peakRssMb} MB, from ${receiver.baselineRssMb} MB (holding at most ${number(Number(receiver.limitBytes) / 1024 / 1024)} MiB; goal ≤ 256 MB; one run)`,
    ]);
  const ajv = at(report, 'ajv') as Json | undefined;
  if (ajv)
    rows.push([
      'ajv, CustomResponse envelope, parse + validate',
      `${number(Number(ajv.validationsPerSec))} /s (one run)`,
    ]);

  const machine = at(report, 'machine') as Json;
  const date = String(report.generatedAt).slice(0, 10);
  const head = `Measured by \`npm run bench\` on ${date}: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ${at(machine, 'loadAverage.atStart')} at the start. Median (min–max) over the runs; the machine is shared, so ranges are wide. Reproduce with \`npm run bench\` (\`reports/bench.json\`), then \`npx tsx bench/readme-table.ts\`.`;
  const table = rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([what, figure]) => `| ${what} | ${figure} |`);
  return [head, '', '| Measure | Result |', '|---|---|', ...table].join('\n');
}

if (require.main === module) {
  const file = process.argv[2] ?? join(__dirname, '..', 'reports', 'bench.json');
  console.log(readmeTable(JSON.parse(readFileSync(file, 'utf8')) as Json));
}
