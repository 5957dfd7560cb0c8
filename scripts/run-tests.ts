/**
 * The project's two tiers of checks. Every step runs even when an earlier one failed, so one run shows
 * everything that is wrong. The last line is the CI summary `N passed, N failed, N skipped`.
 *
 *   npm test             (fast tier, budget 2 min on 2 cores) typecheck, lint, format check, the `unit` project of
 *                        tests/playwright.config.ts, and the matrix against the embedded simulator
 *   npm run test:proofs  (heavy tier) the `proofs` project (`*.proof.ts`: nested runs, forced failures...), then
 *                        the full mutation score (each mutation counts as one test)
 *
 * Typecheck, lint and the format check count as one test each. In the fast tier everything runs at once (see
 * fastTier); the unit tests print as they run, the matrix and the static checks after them.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactPaths } from '../reporters/artifacts';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface StepResult {
  label: string;
  ok: boolean;
  durationMs: number;
}

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const TIERS = ['fast', 'proofs'] as const;
type Tier = (typeof TIERS)[number];

/** Runs a command; with `capture`, its output is returned instead of printed (for a step run beside another). */
function run(
  label: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; capture?: boolean } = {},
): Promise<StepResult & { output: string }> {
  const header = `\n▶ ${label}: ${[command.replace(root + '/', ''), ...args].join(' ')}\n`;
  if (!options.capture) process.stdout.write(header);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...options.env },
    });
    let output = options.capture ? header : '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const finish = (ok: boolean, why?: string) =>
      resolve({
        label,
        ok,
        durationMs: performance.now() - started,
        output: why ? `${output}✗ ${label}: ${why}\n` : output,
      });
    child.on('error', (error) => finish(false, error.message));
    child.on('close', (status) => finish(status === 0));
  });
}

type Check = [label: string, command: string, args: string[]];

/**
 * The static checks, each with its cache under .cache/ (git-ignored), as `npm run typecheck` and `npm run lint` run
 * them. A fresh clone has no cache and checks every file; a re-run re-checks only the files whose content changed
 * (ESLint and Prettier compare content, not mtimes, so a checkout or rebase that rewrites files unchanged keeps
 * them cached; either cache is dropped whole when the tool's configuration or version changes). ESLint's cache is
 * sound because no rule reads type information (eslint.config.mjs uses typescript-eslint's untyped `recommended`):
 * a file's verdict depends on that file alone. A typed rule would make it depend on the files it imports, which the
 * cache does not track: with one, drop `--cache` from ESLINT_ARGS.
 */
const TSC_ARGS = ['--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', '.cache/tsc'];
/**
 * The typecheck runs TypeScript 7 (`typescript-native`, the native port of TypeScript 6.0: the same checks, about
 * 5x less CPU: 6 s instead of 25 s for this project on a fresh clone). TypeScript 6.0 stays as `typescript`, for
 * typescript-eslint, which needs its JavaScript API (TypeScript 7 has none), and for editors. Called by path:
 * both packages provide a `tsc` command.
 */
const TYPESCRIPT_NATIVE = join(root, 'node_modules', 'typescript-native', 'bin', 'tsc');
const ESLINT_ARGS = ['.', '--cache', '--cache-strategy', 'content', '--cache-location', '.cache/eslint/'];
const PRETTIER_ARGS = [
  '--check',
  '.',
  '--cache',
  '--cache-strategy',
  'content',
  '--cache-location',
  '.cache/prettier',
];

/** Checks run one after the other with their output captured, to be printed once nothing else is printing. */
async function captured(checks: Check[]): Promise<(StepResult & { output: string })[]> {
  const results: (StepResult & { output: string })[] = [];
  for (const [label, command, args] of checks)
    results.push(await run(label, command, args, { capture: true }));
  return results;
}

/** Prints captured checks in order; each is one test, passed or failed as a whole. */
function report(tally: Tally, results: (StepResult & { output: string })[]): StepResult[] {
  for (const result of results) {
    process.stdout.write(result.output);
    if (result.ok) tally.passed += 1;
    else tally.failed += 1;
  }
  return results;
}

