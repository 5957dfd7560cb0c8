/**
 * The plan of a batched mutation run (bench/mutation.ts writes it, bench/mutation.config.ts reads it): batches of
 * guard tests, each with its mutations, and how a batch becomes projects of the matrix. Kept apart from the config
 * so the harness can use it without loading the matrix config.
 */
import { join } from 'node:path';
import type { Project } from '@playwright/test';
import type { MigoTestOptions, MigoWorkerOptions } from '../fixtures';

export const MUTATION_PLAN_VARIABLE = 'MIGO_MUTATION_PLAN';
/** Between a batch's label and the matrix project's name in a project name. */
export const PROJECT_SEPARATOR = ' · ';

export interface PlannedBatch {
  label: string;
  mutations: string[];
  /** Spec files under specs/, as `specs/<folder>/<file>.spec.ts`. */
  files: string[];
  /** The source of a RegExp that selects exactly the batch's guard tests. */
  grep: string;
  /** The mutations switched on test by test (by SpecRef), on top of `mutations`: empty for none. */
  mutationsByTest: Record<string, string[]>;
}

export type MatrixProject = Project<MigoTestOptions, MigoWorkerOptions>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `pattern` (a project's testMatch or testIgnore, regular expressions in the matrix config) matches. */
function matches(pattern: MatrixProject['testMatch'], file: string): boolean {
  const patterns = pattern === undefined ? [] : Array.isArray(pattern) ? pattern : [pattern];
  return patterns.some((p) => (p instanceof RegExp ? p.test(file) : file.endsWith(p)));
}

/** The matrix projects of one batch: those that hold one of its files, narrowed to those files and its grep. */
export function batchProjects(
  batch: PlannedBatch,
  projects: readonly MatrixProject[],
  testDir: string,
): MatrixProject[] {
  return projects.flatMap((project) => {
    const files = batch.files.filter((file) => {
      const path = join(testDir, '..', file);
      return (
        (project.testMatch === undefined || matches(project.testMatch, path)) &&
        !matches(project.testIgnore, path)
      );
    });
    if (files.length === 0) return [];
    return [
      {
        ...project,
        name: `${batch.label}${PROJECT_SEPARATOR}${project.name}`,
        testMatch: new RegExp(`(^|/)(${files.map(escape).join('|')})$`),
        testIgnore: [],
        grep: new RegExp(batch.grep),
        use: { ...project.use, simMutations: batch.mutations, simMutationsByTest: batch.mutationsByTest },
      },
    ];
  });
}
