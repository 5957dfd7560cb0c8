/**
 * `npm run mutation [-- --only a,b] [--concurrency N]`: the mutation score of the suite. For each named simulator
 * mutation (simulator/mutations.ts), the specs it declares in `caughtBy` run against an embedded simulator with
 * that one documented rule broken; the mutation is caught when at least one of them fails. A clean run of the same
 * specs comes first: a spec that fails without any mutation proves nothing.
 *
 * Writes reports/mutation.json `{ total, caught, missed, score, baseline, perMutation }` and prints the score;
 * exit 0 when every mutation run was caught, 1 when one was missed (or the baseline failed), 2 on bad arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATIONS, type Mutation } from '../simulator/mutations';
import { failedTests, runMatrix } from './nested-run';

const root = join(__dirname, '..');

export interface MutationRun {
  name: string;
  rule: string;
  expected: string[];
  caught: boolean;
  /** Failed tests, as `[project] file › title`. */
  failedTests: string[];
  /** Spec files with a failure: a mutation caught outside its declared specs is reported, not hidden. */
  failedSpecs: string[];
  durationMs: number;
  problem?: string;
}

export interface MutationReport {
  total: number;
  caught: number;
  missed: string[];
  score: number;
  baseline: { passed: boolean; failedTests: string[]; durationMs: number };
  perMutation: MutationRun[];
  generatedAt: string;
}

/** One run of `files` with these mutations on; failed tests as `[project] file › title`. */
async function runSpecs(
  files: string[],
  mutations: string[],
): Promise<{ failed: string[]; durationMs: number; problem?: string }> {
  const run = await runMatrix([...files, '--workers=1'], { MIGO_SIM_MUTATIONS: mutations.join(',') });
  return {
    failed: failedTests(run),
    durationMs: run.durationMs,
    ...(run.problem ? { problem: run.problem } : {}),
  };
}

async function pool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

export async function scoreMutations(
  mutations: readonly Mutation[],
  options: { concurrency?: number; log?: (line: string) => void } = {},
): Promise<MutationReport> {
  const log = options.log ?? (() => undefined);
  const specFiles = [...new Set(mutations.flatMap((m) => m.caughtBy))].sort();
  const baseline = await runSpecs(specFiles, []);
  log(
    `baseline: ${specFiles.length} spec files, ${baseline.failed.length} failed (${baseline.durationMs} ms)`,
  );
  const perMutation = await pool(
    [...mutations],
    options.concurrency ?? 2,
    async (m): Promise<MutationRun> => {
      const expected = [...m.caughtBy];
      if (expected.length === 0) {
        log(`✗ ${m.name}: no spec declared in caughtBy`);
        return {
          name: m.name,
          rule: m.rule,
          expected,
          caught: false,
          failedTests: [],
          failedSpecs: [],
          durationMs: 0,
          problem: 'no spec declared',
        };
      }
      const run = await runSpecs(expected, [m.name]);
      const failedSpecs = [...new Set(run.failed.map((t) => t.replace(/^\[[^\]]*\] /, '').split(' › ')[0]!))];
      const caught =
        !run.problem &&
        failedSpecs.some((file) => expected.some((e) => e.endsWith(file) || file.endsWith(e)));
      log(
        `${caught ? '✓' : '✗'} ${m.name}: ${run.failed.length} failing test(s)${run.problem ? ` (${run.problem})` : ''}`,
      );
      return {
        name: m.name,
        rule: m.rule,
        expected,
        caught,
        failedTests: run.failed,
        failedSpecs,
        durationMs: run.durationMs,
        ...(run.problem ? { problem: run.problem } : {}),
      };
    },
  );
  const caught = perMutation.filter((m) => m.caught).length;
  return {
    total: perMutation.length,
    caught,
    missed: perMutation.filter((m) => !m.caught).map((m) => m.name),
    score: perMutation.length === 0 ? 1 : caught / perMutation.length,
    baseline: {
      passed: baseline.failed.length === 0 && !baseline.problem,
      failedTests: baseline.failed,
      durationMs: baseline.durationMs,
    },
    perMutation,
    generatedAt: new Date().toISOString(),
  };
}

function parseArgs(argv: string[]): { only?: string[]; concurrency: number; out: string } {
  const args = { concurrency: 2, out: join(root, 'reports', 'mutation.json') } as {
    only?: string[];
    concurrency: number;
    out: string;
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--only' && value) args.only = value.split(',').filter(Boolean);
    else if (arg === '--concurrency' && value && /^[1-8]$/.test(value)) args.concurrency = Number(value);
    else if (arg === '--out' && value) args.out = value;
    else
      throw new Error(
        `unknown or incomplete argument "${arg}". Usage: npm run mutation -- [--only a,b] [--concurrency 1-8] [--out FILE]`,
      );
  }
  const unknown = (args.only ?? []).filter((name) => !MUTATIONS.some((m) => m.name === name));
  if (unknown.length > 0)
    throw new Error(
      `unknown mutation(s) ${unknown.join(', ')}: see "npx migo-contract simulator --list-mutations".`,
    );
  return args;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`mutation: ${(error as Error).message}`);
    return 2;
  }
  const selected = args.only ? MUTATIONS.filter((m) => args.only!.includes(m.name)) : [...MUTATIONS];
  const report = await scoreMutations(selected, {
    concurrency: args.concurrency,
    log: (l) => console.log(l),
  });
  mkdirSync(join(args.out, '..'), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nmutation score: ${report.caught}/${report.total} caught (${(report.score * 100).toFixed(1)} %)` +
      (report.missed.length ? `; missed: ${report.missed.join(', ')}` : '') +
      (report.baseline.passed ? '' : `; BASELINE FAILED: ${report.baseline.failedTests.join('; ')}`) +
      ` → ${args.out}`,
  );
  return report.missed.length === 0 && report.baseline.passed ? 0 : 1;
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
