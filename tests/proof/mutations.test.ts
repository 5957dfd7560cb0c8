/**
 * The mutation list in small: every mutation names its guards, each a test of the matrix (as `--list` names it)
 * with a failure fragment specific enough to tell its failure from any other. How a run is scored is tested in
 * mutation-scoring.test.ts; real nested runs are in mutations.proof.ts; `npm run mutation` scores all of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { BASELINE, guardFiles, guardGrep, planBatches } from '../../bench/mutation';
import { MUTATION_PLAN_VARIABLE, PROJECT_SEPARATOR } from '../../bench/mutation-plan';
import { listMatrix } from '../../bench/nested-run';
import { MUTATIONS, type Mutation } from '../../simulator/mutations';

/** Fragments any failure could contain: they would let an unrelated failure count as a catch. */
const GENERIC = /^(error|expect\(received\)|contractviolation|received:?|expected:?|failed|tobe|toequal)$/i;

test('every mutation names guards: tests of the matrix, each with a specific predicted failure', () => {
  const tests = new Set(listMatrix().map((t) => t.spec));
  const problems: string[] = [];
  for (const mutation of MUTATIONS as readonly Mutation[]) {
    if (mutation.caughtBy.length === 0) problems.push(`${mutation.name}: names no guard`);
    for (const guard of mutation.caughtBy) {
      if (!tests.has(guard.test))
        problems.push(`${mutation.name}: "${guard.test}" is not a test of the matrix`);
      const fragment = guard.failure.trim();
      if (fragment.length < 8 || GENERIC.test(fragment))
        problems.push(`${mutation.name}: the predicted failure "${guard.failure}" is not specific`);
    }
  }
  expect(problems).toEqual([]);
});

test('mutation names are unique', () => {
  expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
});

test("a mutation run's --grep selects exactly the guard tests, nothing else", () => {
  const guards = new Set(MUTATIONS.flatMap((m) => m.caughtBy.map((g) => g.test)));
  const selected = listMatrix({}, [...guardFiles(MUTATIONS), `--grep=${guardGrep(MUTATIONS)}`]);
  expect(new Set(selected.map((t) => t.spec))).toEqual(guards);
});

test('the batched run gives the baseline every guard test and each mutation exactly its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-plan-'));
  try {
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ batches: planBatches(MUTATIONS) }));
    const listed = listMatrix({ [MUTATION_PLAN_VARIABLE]: plan }, ['-c', 'bench/mutation.config.ts']);
    const byBatch = new Map<string, Set<string>>();
    for (const t of listed) {
      const label = t.project.split(PROJECT_SEPARATOR)[0]!;
      byBatch.set(label, (byBatch.get(label) ?? new Set()).add(t.spec));
    }
    expect(byBatch.get(BASELINE)).toEqual(new Set(MUTATIONS.flatMap((m) => m.caughtBy.map((g) => g.test))));
    for (const mutation of MUTATIONS)
      expect(byBatch.get(mutation.name), mutation.name).toEqual(
        new Set(mutation.caughtBy.map((g) => g.test)),
      );
    expect(byBatch.size).toBe(MUTATIONS.length + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
