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

test('the batched run gives the baseline every guard test, and each guard its own mutation in its round', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-plan-'));
  try {
    const { batches, roundOf } = planBatches(MUTATIONS);
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ batches }));
    const listed = listMatrix({ [MUTATION_PLAN_VARIABLE]: plan }, ['-c', 'bench/mutation.config.ts']);
    const byBatch = new Map<string, Set<string>>();
    for (const t of listed) {
      const label = t.project.split(PROJECT_SEPARATOR)[0]!;
      byBatch.set(label, (byBatch.get(label) ?? new Set()).add(t.spec));
    }
    const guardsOf = (mutations: readonly Mutation[]) =>
      new Set(mutations.flatMap((m) => m.caughtBy.map((g) => g.test)));
    expect(byBatch.get(BASELINE)).toEqual(guardsOf(MUTATIONS));
    expect(byBatch.size, 'the baseline and every round ran').toBe(batches.length);
    for (const batch of batches.slice(1)) {
      const inRound = MUTATIONS.filter((m) => roundOf.get(m.name) === batch.label);
      expect(byBatch.get(batch.label), batch.label).toEqual(guardsOf(inRound));
      // Each guard test runs under exactly the mutation it guards in this round: no two share a test.
      expect(guardsOf(inRound).size, `${batch.label}: no shared guard`).toBe(
        inRound.reduce((n, m) => n + new Set(m.caughtBy.map((g) => g.test)).size, 0),
      );
      for (const m of inRound)
        for (const guard of m.caughtBy)
          expect(batch.mutationsByTest[guard.test], guard.test).toEqual([m.name]);
    }
    expect(
      MUTATIONS.every((m) => roundOf.has(m.name)),
      'every mutation is in a round',
    ).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
