/**
 * The matrix's shape, which the floor copies: its projects (name, workers, browser or not), its global workers and
 * fullyParallel, and how many tests each project runs from each spec file. Test counts come from
 * `playwright test --list --reporter=json` of the matrix (so the floor follows the matrix as it grows); the project
 * settings from the matrix's config, loaded with the same environment as that listing (a local run against the
 * embedded simulator, whatever .env says).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { PlaywrightTestConfig } from '@playwright/test';
import { nestedEnv } from '../nested-run';

const root = join(__dirname, '..', '..');

export interface FloorProject {
  name: string;
  workers?: number;
  /** The project drives a browser (the matrix's `use.needsBrowser`): its tests become checkouts. */
  browser: boolean;
  /** Spec file (relative to the matrix's testDir) → number of tests of this project in it. */
  files: Record<string, number>;
}

export interface MatrixShape {
  workers: number;
  fullyParallel: boolean;
  projects: FloorProject[];
}

export interface ListedSuite {
  suites?: ListedSuite[];
  specs?: { file: string; tests: { projectName: string }[] }[];
}

function listMatrix(env: NodeJS.ProcessEnv): ListedSuite[] {
  const listed = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--list', '--reporter=json'],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (listed.status !== 0)
    throw new Error(
      `listing the matrix failed (exit ${listed.status}): ${listed.stderr.trim().split('\n')[0]}`,
    );
  return (JSON.parse(listed.stdout) as { suites: ListedSuite[] }).suites;
}

/** The matrix config as a local run sees it: this process's MIGO_* variables replaced by the nested run's. */
function loadMatrixConfig(env: NodeJS.ProcessEnv): PlaywrightTestConfig {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only after the environment is set
  return (require(join(root, 'playwright.config.ts')) as { default: PlaywrightTestConfig }).default;
}

/** The floor's projects from a config's projects and its `--list --reporter=json` suites. */
export function shapeOf(
  configProjects: { name?: string; workers?: number | string; use?: object }[],
  listed: ListedSuite[],
): FloorProject[] {
  const projects: FloorProject[] = configProjects.map((project) => ({
    name: project.name ?? '',
    ...(typeof project.workers === 'number' ? { workers: project.workers } : {}),
    browser: (project.use as { needsBrowser?: boolean } | undefined)?.needsBrowser === true,
    files: {},
  }));
  const visit = (suite: ListedSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) {
        const project = projects.find((p) => p.name === test.projectName);
        if (!project) throw new Error(`listed project "${test.projectName}" is not in the matrix config`);
        project.files[spec.file] = (project.files[spec.file] ?? 0) + 1;
      }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of listed) visit(suite);
  return projects;
}

export function matrixShape(): MatrixShape {
  const env = nestedEnv();
  const config = loadMatrixConfig(env);
  if (typeof config.workers !== 'number')
    throw new Error(
      `the matrix config's workers is ${JSON.stringify(config.workers)}; the floor needs a number`,
    );
  const projects = shapeOf(config.projects ?? [{ name: '' }], listMatrix(env));
  return { workers: config.workers, fullyParallel: config.fullyParallel === true, projects };
}
