/**
 * The matrix against its floor (bench/floor/), run in turn on the same machine, and the matrix on Node 24 beside
 * the machine's Node. One warm-up run of each comes first (not recorded: it fills Playwright's transform cache, and
 * the matrix's warm-up says which tests it skips, so the floor skips as many); then `rounds` rounds of matrix,
 * floor, matrix on Node 24. After each matrix run, scripts/report.ts builds that run's Allure report (timed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAllureReport } from '../scripts/report';
import { startSimulator } from '../simulator';
import { breakdown, BREAKDOWN_METHOD, type RunBreakdown } from './breakdown';
import { readFloorShape } from './floor/layout';
import type { SkippedTests } from './floor/generate';
import { node24 } from './node24';
import { median, round, spread } from './stats';
import { benchEnv, timedCommand, timedPlaywrightRun, type TimedRun } from './timed-run';

const root = join(__dirname, '..');
const TSX = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MATRIX_CONFIG = join(root, 'bench', 'timing', 'matrix.config.ts');
const FLOOR_CONFIG = join(root, 'bench', 'floor', 'playwright.config.ts');

interface MatrixRun {
  run: TimedRun;
  allureReportMs: number | null;
}

function skippedIn(run: TimedRun): SkippedTests {
  const skipped: SkippedTests = {};
  for (const test of run.timings?.tests ?? [])
    if (test.status === 'skipped') {
      const files = (skipped[test.project] ??= {});
      files[test.file] = (files[test.file] ?? 0) + 1;
    }
  return skipped;
}

function verdicts(run: TimedRun) {
  const tests = run.timings?.tests ?? [];
  const count = (status: string) => tests.filter((t) => t.status === status).length;
  return {
    exitCode: run.exitCode,
    passed: count('passed'),
    failed: tests.length - count('passed') - count('skipped'),
    skipped: count('skipped'),
  };
}

/** The median breakdown of several runs (each numeric figure's median), or null when none has a timing record. */
function medianBreakdownOf(runs: TimedRun[]): RunBreakdown | null {
  const breakdowns = runs.map(breakdown).filter((b): b is RunBreakdown => b !== null);
  return breakdowns.length ? (medianLeaves(breakdowns) as RunBreakdown) : null;
}

/** The median of each numeric leaf over several objects of the same shape. */
function medianLeaves(objects: unknown[]): unknown {
  const first = objects[0];
  if (typeof first === 'number' || first === null) {
    const numbers = objects.filter((o): o is number => typeof o === 'number');
    return numbers.length ? Math.round(median(numbers)) : null;
  }
  if (typeof first !== 'object' || first === undefined) return first;
  return Object.fromEntries(
    Object.keys(first).map((key) => [
      key,
      medianLeaves(objects.map((o) => (o as Record<string, unknown>)[key])),
    ]),
  );
}

/** A matrix run, then its Allure report built as `npm run matrix` builds it (in process, scripts/report.ts). */
async function matrixRun(node: string): Promise<MatrixRun> {
  const run = await timedPlaywrightRun({ config: MATRIX_CONFIG, node });
  const started = performance.now();
  const status = buildAllureReport(benchEnv(node, { MIGO_ARTIFACTS_DIR: run.artifactsDir }), () => undefined);
  const allureReportMs = Math.round(performance.now() - started);
  run.cleanup();
  return { run, allureReportMs: status === 0 ? allureReportMs : null };
}

async function simulatorStartMs(): Promise<number> {
  const starts: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    const simulator = await startSimulator();
    starts.push(performance.now() - started);
    await simulator.close();
  }
  return Math.round(median(starts));
}