/** A Playwright run: its own counts come from the JSON reporter's stats. */
async function playwright(
  tally: Tally,
  label: string,
  args: string[],
  jsonFile: string,
  options: { capture?: boolean } = {},
): Promise<StepResult & { output: string }> {
  rmSync(jsonFile, { force: true });
  const result = await run(label, bin('playwright'), ['test', ...args], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile, MIGO_ENV: 'local' },
    ...(options.capture ? { capture: true } : {}),
  });
  if (!existsSync(jsonFile)) {
    console.error(`✗ ${label}: no results were written (${jsonFile}); counted as one failure.`);
    tally.failed += 1;
    return result;
  }
  const { stats } = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
  if (!result.ok && stats.unexpected === 0) tally.failed += 1; // the runner itself failed (config error, crash)
  return result;
}

/** The full mutation score: each caught mutation is a passed test, each missed one (or a failed baseline) a failure. */
async function mutationScore(tally: Tally): Promise<StepResult> {
  const reportFile = join(root, 'reports', 'mutation.json');
  rmSync(reportFile, { force: true });
  const result = await run('mutation score', bin('tsx'), [join(root, 'bench', 'mutation.ts')]);
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      total: number;
      caught: number;
      baseline: { passed: boolean };
    };
    tally.passed += report.caught;
    tally.failed += report.total - report.caught + (report.baseline.passed ? 0 : 1);
  } catch {
    console.error(`✗ mutation score: no readable ${reportFile}; counted as one failure.`);
    tally.failed += 1;
  }
  return result;
}

async function fastTier(tally: Tally): Promise<StepResult[]> {
  // Everything at once: the matrix, the unit tests and the static checks each leave part of a core idle (browsers,
  // sockets and timers to wait for), so side by side they fill both cores (measured: 125 s one phase after the
  // other, ~100 s together). Only the unit tests print as they run; the others' output follows, in this order.
  // The matrix runs against the embedded simulator: its specs are tests of this project too. Its Allure results
  // start afresh, as in `npm run matrix`: allure-playwright appends, and `npm run report` would show old runs too.
  rmSync(artifactPaths().allureResults, { recursive: true, force: true });
  const matrix = playwright(
    tally,
    'test matrix (local)',
    [],
    join(root, 'test-results', 'matrix-results.json'),
    { capture: true },
  );
  const typecheck = captured([
    // Incremental: a second run on the same checkout re-checks only what changed (.cache/ is git-ignored).
    ['typecheck', TYPESCRIPT_NATIVE, TSC_ARGS],
    ['lint', bin('eslint'), ESLINT_ARGS],
    ['format', bin('prettier'), PRETTIER_ARGS],
  ]);
  const unit = await playwright(
    tally,
    'project tests (unit)',
    ['-c', 'tests/playwright.config.ts', '--project=unit', '--reporter=list,json'],
    join(root, 'test-results', 'self-results.json'),
  );
  const matrixDone = await matrix;
  process.stdout.write(matrixDone.output);
  return [unit, matrixDone, ...report(tally, await typecheck)];
}

async function proofsTier(tally: Tally): Promise<StepResult[]> {
  return [
    await playwright(
      tally,
      'proofs',
      ['-c', 'tests/playwright.config.ts', '--project=proofs', '--reporter=list,json'],
      join(root, 'test-results', 'proofs-results.json'),
    ),
    await mutationScore(tally),
  ];
}

function tierOf(argv: string[]): Tier {
  if (argv.length === 0) return 'fast';
  const tier = argv[0] === '--tier' ? argv[1] : undefined;
  if (argv.length === 2 && TIERS.includes(tier as Tier)) return tier as Tier;
  console.error(`run-tests: expected no argument or --tier ${TIERS.join('|')}; got "${argv.join(' ')}".`);
  process.exit(2);
}

async function main(): Promise<void> {
  const tier = tierOf(process.argv.slice(2));
  const started = performance.now();
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  const steps = tier === 'fast' ? await fastTier(tally) : await proofsTier(tally);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `\n${tier} tier in ${seconds(performance.now() - started)}: ` +
      steps.map((s) => `${s.label} ${seconds(s.durationMs)}${s.ok ? '' : ' ✗'}`).join(', '),
  );
  console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exitCode = tally.failed === 0 ? 0 : 1;
}

void main();
