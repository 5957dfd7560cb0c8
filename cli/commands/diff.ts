/**
 * `migo-contract diff <baseline> <current>`: the regression report between two recorded runs. Writes
 * `<current>/diff.md` and `diff.json`, prints the Markdown (or the JSON with --json). Exit 1 on new failures or
 * breaking schema drift (and latency regressions with --fail-on-latency), 0 otherwise, 2 for bad arguments.
 */
import { resolve } from 'node:path';
import {
  DEFAULT_HISTORY_DIR,
  DEFAULT_LATENCY_THRESHOLDS,
  diffRuns,
  exitCodeOf,
  renderJson,
  renderMarkdown,
  resolveRunName,
  RunDirError,
  writeDiff,
  type LatencyThresholds,
} from '../../reporters/diff';
import { UsageError } from '../usage-error';

const USAGE = `usage: migo-contract diff <baseline> <current> [options]

  <baseline> <current>  run directories written by the run recorder (reports/runs/<timestamp>), or
                        "latest" (the newest run) and "previous" (the run before it, same environment)
  --history DIR         the folder holding index.json for latest/previous (default ${DEFAULT_HISTORY_DIR})
  --p95-pct N           latency regression: p95 up by more than N % (default ${DEFAULT_LATENCY_THRESHOLDS.p95Pct})
  --p95-ms N            ... and by more than N ms (default ${DEFAULT_LATENCY_THRESHOLDS.p95Ms})
  --min-samples N       ... with at least N exchanges in each run (default ${DEFAULT_LATENCY_THRESHOLDS.minSamples})
  --fail-on-latency     latency regressions also exit 1
  --json                print the JSON report instead of the Markdown
  --no-write            do not write diff.md / diff.json into <current>

Exit codes: 0 no regression, 1 new failures or breaking schema drift, 2 bad arguments.`;

const NUMERIC: Record<string, keyof LatencyThresholds> = {
  '--p95-pct': 'p95Pct',
  '--p95-ms': 'p95Ms',
  '--min-samples': 'minSamples',
};

interface Args {
  runs: string[];
  history: string;
  latency: Partial<LatencyThresholds>;
  failOnLatency: boolean;
  json: boolean;
  write: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    runs: [],
    history: DEFAULT_HISTORY_DIR,
    latency: {},
    failOnLatency: false,
    json: false,
    write: true,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '')
        throw new UsageError(`${flag} needs a value. See "migo-contract diff --help".`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--no-write') args.write = false;
    else if (flag === '--fail-on-latency') args.failOnLatency = true;
    else if (flag === '--history') args.history = value();
    else if (flag in NUMERIC) {
      const raw = value();
      const n = Number(raw);
      if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) {
        throw new UsageError(`${flag} must be a non-negative number, got "${raw}" (e.g. ${flag} 50).`);
      }
      args.latency[NUMERIC[flag]!] = n;
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option "${flag}". See "migo-contract diff --help".`);
    } else args.runs.push(arg);
  }
  return args;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.runs.length !== 2) {
    throw new UsageError(
      `diff needs exactly two runs, a baseline and a current one (got ${args.runs.length}), ` +
        'e.g. "migo-contract diff previous latest" or "migo-contract diff reports/runs/<a> reports/runs/<b>".',
    );
  }
  try {
    const [baseline, current] = args.runs.map((name) => resolveRunName(name, args.history)) as [
      string,
      string,
    ];
    if (resolve(baseline) === resolve(current)) {
      throw new UsageError(`baseline and current are the same run (${baseline}); pass two different runs.`);
    }
    const diff = diffRuns(baseline, current, { latency: args.latency, failOnLatency: args.failOnLatency });
    if (args.write) writeDiff(current, diff);
    process.stdout.write(args.json ? renderJson(diff) : renderMarkdown(diff));
    return exitCodeOf(diff);
  } catch (error) {
    if (error instanceof RunDirError) throw new UsageError(error.message);
    throw error;
  }
}
