/**
 * The matrix's own config (../../playwright.config.ts), unchanged but for timestamps: the timing reporter around
 * each of the matrix's reporters, and marks around its global setup. `npm run bench` runs the matrix with it:
 *
 *   MIGO_BENCH_TIMINGS_FILE=/tmp/t.json npx playwright test -c bench/timing/matrix.config.ts
 *
 * Paths the matrix config gives relative to its folder are made absolute, since this file lives elsewhere.
 */
import './config-start';
import { isAbsolute, join } from 'node:path';
import type { PlaywrightTestConfig, ReporterDescription } from '@playwright/test';
import matrix from '../../playwright.config';
import { timingMarks } from './marks';
import { timedReporters } from './reporter';

const root = join(__dirname, '..', '..');
const fromRoot = (path: string) => (isAbsolute(path) ? path : join(root, path));
const asList = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());

const reporters: ReporterDescription[] =
  typeof matrix.reporter === 'string' ? [[matrix.reporter]] : (matrix.reporter ?? []);

/** A reporter module given relative to the matrix config's folder, resolved from the root instead. */
function rooted(description: ReporterDescription): ReporterDescription {
  const [name, options] = description;
  return name.startsWith('.') ? [fromRoot(name), options] : description;
}

const config: PlaywrightTestConfig = {
  ...matrix,
  testDir: fromRoot(matrix.testDir ?? '.'),
  ...(matrix.outputDir ? { outputDir: fromRoot(matrix.outputDir) } : {}),
  globalSetup: [
    join(__dirname, 'global-setup-start.ts'),
    ...asList(matrix.globalSetup).map(fromRoot),
    join(__dirname, 'global-setup-end.ts'),
  ],
  ...(matrix.globalTeardown ? { globalTeardown: asList(matrix.globalTeardown).map(fromRoot) } : {}),
  reporter: timedReporters(reporters.map(rooted), join(__dirname, 'reporter.ts')),
};

timingMarks().configEnd = Date.now();

export default config;
