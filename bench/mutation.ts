/**
 * `npm run mutation [-- --only a,b] [--concurrency N] [--out FILE]`: the mutation score of the suite.
 *
 * Each named simulator mutation (simulator/mutations.ts) breaks one documented rule and names its guards: the
 * tests that must catch it, each with the failure it predicts. The guard tests (and only they: `--grep`) run once
 * against a clean embedded simulator (the baseline), then once per mutation with that one rule broken. All of it is
 * one Playwright run (bench/mutation.config.ts): the baseline is a project, and the mutations are packed in rounds
 * (planBatches), a project each, in which no two share a guard; the worker switches its simulators to the
 * mutation each guard test names before it runs and marks it to fail, so a catch does not restart the worker
 * (Playwright restarts it after any unexpected failure). A mutation is caught only when a guard passed in the
 * baseline and fails under the mutation with its predicted failure: not a timeout, a transport error, an
 * interrupted run, or an HTTP 5xx the guard did not predict (judgeGuard), judged on the attempt's actual status.
 *
 * Writes reports/mutation.json `{ total, caught, missed, score, baseline, perMutation }`, each mutation with
 * `name`, `caught`, `by` (the catching test) and `failure` (the first line of its failure), and prints the score;
 * exit 0 when every mutation was caught and the baseline passed, 1 otherwise, 2 on bad arguments.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MUTATIONS, type Guard, type Mutation } from '../simulator/mutations';
import { MUTATION_PLAN_VARIABLE, PROJECT_SEPARATOR, type PlannedBatch } from './mutation-plan';
import { howItFailed, runMatrix, type NestedRun, type TestOutcome } from './nested-run';

const root = join(__dirname, '..');

export interface GuardVerdict {
  test: string;
  predicted: string;
  caught: boolean;
  /** Why it counts or does not. */
  why: string;
  /** The first line of its failure under the mutation, if it failed. */
  failure?: string;
}

