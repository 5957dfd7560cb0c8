// Allure 3 report of a matrix run: `npm run report` (run by `npm run matrix` at its end) builds
// reports/allure-report/index.html, one offline file, with history kept in reports/allure-history so trends
// show across runs (CI templates cache that folder).
import { defineConfig } from 'allure';

export default defineConfig({
  name: 'Migo contract suite',
  // scripts/report.ts sets both from MIGO_ARTIFACTS_DIR (reporters/artifacts.ts); these are the defaults.
  output: process.env.MIGO_ALLURE_REPORT_DIR ?? './reports/allure-report',
  historyPath: process.env.MIGO_ALLURE_HISTORY ?? './reports/allure-history/history.jsonl',
  historyLimit: 30,
  // One rule per failure kind, checked in order; messages come from the suite's own error classes.
  categories: [
    {
      name: 'Contract violation',
      matchers: {
        statuses: ['failed', 'broken'],
        message:
          /ContractViolation|statusDocumented|schema:|errorStatusMatchesCatalog|errorMessageMatchesCatalog|noCardData|jsonContentType/,
      },
    },
    {
      name: 'Transport failure',
      matchers: {
        statuses: ['failed', 'broken'],
        message: /TransportError|ECONNRESET|ECONNREFUSED|socket hang up|ETIMEDOUT|EPROTO|handshake/i,
      },
    },
    {
      name: 'Environment misconfiguration',
      matchers: {
        statuses: ['failed', 'broken'],
        message: /ConfigError|MissingCredentialsError|CheckoutError|MIGO_[A-Z_]+|BrowserConfigError/,
      },
    },
    { name: 'Product defect', matchers: { statuses: ['failed', 'broken'] } },
  ],
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
