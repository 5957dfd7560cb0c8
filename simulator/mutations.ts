/**
 * Named contract mutations: each one makes the simulator break exactly one documented rule, so the suite can prove
 * that the assertion guarding that rule notices (mutation testing of the contract suite). `caughtBy` names the
 * guards: each a test of the matrix (by name only: the simulator never imports specs) and the failure it predicts.
 * `npm run mutation` counts a mutation caught only when a guard passed without it and fails under it with that
 * failure (bench/mutation.ts).
 */
import { DOC_PAGES } from '../schemas/doc-pages';

/** A test that must catch a mutation, and how it must fail. */
export interface Guard {
  /** `<file under specs/> › <describe> › … › <title>`, as `playwright test --list` names it. */
  readonly test: string;
  /**
   * A fragment of the predicted failure message: the assertion's own message, or the ContractViolation (or, for a
   * guess of the docs, the AssumptionDiffers) text. A 5xx the fragment does not name is never a catch.
   */
  readonly failure: string;
}

/** The tests of one spec file (and describe block), by title. */
const specsOf =
  (file: string, ...describe: string[]) =>
  (title: string): string =>
    [file, ...describe, title].join(' › ');

const merchantToken = specsOf('payment-links/merchant-token.spec.ts', 'POST /transactions');
const createLink = specsOf('payment-links/create-payment-link.spec.ts', 'POST /transactions');
const badInput = specsOf('payment-links/bad-input.spec.ts', 'POST /transactions');
const hook = specsOf('payment-links/transactions-hook.spec.ts', 'POST /transactions-hook');
const catalog = specsOf('errors/error-catalog.spec.ts', 'Error catalog');
const refresh = specsOf('auth/wallet-token-refresh.spec.ts', 'POST /auth/refresh');
const tokenExpired = specsOf('auth/wallet-token-refresh.spec.ts', '401 TOKEN_EXPIRED');
const login = specsOf('auth/wallet-login.spec.ts', 'POST /auth/login');
const configs = specsOf('auth/wallet-application-id.spec.ts', 'GET /configs');
const cms = specsOf('auth/cms-user-token.spec.ts', 'GET /app/partners/{partnerId}/cardholders');
const redelivery = specsOf('webhooks/duplicate-delivery.spec.ts', 'Merchant Generic Callback redelivery');
const retries = specsOf('webhooks/delivery-retry.spec.ts', 'Merchant Generic Callback retries');
const ALT = 'POST /api/v1/integrations/transactions/{transactionId}';
const dismiss = specsOf('alternative-payments/dismiss.spec.ts', `${ALT}/dismiss`);
const payments = specsOf('alternative-payments/payments.spec.ts', `${ALT}/payments`);

const CATALOG_7001 = catalog('rejects an amount of 0 with 7001 GREATER_THAN_ZERO (400)');
const HAPPY_PATH = specsOf('checkout/happy-path.spec.ts')(
  'approves a charge: link → pay → return URL → callback approved',
);
const REDELIVERED = redelivery(
  'redelivers an event with the same uid and reference, and the handler fulfils it once',
);
const NO_CARD_DATA = specsOf('checkout/card-data-never-echoed.spec.ts')(
  'leaves no PAN or CVV of a Mastercard charge in the return URL, the checkout pages or the callback',
);
const threeDs = specsOf('checkout/three-d-secure.spec.ts', '3-D Secure challenge');
const RETURN_URL_DENIED = "the return URL carries the create response's uid and reference, and denied";

export interface Mutation {
  readonly name: string;
  /** The documented rule the mutation breaks. */
  readonly rule: string;
  /** What the simulator does differently while the mutation is on. */
  readonly description: string;
  /** The doc page that states the rule. */
  readonly docs: string;
  /** Only observable over TLS (`--https`). */
  readonly httpsOnly?: boolean;
  /** The tests that must catch it; any one failing as predicted is a catch. */
  readonly caughtBy: readonly Guard[];
}

