/**
 * The Migo documentation pages the schemas encode, by topic. Descriptions and the OpenAPI document cite these,
 * so a moved page is fixed in one place.
 */
const DOCS = 'https://api-docs.migopayments.com/en';

export const DOC_PAGES = {
  authentication: `${DOCS}/introduction/authentication`,
  quickstart: `${DOCS}/introduction/quickstart`,
  environments: `${DOCS}/introduction/environments`,
  sandboxCheatSheet: `${DOCS}/introduction/sandbox-cheat-sheet`,
  goLive: `${DOCS}/introduction/go-live`,
  versioning: `${DOCS}/introduction/versioning`,
  errorHandling: `${DOCS}/concepts/error-handling`,
  paymentLifecycle: `${DOCS}/concepts/payment-lifecycle`,
  errorCatalog: `${DOCS}/support/error-catalog`,
  createPaymentLink: `${DOCS}/getting-started/create-payment-link`,
  paymentLinkQuickstart: `${DOCS}/getting-started/payment-link-quickstart`,
  paymentLinkReact: `${DOCS}/getting-started/payment-link-react`,
  chooseFlow: `${DOCS}/getting-started/choose-flow`,
  hostedWebview: `${DOCS}/card-payments/hosted-webview`,
  merchantGenericCallback: `${DOCS}/card-payments/merchant-generic-callback`,
  altCreateTransaction: `${DOCS}/alternative-payments/create-transaction`,
  altProcessPayment: `${DOCS}/alternative-payments/process-payment`,
  altPaymentIntents: `${DOCS}/alternative-payments/payment-intents`,
  altDismissTransaction: `${DOCS}/alternative-payments/dismiss-transaction`,
  recipesTemplate: `${DOCS}/recipes/template`,
  recipesDominicanRepublic: `${DOCS}/recipes/dominican-republic`,
  walletOverview: `${DOCS}/wallet/overview`,
  cardLifecycle: `${DOCS}/wallet/card-lifecycle`,
  cardholderManagement: `${DOCS}/wallet/cardholder-management`,
  assignFunds: `${DOCS}/wallet/assign-funds`,
  cmsOverview: `${DOCS}/cms-api/overview`,
  cmsUsers: `${DOCS}/cms-api/cms-users`,
  cmsCardholders: `${DOCS}/cms-api/cardholders`,
} as const;