export interface MutationRun {
  name: string;
  rule: string;
  caught: boolean;
  /** The guard that caught it (`file › describe › title`), or null. */
  by: string | null;
  /** The first line of the catching failure; when missed, of the first guard's failure, if any. */
  failure: string | null;
  guards: GuardVerdict[];
  /** Tests outside the guards that failed under the mutation: reported, not counted. */
  otherFailures: string[];
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

const firstLine = (text: string) =>
  text
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim() ?? '';

/** A failure that says the run broke, not the contract: it never counts as a catch. */
const TRANSPORT =
  /TransportError|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|ETIMEDOUT|UND_ERR_|Test timeout of|Timeout \d+ms exceeded|has been closed|Browser closed|crashed/i;
/** An HTTP 5xx in a failure message: "Received: 500", "HTTP 503". */
const SERVER_ERROR = /(?:Received:\s*|HTTP\s)(5\d\d)\b/;

/** The guard's outcome in one run, whatever its project. */
function outcomeOf(run: NestedRun, test: string): TestOutcome | undefined {
  return [...run.outcomes.values()].find((o) => o.spec === test);
}

/** Whether `guard` caught its mutation: it passed in the baseline and fails under it with its predicted failure. */
export function judgeGuard(
  guard: Guard,
  baseline: TestOutcome | undefined,
  mutated: TestOutcome | undefined,
): GuardVerdict {
  const verdict = (caught: boolean, why: string, failure?: string): GuardVerdict => ({
    test: guard.test,
    predicted: guard.failure,
    caught,
    why,
    ...(failure ? { failure } : {}),
  });
  if (!baseline) return verdict(false, 'not in the baseline run: the guard names no test of the matrix');
  if (baseline.verdict !== 'passed')
    return verdict(false, `did not pass without the mutation (baseline: ${baseline.verdict})`);
  if (!mutated) return verdict(false, 'did not run under the mutation');
  const message = mutated.message ?? '';
  const failure = message ? firstLine(message) : undefined;
  if (mutated.verdict === 'passed' || mutated.verdict === 'flaky')
    return verdict(false, 'still passed under the mutation');
  if (mutated.verdict === 'skipped') return verdict(false, 'was skipped under the mutation');
  if (mutated.status === 'timedOut') return verdict(false, 'timed out: a hang is not a catch', failure);
  if (mutated.status === 'interrupted') return verdict(false, 'was interrupted', failure);
  if (TRANSPORT.test(message))
    return verdict(false, 'failed on transport or a crash, not on the contract', failure);
  const status = SERVER_ERROR.exec(message)?.[1];
  if (status && !guard.failure.includes(status))
    return verdict(false, `failed on an HTTP ${status} the guard does not predict`, failure);
  if (!message.includes(guard.failure))
    return verdict(false, `failed, but not with the predicted "${guard.failure}"`, failure);
  return verdict(true, 'failed with the predicted failure', failure);
}

/** Scores one mutation from the baseline run and the run with the mutation on. */
export function scoreRun(
  mutation: Pick<Mutation, 'name' | 'rule' | 'caughtBy'>,
  baseline: NestedRun,
  mutated: NestedRun,
): MutationRun {
  const guards = mutation.caughtBy.map((guard) =>
    judgeGuard(guard, outcomeOf(baseline, guard.test), outcomeOf(mutated, guard.test)),
  );
  const catching = mutated.problem ? undefined : guards.find((g) => g.caught);
  const named = new Set(mutation.caughtBy.map((g) => g.test));
  return {
    name: mutation.name,
    rule: mutation.rule,
    caught: catching !== undefined,
    by: catching?.test ?? null,
    failure: (catching ?? guards.find((g) => g.failure))?.failure ?? null,
    guards,
    otherFailures: [...mutated.outcomes.values()]
      .filter((o) => o.verdict === 'failed' && !named.has(o.spec))
      .map((o) => `[${o.project}] ${o.spec}`),
    durationMs: mutated.durationMs,
    ...(mutated.problem ? { problem: mutated.problem } : {}),
  };
}

/** The spec files the guards live in, as Playwright takes them on the command line. */
export function guardFiles(mutations: readonly Pick<Mutation, 'caughtBy'>[]): string[] {
  return [
    ...new Set(mutations.flatMap((m) => m.caughtBy.map((g) => `specs/${g.test.split(' › ')[0]}`))),
  ].sort();
}

/**
 * A `--grep` that selects exactly the guard tests: a guard is `file › describe… › title`, and Playwright greps
 * `describe… title @tags`, so the describes and the title joined by spaces, followed by a tag or the end.
 */
export function guardGrep(mutations: readonly Pick<Mutation, 'caughtBy'>[]): string {
  const titles = new Set(
    mutations.flatMap((m) => m.caughtBy.map((g) => g.test.split(' › ').slice(1).join(' '))),
  );
  return [...titles].map((title) => `${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?= @|$)`).join('|');
}

/** The label of the batch without mutations, in a batched run's project names. */
export const BASELINE = 'baseline';
/** The label of the n-th round of mutations. */
export const roundLabel = (n: number) => `round-${n + 1}`;

/**
 * The batches of one scoring run: the baseline (every guard, no mutation), then rounds of mutations. In a round
 * no two mutations share a guard test, and each guard test runs with its own mutation on (switched test by test),
 * so the round's simulators and browser serve every mutation in it; a test guarding several mutations runs once
 * per round, under one mutation each time.
 */
export function planBatches(mutations: readonly Pick<Mutation, 'name' | 'caughtBy'>[]): {
  batches: PlannedBatch[];
  roundOf: Map<string, string>;
} {
  const clash = mutations.find(
    (m) => /^(baseline|round-\d+)$/.test(m.name) || m.name.includes(PROJECT_SEPARATOR),
  );
  if (clash) throw new Error(`a mutation may not be named "${clash.name}": it names a batch of the run`);
  const rounds: (typeof mutations)[number][][] = [];
  for (const mutation of mutations) {
    const tests = mutation.caughtBy.map((g) => g.test);
    const round = rounds.find((r) => !r.some((m) => m.caughtBy.some((g) => tests.includes(g.test))));
    if (round) round.push(mutation);
    else rounds.push([mutation]);
  }
  const roundOf = new Map<string, string>();
  const batches: PlannedBatch[] = [
    {
      label: BASELINE,
      mutations: [],
      files: guardFiles(mutations),
      grep: guardGrep(mutations),
      mutationsByTest: {},
    },
    ...rounds.map((round, n) => {
      const mutationsByTest: Record<string, string[]> = {};
      for (const m of round) {
        roundOf.set(m.name, roundLabel(n));
        for (const guard of m.caughtBy) mutationsByTest[guard.test] = [m.name];
      }
      return {
        label: roundLabel(n),
        mutations: [],
        files: guardFiles(round),
        grep: guardGrep(round),
        mutationsByTest,
      };
    }),
  ];
  return { batches, roundOf };
}

/**
 * One batch's part of a batched run (its projects' outcomes), or of those only the tests named: a mutation's
 * guards in its round, as if they had run alone under it.
 */
export function batchOf(run: NestedRun, label: string, tests?: readonly string[]): NestedRun {
  const outcomes = new Map(
    [...run.outcomes].filter(
      ([, o]) => o.project.startsWith(`${label}${PROJECT_SEPARATOR}`) && (!tests || tests.includes(o.spec)),
    ),
  );
  return {
    outcomes,
    verdicts: new Map([...outcomes].map(([key, o]) => [key, o.verdict])),
    durationMs: [...outcomes.values()].reduce((sum, o) => sum + (o.durationMs ?? 0), 0),
    exitCode: run.exitCode,
    ...(run.problem ? { problem: run.problem } : {}),
  };
}

/**
 * One Playwright run for the baseline and every round of mutations (bench/mutation.config.ts): a project per batch
 * and matrix project, each with only its guard tests (the rest of their files cannot change a verdict) and their
 * mutations on in its own simulators. `workers` runs that many projects side by side.
 */
async function runBatches(batches: PlannedBatch[], workers: number): Promise<NestedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'migo-mutation-plan-'));
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify({ batches }));
  try {
    return await runMatrix(['-c', join(root, 'bench', 'mutation.config.ts'), `--workers=${workers}`], {
      [MUTATION_PLAN_VARIABLE]: planFile,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function scoreMutations(
  mutations: readonly Mutation[],
  options: { concurrency?: number; log?: (line: string) => void } = {},
): Promise<MutationReport> {
  const log = options.log ?? (() => undefined);
  const { batches, roundOf } = planBatches(mutations);
  const run = await runBatches(batches, options.concurrency ?? 2);
  const baseline = batchOf(run, BASELINE);
  const baselineFailed = [...baseline.outcomes.values()]
    .filter((o) => o.verdict !== 'passed' && o.verdict !== 'skipped')
    .map((o) => `[${o.project}] ${o.spec} (${howItFailed(o)})`);
  log(
    `one run of ${mutations.length} mutations in ${batches.length - 1} rounds and the baseline in ${run.durationMs} ms; baseline: ${guardFiles(mutations).length} spec files, ${baselineFailed.length} failed`,
  );
  const perMutation = mutations.map((m) => {
    const guards = m.caughtBy.map((g) => g.test);
    const scored = scoreRun(m, baseline, batchOf(run, roundOf.get(m.name)!, guards));
    log(
      scored.caught
        ? `✓ ${m.name}: caught by ${scored.by!.split(' › ').at(-1)}`
        : `✗ ${m.name}: ${scored.problem ?? scored.guards.map((g) => g.why).join('; ')}`,
    );
    return scored;
  });
  const caught = perMutation.filter((m) => m.caught).length;
  return {
    total: perMutation.length,
    caught,
    missed: perMutation.filter((m) => !m.caught).map((m) => m.name),
    score: perMutation.length === 0 ? 1 : caught / perMutation.length,
    baseline: {
      passed: baselineFailed.length === 0 && !baseline.problem && baseline.outcomes.size > 0,
      failedTests: baseline.problem
        ? [baseline.problem, ...baselineFailed]
        : baseline.outcomes.size === 0
          ? ['no guard test ran in the baseline']
          : baselineFailed,
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
    `\nmutation score: ${report.caught}/${report.total} caught by their guards (${(report.score * 100).toFixed(1)} %)` +
      (report.missed.length ? `; missed: ${report.missed.join(', ')}` : '') +
      (report.baseline.passed ? '' : `; BASELINE FAILED: ${report.baseline.failedTests.join('; ')}`) +
      ` → ${args.out}`,
  );
  return report.missed.length === 0 && report.baseline.passed ? 0 : 1;
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
