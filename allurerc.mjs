// Allure 3 report of a matrix run: `npm run report` (run by `npm run matrix` at its end) builds
// reports/allure-report/index.html, one offline file, with history kept in reports/allure-history so trends
// show across runs (CI templates cache that folder).
import { createRequire } from 'node:module';
import { defineConfig } from 'allure';

const failureCategories = createRequire(import.meta.url)('./reporters/failure-categories.json');

export default defineConfig({
  name: 'Migo contract suite',
  // scripts/report.ts sets both from MIGO_ARTIFACTS_DIR (reporters/artifacts.ts); these are the defaults.
  output: process.env.MIGO_ALLURE_REPORT_DIR ?? './reports/allure-report',
  historyPath: process.env.MIGO_ALLURE_HISTORY ?? './reports/allure-history/history.jsonl',
  historyLimit: 30,
  // One rule per failure kind, checked in order; the same table files failures in the go-live report.
  categories: failureCategories.categories.map(({ name, message, flags }) => ({
    name,
    matchers: {
      statuses: ['failed', 'broken'],
      ...(message === undefined ? {} : { message: new RegExp(message, flags) }),
    },
  })),
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        reportName: 'Migo contract suite',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
});
