/** Base URLs per surface and environment (environments seed; docs-facts A.1). */
export const MIGO_BASE_URLS = {
  middleware: {
    production: 'https://mw.migopayments.com',
    sandbox: 'https://sb-mw.migopayments.com',
    local: 'http://localhost:3000',
  },
  walletGateway: {
    production: 'https://api.ali.app/rest',
    sandbox: 'https://ali-qa.ali.app/rest',
    local: 'http://localhost:3010',
  },
  cms: {
    production: 'https://api.ali.app/cms/rest',
    sandbox: 'https://ali-qa.ali.app/cms/rest',
    local: 'http://localhost:3000',
  },
} as const;

export type Surface = keyof typeof MIGO_BASE_URLS;