export const MUTATIONS = [
  // Payment Links (Middleware)
  {
    name: 'payment-link-lowercase-url',
    rule: 'The Payment Link create response names the checkout link `URL` (uppercase).',
    description: 'POST /transactions answers `url` instead of `URL`.',
    docs: DOC_PAGES.paymentLinkQuickstart,
    caughtBy: [
      {
        test: createLink('answers uid, reference and an uppercase URL at the top level, with no envelope'),
        failure: "/URL: must have required property 'URL'",
      },
    ],
  },
  {
    name: 'payment-link-envelope',
    rule: 'The Payment Link create response is the bare object `{uid, reference, URL}`, with no envelope.',
    description: 'POST /transactions wraps the link in `{success, message, data}`.',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: [
      {
        test: createLink('answers uid, reference and an uppercase URL at the top level, with no envelope'),
        failure: '/success: must not be present',
      },
    ],
  },
  {
    name: 'payment-link-bearer-refused',
    rule: 'Payment Links accept the merchant token with a `Bearer ` prefix (the authorizer strips it).',
    description: 'POST /transactions answers 401 to `Authorization: Bearer <token>`.',
    docs: DOC_PAGES.authentication,
    caughtBy: [
      {
        test: merchantToken(
          'creates a link with the merchant token in each form the authorizer accepts, and only those',
        ),
        failure: 'reading payment-link-bearer is optional in this run; the target answered as refused',
      },
    ],
  },
  {
    name: 'payment-link-raw-token-refused',
    rule: 'Payment Links accept the raw merchant token in `Authorization` (the recommended form).',
    description: 'POST /transactions answers 401 to `Authorization: <token>` without `Bearer `.',
    docs: DOC_PAGES.authentication,
    caughtBy: [
      {
        test: merchantToken(
          'creates a link with the merchant token in each form the authorizer accepts, and only those',
        ),
        failure: 'reading payment-link-bearer is optional in this run; the target answered as required',
      },
    ],
  },
  {
    name: 'missing-token-accepted',
    rule: 'Merchant-token routes require the merchant token in `Authorization`.',
    description: 'Payment Link and Alternative Payments routes answer 2xx without an `Authorization` header.',
    docs: DOC_PAGES.authentication,
    caughtBy: [
      {
        test: merchantToken('rejects a request without Authorization with 401'),
        failure: 'a link must not be created without the merchant token',
      },
    ],
  },
  {
    name: 'wrong-token-accepted',
    rule: 'A merchant token that is not the merchant’s is rejected with 401.',
    description: 'Payment Link and Alternative Payments routes accept any token value.',
    docs: DOC_PAGES.authentication,
    caughtBy: [
      {
        test: merchantToken("rejects a raw token that is not the merchant's with 401"),
        failure: 'a token that is not the merchant token must be refused',
      },
      {
        test: merchantToken("rejects a Bearer token that is not the merchant's with 401"),
        failure: 'a token that is not the merchant token must be refused',
      },
    ],
  },
  {
    name: 'hook-wrong-keys-accepted',
    rule: '`POST /transactions-hook` authenticates with the merchant’s `privateKey` + `publicKey` pair.',
    description: 'POST /transactions-hook accepts any key pair.',
    docs: DOC_PAGES.authentication,
    caughtBy: [
      {
        test: hook("rejects a privateKey that does not pair with the merchant's publicKey with 401"),
        failure: 'a wrong key pair must be refused',
      },
    ],
  },
  // Error envelopes and the catalog (Wallet Gateway, CMS)
  {
    name: 'numeric-error-codes',
    rule: '`errors[].code` is a string (e.g. "7100").',
    description: 'Wallet Gateway and CMS errors carry numeric codes (7000 instead of "7000").',
    docs: DOC_PAGES.errorHandling,
    caughtBy: [{ test: CATALOG_7001, failure: '/errors/0/code: must be string' }],
  },
  {
    name: 'success-true-with-errors',
    rule: 'An error response has `success: false`.',
    description: 'Wallet Gateway and CMS errors answer `success: true` next to `errors[]`.',
    docs: DOC_PAGES.errorHandling,
    caughtBy: [{ test: CATALOG_7001, failure: '/success: must be equal to constant' }],
  },
  {
    name: 'success-false-without-errors',
    rule: 'An error response (`success: false`) carries `errors[]` with `{code, message}`.',
    description: 'Wallet Gateway and CMS errors omit `errors`.',
    docs: DOC_PAGES.errorHandling,
    caughtBy: [{ test: CATALOG_7001, failure: "/errors: must have required property 'errors'" }],
  },
  {
    name: 'catalog-status-wrong',
    rule: '7001 GREATER_THAN_ZERO is answered with HTTP 400, as the error catalog says.',
    description: 'An amount ≤ 0 on POST /cards/{cardId}/funds answers 7001 with HTTP 500.',
    docs: DOC_PAGES.errorCatalog,
    caughtBy: [{ test: CATALOG_7001, failure: 'answered with an undocumented status.\n  Received:   500' }],
  },
  {
    name: 'catalog-message-changed',
    rule: 'Catalog messages are the exact strings returned by the API.',
    description: 'Every catalog message is reworded (lower case, no final period).',
    docs: DOC_PAGES.errorCatalog,
    caughtBy: [
      { test: CATALOG_7001, failure: 'changed the documented message of 7001 GREATER_THAN_ZERO' },
      {
        test: catalog('answers a route the Wallet Gateway does not have with 7010 NOT_FOUND (404)'),
        failure: 'the catalog message, verbatim',
      },
    ],
  },
  {
    name: 'unknown-route-wrong-code',
    rule: 'An unknown Wallet Gateway / CMS route answers 404 with 7010 NOT_FOUND ("Not found, verify endpoint"; UNSURE: that unknown routes get it is our reading of that message).',
    description: 'Unknown routes answer 404 with 7004 SERVICES_NOT_FOUND instead of 7010.',
    docs: DOC_PAGES.errorCatalog,
    caughtBy: [
      {
        test: catalog('answers a route the Wallet Gateway does not have with 7010 NOT_FOUND (404)'),
        failure: 'the body does not carry the code',
      },
    ],
  },
  {
    name: 'middleware-error-without-own-code',
    rule: 'Middleware errors use the `ownCode` envelope.',
    description: 'Middleware errors omit `ownCode`.',
    docs: DOC_PAGES.errorHandling,
    caughtBy: [
      {
        test: badInput('rejects amount 0 with a Middleware validation error (ownCode outside 7000–8099)'),
        failure: "/ownCode: must have required property 'ownCode'",
      },
    ],
  },
  // JWT flow (Wallet Gateway, CMS)
  {
    name: 'refresh-token-reusable',
    rule: 'Refresh tokens are single-use.',
    description: 'POST /auth/refresh accepts a refresh token that was already used.',
    docs: DOC_PAGES.goLive,
    caughtBy: [
      {
        test: refresh('rejects a refresh token that was already used with 401 (single-use)'),
        failure: 'a refresh token must not work twice',
      },
    ],
  },
  {
    name: 'refresh-not-rotating',
    rule: 'Every refresh rotates both tokens.',
    description: 'POST /auth/refresh answers with the same refresh token it was given (and keeps it valid).',
    docs: DOC_PAGES.faq,
    caughtBy: [
      {
        test: refresh('rotates both the access token and the refresh token'),
        failure: 'the refresh must issue a new refresh token',
      },
    ],
  },
  {
    name: 'no-token-expired-code',
    rule: 'An expired access token is answered 401 `TOKEN_EXPIRED`, so the client refreshes instead of logging in.',
    description: 'An expired access token gets a plain `{"statusCode":401,"message":"Unauthorized"}`.',
    docs: DOC_PAGES.goLive,
    caughtBy: [
      {
        test: tokenExpired('answers a request with an expired access token with 401 TOKEN_EXPIRED'),
        failure: 'the 401 must say TOKEN_EXPIRED so the client refreshes',
      },
    ],
  },
  {
    name: 'expired-token-accepted',
    rule: 'An access token is valid for its lifetime only (30 minutes by default).',
    description: 'Expired access tokens are accepted.',
    docs: DOC_PAGES.faq,
    caughtBy: [
      {
        test: tokenExpired('answers a request with an expired access token with 401 TOKEN_EXPIRED'),
        failure: 'an expired access token must be refused',
      },
    ],
  },
  {
    name: 'login-bad-signature-accepted',
    rule: 'POST /auth/login verifies the Ed25519 signature made with the merchant’s private key.',
    description: 'POST /auth/login accepts any signature for a known merchant.',
    docs: DOC_PAGES.quickstart,
    caughtBy: [
      {
        test: login("rejects a signature made with a key that is not the merchant's with 401"),
        failure: 'a login signed with another key must be refused',
      },
    ],
  },
  {
    name: 'configs-application-id-optional',
    rule: 'GET/PATCH /configs require the `applicationId` header.',
    description: '/configs answers 200 without an `applicationId` (or `x-application-id`) header.',
    docs: DOC_PAGES.environments,
    caughtBy: [
      {
        test: configs('rejects a request without the applicationId header with a 4xx gateway error'),
        failure: '/configs must refuse a call without applicationId',
      },
    ],
  },
  {
    name: 'cms-raw-user-token-accepted',
    rule: 'The CMS `x-user-token` must carry the `Bearer ` prefix: the guard rejects a raw token.',
    description: 'CMS partner routes accept `x-user-token: <token>` without `Bearer `.',
    docs: DOC_PAGES.cmsOverview,
    caughtBy: [
      {
        test: cms('rejects a raw user token in x-user-token (no Bearer prefix) with 401'),
        failure: 'the guard must reject a raw x-user-token',
      },
    ],
  },
  {
    name: 'cms-user-token-optional',
    rule: 'CMS partner routes need both the app token and `x-user-token`.',
    description: 'CMS partner routes answer 2xx without `x-user-token`.',
    docs: DOC_PAGES.cmsOverview,
    caughtBy: [
      {
        test: cms('rejects a call with the app token but without x-user-token with 401'),
        failure: 'partner routes need the CMS user token too',
      },
    ],
  },
  // Merchant Generic Callback
  {
    name: 'callback-without-uid',
    rule: 'The Merchant Generic Callback body carries `uid`, `reference` and `status`.',
    description: 'Callbacks are sent without `uid`.',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: [
      { test: REDELIVERED, failure: "/uid must have required property 'uid'" },
      { test: HAPPY_PATH, failure: "/uid must have required property 'uid'" },
    ],
  },
  {
    name: 'redelivery-new-uid',
    rule: 'A redelivery is the same event: receivers dedupe on a stable identifier such as `uid`.',
    description: 'Retries and duplicate deliveries carry a new `uid`.',
    docs: DOC_PAGES.goLive,
    caughtBy: [{ test: REDELIVERED, failure: "not the create response's" }],
  },
  {
    name: 'callback-not-sent',
    rule: 'A transaction that reaches a terminal status is reported by the Merchant Generic Callback.',
    description: 'No callback is ever sent (as when callbacks are off for the client or its URL is wrong).',
    docs: DOC_PAGES.merchantGenericCallback,
    caughtBy: [{ test: HAPPY_PATH, failure: 'Expected a Merchant Generic Callback for uid' }],
  },
  {
    name: 'callback-no-retry',
    rule: 'A non-2xx answer or a timeout is a delivery failure and is retried.',
    description: 'Callbacks are sent once and never retried.',
    docs: DOC_PAGES.goLive,
    caughtBy: [
      {
        test: retries('retries a delivery answered 503 and the retry is fulfilled once'),
        failure: 'Expected a delivery answered 503 and its retry',
      },
      {
        test: retries('retries a delivery the handler did not answer in time'),
        failure: 'Expected a retry of the delivery left unanswered',
      },
    ],
  },
  {
    name: 'callback-reference-differs',
    rule: 'The callback `reference` is the one the create response returned.',
    description: 'Callbacks carry a different `reference`.',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: [{ test: HAPPY_PATH, failure: "not the transaction's" }],
  },
  {
    name: 'callback-status-uppercase',
    rule: 'Callback statuses are lowercase (approved, denied, …).',
    description: 'Callbacks carry uppercase statuses (APPROVED, DENIED).',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: [
      {
        test: REDELIVERED,
        failure: 'reading callback-status-case is lowercase in this run; the target answered as uppercase',
      },
      {
        test: HAPPY_PATH,
        failure: 'reading callback-status-case is lowercase in this run; the target answered as uppercase',
      },
    ],
  },
  // Hosted checkout
  {
    name: 'declined-card-approved',
    rule: 'A declined charge ends as denied (the declined-charge scenario).',
    description: 'Declined and unknown cards are approved.',
    docs: DOC_PAGES.goLive,
    caughtBy: [
      {
        test: specsOf('checkout/declined-charge.spec.ts')(
          'ends denied on a generic decline: return URL and callback, never fulfilled as approved',
        ),
        failure: RETURN_URL_DENIED,
      },
    ],
  },
  {
    name: 'three-ds-skipped',
    rule: 'A 3-D Secure card goes through the issuer challenge (the 3-D Secure scenario).',
    description: '3-D Secure cards are approved without showing the challenge.',
    docs: DOC_PAGES.goLive,
    caughtBy: [
      {
        test: threeDs('ends approved when the issuer challenge is approved'),
        failure: 'but the checkout went straight to the return URL',
      },
    ],
  },
  {
    name: 'three-ds-failure-approved',
    rule: 'A failed 3-D Secure challenge ends as denied.',
    description: 'A failed challenge ends as approved.',
    docs: DOC_PAGES.goLive,
    caughtBy: [{ test: threeDs('ends denied when the issuer challenge fails'), failure: RETURN_URL_DENIED }],
  },
  {
    name: 'return-url-missing-reference',
    rule: 'The hosted checkout redirects to the return URL with `uid`, `status` and `reference`.',
    description: 'The return URL has no `reference`.',
    docs: DOC_PAGES.hostedWebview,
    caughtBy: [{ test: HAPPY_PATH, failure: "/reference must have required property 'reference'" }],
  },
  // Card data (PCI)
  {
    name: 'pan-in-card-response',
    rule: 'PANs are stored tokenized and never echoed: you store the `cardId`, never the PAN.',
    description: 'POST /users/{userId}/cards/virtuals answers with the full card number.',
    docs: DOC_PAGES.security,
    caughtBy: [
      {
        test: specsOf(
          'security/card-tokenization.spec.ts',
          'POST /users/{userId}/cards/virtuals',
        )('issues a card referred to by a numeric cardId, with no card number in the answer'),
        failure: 'echoed card data (pan)',
      },
    ],
  },
  {
    name: 'pan-in-return-url',
    rule: 'PANs are never echoed.',
    description: 'The checkout return URL carries the card number (`pan=`).',
    docs: DOC_PAGES.security,
    caughtBy: [{ test: NO_CARD_DATA, failure: 'the return URL holds the PAN ending' }],
  },
  {
    name: 'cvv-in-callback',
    rule: 'CVV is never stored or sent on.',
    description: 'Card-payment callbacks carry the CVC the payer typed (`cvv`).',
    docs: DOC_PAGES.security,
    caughtBy: [{ test: NO_CARD_DATA, failure: 'holds the CVV at /cvv' }],
  },
  // Alternative Payments
  {
    name: 'dismiss-approved-ok',
    rule: 'Dismissing an APPROVED, DENIED, EXPIRED or DISMISSED transaction is rejected: 409, ownCode 4020.',
    description: 'Dismissing an APPROVED transaction answers 200 `OK`.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: [
      {
        test: dismiss('refuses an APPROVED transaction with 409 (ownCode 4020)'),
        failure: 'dismiss of an APPROVED transaction: HTTP status and ownCode',
      },
    ],
  },
  {
    name: 'dismiss-unknown-gateway-code',
    rule: 'Middleware errors use ownCodes outside 7000–8099 (unknown transaction: 404, ownCode 2000).',
    description: 'Dismissing an unknown transaction answers ownCode 7010, a Wallet Gateway catalog code.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: [
      {
        test: dismiss('answers an unknown transaction with 404 (ownCode 2000)'),
        failure: '/ownCode: must be <= 6999',
      },
    ],
  },
  {
    name: 'alternative-status-lowercase',
    rule: 'Alternative Payments statuses are uppercase (CREATED … CANCELLED).',
    description: 'The dismiss answer of a cancelled transaction says `status: "cancelled"`.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: [
      {
        test: dismiss(
          'cancels an IN_PROGRESS zigi transaction as the reading zigi-dismiss says (default: its cancel hook, CANCELLED as JSON)',
        ),
        failure: '/transaction/status: must match pattern',
      },
    ],
  },
  {
    name: 'unknown-payload-kind',
    rule: 'A payment payload `data.type` is one of url, qr, html, payButton, json, base64.',
    description: 'POST …/payments answers `data.type: "deeplink"`.',
    docs: DOC_PAGES.altProcessPayment,
    caughtBy: [
      {
        test: payments('renders a url instruction for bamPaymentButton'),
        failure: 'reading payload-type-enum is closed in this run; the target answered as open',
      },
    ],
  },
  {
    name: 'health-without-status-code',
    rule: 'GET /health answers `{statusCode: 200, message: "ok", data: {}}`.',
    description: 'GET /health answers `{message: "ok", data: {}}` without `statusCode`.',
    docs: DOC_PAGES.quickstart,
    caughtBy: [
      {
        test: specsOf(
          'environments/base-urls.spec.ts',
          'Base URLs',
        )('serves the Wallet Gateway at the documented base URL: GET /health answers'),
        failure: "/statusCode: must have required property 'statusCode'",
      },
    ],
  },
  // Transport security
  {
    name: 'tls-1-0-accepted',
    rule: 'TLS 1.2+ is required; TLS 1.0/1.1 are rejected.',
    description: 'The HTTPS surfaces complete TLS 1.0 and 1.1 handshakes.',
    docs: DOC_PAGES.security,
    httpsOnly: true,
    caughtBy: [
      {
        test: specsOf(
          'security/tls-versions.spec.ts',
          'TLS protocol versions',
        )('rejects a TLS 1.0 handshake on every HTTPS endpoint'),
        failure: 'completed a TLS 1.0 handshake',
      },
    ],
  },
  {
    name: 'hsts-missing',
    rule: 'HTTPS responses send HSTS with `includeSubDomains; preload`.',
    description: 'No `Strict-Transport-Security` header.',
    docs: DOC_PAGES.security,
    httpsOnly: true,
    caughtBy: [
      {
        test: specsOf(
          'security/hsts.spec.ts',
          'HTTP Strict Transport Security',
        )('sends HSTS with a max-age, includeSubDomains and preload on every HTTPS endpoint'),
        failure: 'Strict-Transport-Security on GET /',
      },
    ],
  },
  {
    name: 'certificate-short-validity',
    rule: 'Endpoints serve a valid certificate (expiry is monitored; an expiring one is a failure).',
    description: 'The served certificate is valid for 5 days only.',
    docs: DOC_PAGES.goLive,
    httpsOnly: true,
    caughtBy: [
      {
        test: specsOf(
          'security/certificate.spec.ts',
          'TLS certificates',
        )('serves a trusted certificate for the host, valid for at least the configured number of days'),
        failure: 'days until the certificate expires',
      },
    ],
  },
  // Added with the documented expected values (issue 10): each breaks a rule a presence-only check let through.
  {
    name: 'validation-own-code-wrong',
    rule: 'A Middleware validation refusal is 400 with ownCode 5000 (dismiss page "400/5000"; reading middleware-validation-status=400).',
    description:
      'Middleware validation refusals (400) carry ownCode 2000 ("Transaction not found") instead of 5000.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: [
      {
        test: payments('rejects an unknown processor as a validation error in the ownCode envelope'),
        failure: 'ownCode 5001, not the documented validation ownCode 5000',
      },
      {
        test: specsOf(
          'alternative-payments/payment-intents.spec.ts',
          `${ALT}/payment-intents`,
        )('rejects an unknown processor as a validation error in the ownCode envelope'),
        failure: 'ownCode 5001, not the documented validation ownCode 5000',
      },
    ],
  },
  {
    name: 'dismiss-without-effect',
    rule: 'A dismiss of a CREATED or USED transaction moves it to DISMISSED (dismiss page, behaviour matrix).',
    description: 'A dismiss of a CREATED or USED transaction answers `OK` and leaves its state as it was.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: [
      {
        test: dismiss(
          'leaves a CREATED transaction DISMISSED after a dismiss and its repeat: the state read back',
        ),
        failure: 'the transaction after the dismiss',
      },
    ],
  },
  {
    name: 'checkout-receipt-unreadable',
    rule: 'PANs are never echoed (security page): every answer the checkout gives after the submit can be checked for one.',
    description:
      'After the card submit the checkout fetches a receipt holding the card number, served with a broken gzip encoding the browser cannot decode, then returns as usual.',
    docs: DOC_PAGES.security,
    caughtBy: [
      {
        test: NO_CARD_DATA,
        failure: 'an unreadable one cannot be checked for card data',
      },
    ],
  },
  {
    name: 'insufficient-funds-message-changed',
    rule: "7303 INSUFFICIENT_FUNDS comes with the message the reading error-message-7303 expects (default: the wallet overview's description, verbatim).",
    description: 'An over-spend answers 7303 with the message "Insufficient funds.".',
    docs: DOC_PAGES.walletOverview,
    caughtBy: [
      {
        test: catalog(
          'refuses to withdraw more than the card balance with 7303 INSUFFICIENT_FUNDS (409, assumed)',
        ),
        failure: 'reading error-message-7303 is doc-meaning in this run; the target answered as other-text',
      },
    ],
  },
  {
    name: 'token-expired-only-in-text',
    rule: 'An expired access token is answered 401 with the code `TOKEN_EXPIRED` (go-live page), where the reading token-expired-place puts it.',
    description:
      'An expired access token gets `{success:false, message:"Unauthorized", errors:[{code:"UNAUTHORIZED", message:"TOKEN_EXPIRED"}]}`: the string only as a human-readable message.',
    docs: DOC_PAGES.goLive,
    caughtBy: [
      {
        test: catalog('answers a request with an expired access token with TOKEN_EXPIRED (401)'),
        failure: 'TOKEN_EXPIRED is not at message (reading token-expired-place)',
      },
    ],
  },
] as const satisfies readonly Mutation[];

