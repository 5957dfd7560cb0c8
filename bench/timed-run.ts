/**
 * One timed Playwright run in a child process, as `npm run bench` measures the matrix and its floor: a fresh
 * process (with the runner on a chosen Node), artifacts in a scratch folder so the user's reports are untouched,
 * the timing reporter's record (bench/timing/), the wall time from spawn to exit, the CPU time of the whole tree
 * (GNU time, when present) and its peak RSS (sampled from /proc every 200 ms).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { nestedEnv } from './nested-run';
import { GNU_TIME, parseGnuTime, processTree, TreeCpu } from './process-tree';
import { TIMINGS_FILE_VARIABLE, type RunTimings } from './timing/marks';

const root = join(__dirname, '..');

export interface TimedRun {
  /** Spawn to exit, ms. */
  wallMs: number;
  /** Epoch ms of the spawn and of the exit, to place the timing record's marks. */
  spawnedAt: number;
  exitedAt: number;
  exitCode: number;
  /** User + system CPU of the whole process tree; null without GNU time. */
  cpuMs: number | null;
  peakTreeRssMb: number;
  /** CPU ms per kind of process (runner, workers, the worker driving the browser, the browser), from /proc. */
  cpuByProcess: ReturnType<TreeCpu['byKind']>;
  timings: RunTimings | null;
  /** The scratch folder with the run's artifacts (MIGO_ARTIFACTS_DIR), until `cleanup()`. */
  artifactsDir: string;
  cleanup(): void;
}

/** Runs `command` with `args` and returns its wall time in ms and exit code. */
export function timedCommand(
  node: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; exitCode: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, env, stdio: 'ignore' });
    child.on('close', (code) =>
      resolve({ wallMs: Math.round(performance.now() - started), exitCode: code ?? 1 }),
    );
  });
}

/** The environment of a bench child: a nested run's, with `node` first on PATH so its children use it too. */
export function benchEnv(node: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = nestedEnv(extra);
  return { ...env, PATH: [dirname(node), env.PATH ?? ''].join(delimiter) };
}

export async function timedPlaywrightRun(options: { config: string; node?: string }): Promise<TimedRun> {
  const node = options.node ?? process.execPath;
  const scratch = mkdtempSync(join(tmpdir(), 'migo-bench-run-'));
  const timingsFile = join(scratch, 'timings.json');
  const timeFile = join(scratch, 'time.txt');
  const env = benchEnv(node, { MIGO_ARTIFACTS_DIR: scratch, [TIMINGS_FILE_VARIABLE]: timingsFile });
  const playwright = [
    node,
    join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
    'test',
    '-c',
    options.config,
    `--output=${join(scratch, 'test-results')}`,
  ];
  const [command, ...args] = GNU_TIME
    ? [GNU_TIME, '-f', '%U %S %M', '-o', timeFile, ...playwright]
    : playwright;
  let peakTreeRssMb = 0;
  const cpu = new TreeCpu();
  const spawnedAt = Date.now();
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(command!, args, { cwd: root, env, stdio: 'ignore' });
    const sampler = setInterval(() => {
      const tree = processTree(child.pid ?? 0);
      cpu.sample(tree);
      peakTreeRssMb = Math.max(peakTreeRssMb, Math.round(tree.reduce((sum, p) => sum + p.rssMb, 0)));
    }, 200);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve(code ?? 1);
    });
  });
  const wallMs = Math.round(performance.now() - started);
  const read = <T>(file: string, parse: (text: string) => T): T | null => {
    try {
      return parse(readFileSync(file, 'utf8'));
    } catch {
      return null;
    }
  };
  return {
    wallMs,
    spawnedAt,
    exitedAt: spawnedAt + wallMs,
    exitCode,
    cpuMs: read(timeFile, (text) => parseGnuTime(text)?.cpuMs ?? null),
    peakTreeRssMb,
    cpuByProcess: cpu.byKind(),
    timings: read(timingsFile, (text) => JSON.parse(text) as RunTimings),
    artifactsDir: scratch,
    cleanup: () => rmSync(scratch, { recursive: true, force: true }),
  };
}
