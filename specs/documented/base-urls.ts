/**
 * The base URLs as the documents give them, per surface and environment: literal data with its page. The
 * base-URL specs compare the URL a run calls with these, never with schemas/base-urls.ts, the table the run's
 * configuration is built from (comparing a URL with its own source proves nothing).
 *
 * Sources: the environments page "Base URLs" tables (/work/shared/seeds/environments-and-base-urls.md, docs-facts
 * A.1) for the three APIs; the sandbox cheat sheet and the Payment Link examples for the hosted webview. The
 * environments page calls the Wallet Gateway's and the CMS's sandbox "QA". `local` is Migo's own development
 * servers (http://localhost:3000 / :3010): no run of this suite calls them.
 */
import { PAGES } from './pages';

export const DOCUMENTED_BASE_URLS = {
  walletGateway: {
    production: 'https://api.ali.app/rest',
    sandbox: 'https://ali-qa.ali.app/rest',
    local: 'http://localhost:3010',
    page: PAGES.environments,
  },
  middleware: {
    production: 'https://mw.migopayments.com',
    sandbox: 'https://sb-mw.migopayments.com',
    local: 'http://localhost:3000',
    page: PAGES.environments,
  },
  cms: {
    production: 'https://api.ali.app/cms/rest',
    sandbox: 'https://ali-qa.ali.app/cms/rest',
    local: 'http://localhost:3000',
    page: PAGES.environments,
  },
  webview: {
    production: 'https://web.migopayments.com',
    sandbox: 'https://sandbox.migopayments.com',
    page: PAGES.sandboxCheatSheet,
  },
} as const;

export type DocumentedSurface = keyof typeof DOCUMENTED_BASE_URLS;
export type DocumentedEnvironment = 'sandbox' | 'production';

/** The documented base URL of a surface in a Migo environment. */
export function documentedBaseUrl(surface: DocumentedSurface, environment: DocumentedEnvironment): string {
  return DOCUMENTED_BASE_URLS[surface][environment];
}
