/**
 * `npm run bench:faults`: the fault-tolerance run. The whole matrix runs twice against the embedded simulator,
 * once clean and once with about 20 % transient faults (429 with Retry-After, 503, connection resets, +200 ms;
 * fixtures/fault-profile.ts), and must reach the same verdict for every test in under twice the clean wall time.
 *
 * Writes reports/fault-run.json and prints it; exit 0 when the verdicts match and the time is under 2×, else 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_PROFILE_VARIABLE } from '../fixtures/fault-profile';
import { runMatrix, type NestedRun, type Verdict } from './nested-run';

const root = join(__dirname, '..');

/** A retry that then passes is the point of the fault run: flaky and passed are the same verdict here. */
const settled = (v: Verdict | undefined) => (v === 'flaky' ? 'passed' : v);

function counts(run: NestedRun) {
  const values = [...run.verdicts.values()];
  const n = (v: Verdict) => values.filter((x) => x === v).length;
  return {
    wallMs: run.durationMs,
    tests: values.length,
    passed: n('passed'),
    flaky: n('flaky'),
    failed: n('failed'),
    skipped: n('skipped'),
  };
}

export async function faultRun() {
  const clean = await runMatrix([]);
  const faulted = await runMatrix([], { [FAULT_PROFILE_VARIABLE]: 'transient' });
  const ids = new Set([...clean.verdicts.keys(), ...faulted.verdicts.keys()]);
  const differences = [...ids]
    .filter((id) => settled(clean.verdicts.get(id)) !== settled(faulted.verdicts.get(id)))
    .map((id) => ({
      test: id,
      clean: clean.verdicts.get(id) ?? 'absent',
      faulted: faulted.verdicts.get(id) ?? 'absent',
    }));
  const wallRatio = faulted.durationMs / clean.durationMs;
  return {
    profile: 'transient: ~20 % of API requests get 429 (Retry-After 1 s), 503, a connection reset or +200 ms',
    clean: counts(clean),
    faulted: counts(faulted),
    sameVerdicts: differences.length === 0 && !clean.problem && !faulted.problem,
    differences,
    wallRatio: Number(wallRatio.toFixed(2)),
    underTwiceTheWallTime: wallRatio < 2,
    ...(clean.problem || faulted.problem
      ? { problems: [clean.problem, faulted.problem].filter(Boolean) }
      : {}),
    generatedAt: new Date().toISOString(),
  };
}

async function main(): Promise<number> {
  const result = await faultRun();
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'fault-run.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  return result.sameVerdicts && result.underTwiceTheWallTime ? 0 : 1;
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
