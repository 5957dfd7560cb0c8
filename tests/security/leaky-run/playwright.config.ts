/**
 * The matrix's own config (every side effect and reporter of ../../../playwright.config.ts), pointed at the
 * project folder so a forced-failure run can take real specs and ./learned-secrets.spec.ts, with Playwright's
 * HTML reporter added after the configured ones so its output is scanned too.
 */
import { join } from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import matrix from '../../../playwright.config';
import { artifactPaths } from '../../../reporters/artifacts';

const root = join(__dirname, '..', '..', '..');

export default defineConfig({
  ...matrix,
  testDir: root,
  testMatch: /(specs\/.*|learned-secrets)\.spec\.ts$/,
  reporter: [
    ...(matrix.reporter as ReporterDescription[]),
    ['html', { outputFolder: join(artifactPaths().root, 'playwright-report'), open: 'never' }],
  ],
});
