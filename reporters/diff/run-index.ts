/**
 * Run history: `index.json` in the folder that holds the run directories (default `reports/runs/index.json`)
 * lists the runs in the order they finished. A JSON file rather than a `latest` symlink, so it also works on
 * Windows runners and survives being uploaded as a CI artifact.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RunDirError } from './run-dir';

export const INDEX_FILE = 'index.json';
/** Old entries are dropped beyond this many; the run folders themselves are left alone. */
const MAX_ENTRIES = 500;

export interface RunIndexEntry {
  /** Relative to the index's folder when inside it (posix separators), absolute otherwise. */
  dir: string;
  startedAt: string;
  environment: string;
  status?: string;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}

export interface RunIndex {
  version: 1;
  /** The newest run's `dir`. */
  latest?: string;
  runs: RunIndexEntry[];
}

export const DEFAULT_HISTORY_DIR = join('reports', 'runs');

export function indexPath(historyDir: string): string {
  return join(historyDir, INDEX_FILE);
}

export function readIndex(historyDir: string): RunIndex {
  const file = indexPath(historyDir);
  if (!existsSync(file)) return { version: 1, runs: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RunDirError(
      `${file} is not valid JSON (${(error as Error).message}); delete it to start a new history.`,
    );
  }
  const runs = (parsed as { runs?: unknown } | null)?.runs;
  if (!Array.isArray(runs) || runs.some((r) => !r || typeof (r as RunIndexEntry).dir !== 'string')) {
    throw new RunDirError(`${file} has no valid "runs" list; delete it to start a new history.`);
  }
  return {
    version: 1,
    runs: runs as RunIndexEntry[],
    latest: (runs.at(-1) as RunIndexEntry | undefined)?.dir,
  };
}

/** The absolute path of an entry. */
export function entryDir(historyDir: string, entry: RunIndexEntry): string {
  return isAbsolute(entry.dir) ? entry.dir : resolve(historyDir, entry.dir);
}

/**
 * Appends (or moves to the end) the run at `runDir`, drops entries whose folder is gone, and writes the index
 * atomically (temp file + rename) so a reader never sees half a file.
 */
export function addToIndex(historyDir: string, runDir: string, entry: Omit<RunIndexEntry, 'dir'>): RunIndex {
  const absolute = resolve(runDir);
  const dir = storedDir(historyDir, absolute);
  const previous = readIndexLenient(historyDir).runs.filter(
    (r) => entryDir(historyDir, r) !== absolute && existsSync(entryDir(historyDir, r)),
  );
  const runs = [...previous, { dir, ...entry }].slice(-MAX_ENTRIES);
  const index: RunIndex = { version: 1, latest: dir, runs };
  mkdirSync(historyDir, { recursive: true });
  const file = indexPath(historyDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(index, null, 2)}\n`);
  renameSync(temp, file);
  return index;
}

/** A corrupt index must not stop a run from being recorded: it is replaced. */
function readIndexLenient(historyDir: string): RunIndex {
  try {
    return readIndex(historyDir);
  } catch {
    return { version: 1, runs: [] };
  }
}

function storedDir(historyDir: string, absolute: string): string {
  const rel = relative(resolve(historyDir), absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return rel.split(sep).join('/');
}

/** Runs that stopped early: most of their tests did not run, so they make a misleading baseline. */
const INCOMPLETE = new Set(['interrupted', 'timedout']);

/**
 * The newest complete run before `runDir` with the same environment (a sandbox run is not compared with a simulator run),
 * from the index beside it; undefined when there is none.
 */
export function previousRun(runDir: string, historyDir = dirname(resolve(runDir))): string | undefined {
  const absolute = resolve(runDir);
  const runs = readIndex(historyDir).runs;
  const at = runs.findIndex((r) => entryDir(historyDir, r) === absolute);
  const current = at >= 0 ? runs[at] : undefined;
  const before = at >= 0 ? runs.slice(0, at) : runs;
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const candidate = before[i]!;
    if (current && candidate.environment !== current.environment) continue;
    if (candidate.status && INCOMPLETE.has(candidate.status)) continue;
    const dir = entryDir(historyDir, candidate);
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

/**
 * Resolves a run name given on the command line: `latest` (the newest run in the index), `previous` (the newest
 * run before it with the same environment) or a path.
 */
export function resolveRunName(name: string, historyDir: string = DEFAULT_HISTORY_DIR): string {
  if (name !== 'latest' && name !== 'previous') return resolve(name);
  const runs = readIndex(historyDir).runs;
  const latest = runs.at(-1);
  if (!latest) {
    throw new RunDirError(
      `"${name}" needs a run history, but ${indexPath(historyDir)} lists no runs: run the suite first ` +
        `(npm run matrix), or pass run directories.`,
    );
  }
  const latestDir = entryDir(historyDir, latest);
  if (name === 'latest') return latestDir;
  const previous = previousRun(latestDir, historyDir);
  if (!previous) {
    throw new RunDirError(
      `"previous" needs two runs with environment "${latest.environment}" in ${indexPath(historyDir)}; ` +
        `only one was found. Run the suite again, or pass run directories.`,
    );
  }
  return previous;
}
