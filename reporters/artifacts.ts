/**
 * Where a matrix run writes its artifacts. Everything lives under MIGO_ARTIFACTS_DIR (default: the project
 * folder), so a nested run (the leak scan, the report check) can write to a scratch folder without touching the
 * user's reports.
 */
import { join, resolve } from 'node:path';

export interface ArtifactPaths {
  root: string;
  reports: string;
  testResults: string;
  allureResults: string;
  allureReport: string;
  allureHistory: string;
}

export function artifactPaths(env: NodeJS.ProcessEnv = process.env): ArtifactPaths {
  const root = resolve(env.MIGO_ARTIFACTS_DIR ?? join(__dirname, '..'));
  const reports = join(root, 'reports');
  return {
    root,
    reports,
    testResults: join(root, 'test-results', 'matrix'),
    allureResults: join(root, 'allure-results'),
    allureReport: join(reports, 'allure-report'),
    allureHistory: join(reports, 'allure-history', 'history.jsonl'),
  };
}
