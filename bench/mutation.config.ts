/**
 * The matrix's config (../playwright.config.ts) for a batched mutation run (bench/mutation.ts): one Playwright run
 * scores the baseline and every mutation, so the runner, the config and the test listing are paid once instead of
 * once per mutation.
 *
 * The plan (the JSON file MIGO_MUTATION_PLAN names) lists batches: a label (`baseline` or a mutation's name), the
 * mutations its simulators start with, its guard files and the `--grep` of its guard tests. Each batch becomes a
 * copy of every matrix project that holds one of its guard files, named `<label> · <project>`, with those files
 * only, that grep, and `simMutations` in `use`: a worker serves one project, so each batch's tests run against
 * embedded simulators of their own, with exactly that batch's mutations on.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import matrix from '../playwright.config';
import type { MigoTestOptions, MigoWorkerOptions } from '../fixtures';
import {
  MUTATION_PLAN_VARIABLE,
  batchProjects,
  type MatrixProject,
  type PlannedBatch,
} from './mutation-plan';

const testDir = matrix.testDir!;

function plan(): PlannedBatch[] {
  const file = process.env[MUTATION_PLAN_VARIABLE];
  if (!file)
    throw new Error(
      `${MUTATION_PLAN_VARIABLE} is not set: this config is for bench/mutation.ts ("npm run mutation"), which writes the plan.`,
    );
  return (JSON.parse(readFileSync(file, 'utf8')) as { batches: PlannedBatch[] }).batches;
}

export default defineConfig<MigoTestOptions, MigoWorkerOptions>({
  ...matrix,
  projects: plan().flatMap((batch) =>
    batchProjects(batch, (matrix.projects ?? []) as MatrixProject[], testDir),
  ),
});