export type MutationName = (typeof MUTATIONS)[number]['name'];

/** How many days the certificate of `certificate-short-validity` is valid. */
export const SHORT_CERTIFICATE_DAYS = 5;

const NAMES = new Set<string>(MUTATIONS.map((m) => m.name));

export function isMutationName(name: string): name is MutationName {
  return NAMES.has(name);
}

/** Names that are not mutations, for a clear error before anything starts. */
export function unknownMutations(names: readonly string[]): string[] {
  return names.filter((name) => !NAMES.has(name));
}

export function describeUnknownMutations(unknown: readonly string[]): string {
  const list = unknown.map((n) => `"${n}"`).join(', ');
  return `unknown mutation ${list}. Run "npx migo-contract simulator --list-mutations" (or GET /__sim/mutations) for the names.`;
}

/** The mutations switched on in one simulator. Reads are on the hot path, so it is a plain Set lookup. */
export class MutationSet {
  private readonly on = new Set<MutationName>();
  private listeners: Array<() => Promise<void>> = [];

  constructor(initial: readonly string[] = []) {
    this.replace(initial);
  }

  has(name: MutationName): boolean {
    return this.on.size !== 0 && this.on.has(name);
  }

  enabled(): MutationName[] {
    return MUTATIONS.map((m) => m.name).filter((name) => this.on.has(name));
  }

  /** Replaces the whole set; throws on an unknown name and changes nothing then. */
  replace(names: readonly string[]): void {
    const unknown = unknownMutations(names);
    if (unknown.length > 0) throw new Error(describeUnknownMutations(unknown));
    this.on.clear();
    for (const name of names) if (isMutationName(name)) this.on.add(name);
  }

  /** Runs after a change that needs more than a flag (the TLS context is rebuilt). */
  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  async changed(): Promise<void> {
    for (const listener of this.listeners) await listener();
  }

  list(): Array<Mutation & { enabled: boolean }> {
    return MUTATIONS.map((m) => ({ ...m, enabled: this.on.has(m.name) }));
  }
}
