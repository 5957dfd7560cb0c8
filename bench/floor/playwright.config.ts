/**
 * The floor of the matrix: the matrix's shape (projects, workers, tests per spec file) with nothing of ours in the
 * tests: a trivial node:http server and a plain checkout page in the same Chromium. What the matrix costs beyond
 * this is ours to reduce (`npm run bench` reports `matrix.floorRatio`). Generate it first:
 *
 *   npx tsx bench/floor/generate.ts && npx playwright test -c bench/floor/playwright.config.ts
 */
import '../timing/config-start';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../fixtures/browser';
import { timingMarks } from '../timing/marks';
import { timedReporters } from '../timing/reporter';
import { FLOOR_DIR, FLOOR_SPECS_DIR, readFloorShape } from './layout';

const shape = readFloorShape();
timingMarks().configEnd = Date.now();

export default defineConfig({
  testDir: FLOOR_SPECS_DIR,
  fullyParallel: shape.fullyParallel,
  workers: shape.workers,
  retries: 0,
  timeout: 20_000,
  outputDir: join(FLOOR_DIR, 'test-results'),
  reporter: timedReporters([['list']], join(__dirname, '..', 'timing', 'reporter.ts')),
  // As the matrix: no traces or screenshots, the same Chromium with the same flags.
  use: { trace: 'off', screenshot: 'off', video: 'off', launchOptions: chromiumLaunchOptions() },
  projects: shape.projects.map((project) => ({
    name: project.name,
    testDir: join(FLOOR_SPECS_DIR, project.name || 'default'),
    ...(project.workers ? { workers: project.workers } : {}),
  })),
});