export async function benchMatrixAndFloor(options: { rounds: number; log: (line: string) => void }) {
  const { log } = options;
  const machineNode = process.execPath;
  const other = node24();
  const secondNode = 'node' in other && other.node !== machineNode ? other : undefined;

  log('matrix: warm-up run');
  const warmup = await timedPlaywrightRun({ config: MATRIX_CONFIG });
  warmup.cleanup();
  // .cache/ is git-ignored, so a fresh clone does not have it.
  mkdirSync(join(root, '.cache'), { recursive: true });
  const skippedFile = join(root, '.cache', 'floor-skipped.json');
  writeFileSync(skippedFile, JSON.stringify(skippedIn(warmup)));
  const generated = await timedCommand(
    machineNode,
    [TSX, join(root, 'bench', 'floor', 'generate.ts'), '--skipped', skippedFile],
    benchEnv(machineNode, {}),
  );
  if (generated.exitCode !== 0) throw new Error('bench/floor/generate.ts failed: run it alone to see why');
  const shape = readFloorShape();
  log('floor: warm-up run');
  (await timedPlaywrightRun({ config: FLOOR_CONFIG })).cleanup();

  const matrixRuns: MatrixRun[] = [];
  const floorRuns: TimedRun[] = [];
  const secondRuns: TimedRun[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    log(`round ${round}/${options.rounds}: matrix`);
    matrixRuns.push(await matrixRun(machineNode));
    log(`round ${round}/${options.rounds}: floor`);
    const floor = await timedPlaywrightRun({ config: FLOOR_CONFIG });
    floor.cleanup();
    floorRuns.push(floor);
    if (secondNode) {
      log(`round ${round}/${options.rounds}: matrix on ${secondNode.version}`);
      const run = await timedPlaywrightRun({ config: MATRIX_CONFIG, node: secondNode.node });
      run.cleanup();
      secondRuns.push(run);
    }
  }

  const walls = (runs: TimedRun[]) => runs.map((r) => r.wallMs);
  const onNode = (runs: TimedRun[]) => {
    const s = spread(walls(runs));
    return {
      medianMs: s.median,
      minMs: s.min,
      maxMs: s.max,
      runs: walls(runs),
      verdicts: verdicts(runs.at(-1)!),
    };
  };
  const cpu = (runs: TimedRun[]) => {
    const values = runs.map((r) => r.cpuMs).filter((v): v is number => v !== null);
    return values.length ? spread(values) : null;
  };
  const matrix = matrixRuns.map((m) => m.run);
  const ratios = matrix.map((run, i) => run.wallMs / floorRuns[i]!.wallMs);
  const wall = spread(walls(matrix));
  const floorWall = spread(walls(floorRuns));
  const medianBreakdown = medianBreakdownOf(matrix);
  /** Median CPU ms per kind of process: where the CPU time (the constraint on 2 cores) goes. */
  const cpuByProcess = (runs: TimedRun[]) =>
    medianLeaves(
      runs.map(({ cpuByProcess: c }) => ({
        runner: c.runner,
        worker: c.workers.reduce((a, b) => a + b, 0),
        browserWorker: c.browserWorker,
        browser: c.browser,
        other: c.other,
      })),
    );
  const matrixCpu = cpu(matrix);
  const floorCpu = cpu(floorRuns);
  const allure = matrixRuns.map((m) => m.allureReportMs).filter((v): v is number => v !== null);
  const reporterMs = (name: string) => medianBreakdown?.reportersMs[name] ?? 0;
  const allureReportMs = allure.length ? Math.round(median(allure)) : null;

  return {
    matrix: {
      medianMs: wall.median,
      minMs: wall.min,
      maxMs: wall.max,
      runs: walls(matrix),
      floorRatio: round(wall.median / floorWall.median, 2),
      /** The ratio within each round (matrix, then its floor), median and range. */
      floorRatioPerRound: spread(ratios, 2),
      cpuMs: matrixCpu,
      /** The same ratio in CPU time (user + system of the whole tree): less sensitive to a busy machine. */
      cpuFloorRatio: matrixCpu && floorCpu ? round(matrixCpu.median / floorCpu.median, 2) : null,
      cpuByProcessMs: cpuByProcess(matrix),
      peakTreeRssMb: spread(matrix.map((r) => r.peakTreeRssMb)),
      verdicts: verdicts(matrix.at(-1)!),
      breakdown: medianBreakdown && {
        ...medianBreakdown,
        simulatorStartMs: await simulatorStartMs(),
        allureReportMs,
      },
      breakdownMethod: BREAKDOWN_METHOD,
      /** What the Allure and go-live reports add to `npm run matrix`: their reporters in the run, then report.ts. */
      reportingMs: {
        goLiveReporter: reporterMs('go-live-reporter'),
        // reporters/allure/allure-reporter.ts: allure-playwright, writing without fsync.
        allurePlaywright: reporterMs('allure-reporter'),
        allureReport: allureReportMs,
        total: reporterMs('go-live-reporter') + reporterMs('allure-reporter') + (allureReportMs ?? 0),
      },
    },
    floor: {
      medianMs: floorWall.median,
      minMs: floorWall.min,
      maxMs: floorWall.max,
      runs: walls(floorRuns),
      cpuMs: floorCpu,
      cpuByProcessMs: cpuByProcess(floorRuns),
      peakTreeRssMb: spread(floorRuns.map((r) => r.peakTreeRssMb)),
      verdicts: verdicts(floorRuns.at(-1)!),
      breakdown: medianBreakdownOf(floorRuns),
      shape: {
        workers: shape.workers,
        projects: Object.fromEntries(
          shape.projects.map((p) => [
            p.name,
            {
              tests: Object.values(p.files).reduce((a, b) => a + b, 0),
              files: Object.keys(p.files).length,
              workers: p.workers ?? null,
              browser: p.browser,
            },
          ]),
        ),
        requestsPerApiTest: shape.requestsPerApiTest,
        skipped: shape.skipped,
      },
    },
    /** The matrix on each Node, in the same rounds; `speedup` = the machine Node's median over this one's. */
    nodeVersions: {
      [process.version]: onNode(matrix),
      ...(secondNode
        ? {
            [secondNode.version]: {
              ...onNode(secondRuns),
              speedup: round(wall.median / spread(walls(secondRuns)).median, 2),
            },
          }
        : {
            node24: {
              skipped:
                'skipped' in other ? other.skipped : 'the machine runs Node 24: no second Node to compare',
            },
          }),
    },
  };
}
