/**
 * The doc pages the documented values below were read from, written out here rather than imported from
 * schemas/doc-pages.ts: this folder copies the documents, and shares nothing with what the simulator serves.
 */
const DOCS = 'https://api-docs.migopayments.com/en';

export const PAGES = {
  environments: `${DOCS}/introduction/environments`,
  sandboxCheatSheet: `${DOCS}/introduction/sandbox-cheat-sheet`,
  goLive: `${DOCS}/introduction/go-live`,
  errorHandling: `${DOCS}/concepts/error-handling`,
  errorCatalog: `${DOCS}/support/error-catalog`,
  createPaymentLink: `${DOCS}/getting-started/create-payment-link`,
  altDismissTransaction: `${DOCS}/alternative-payments/dismiss-transaction`,
  walletOverview: `${DOCS}/wallet/overview`,
  pinManagement: `${DOCS}/wallet/pin-management`,
  cardTransfers: `${DOCS}/wallet/card-transfers`,
  thirdPartyCards: `${DOCS}/wallet/third-party-cards`,
  bulkCharges: `${DOCS}/recurring-payments/bulk-charges`,
} as const;
