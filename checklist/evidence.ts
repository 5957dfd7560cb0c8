/**
 * What proves each go-live item: the evidence model the go-live report judges a run by.
 *
 * An automated item names who can prove it (`provenBy`): Migo's `sandbox`, Migo's `production`, or the
 * `merchant`'s own systems (the handler at MIGO_MERCHANT_HANDLER_URL, the public callback URL), which only a run
 * against a documented Migo host reaches for real. It names its `decisive` specs, which must all run on their
 * first attempt and pass for a PASS; the suite's own check against a stand-in (`standIn`: the simulator, the
 * suite's own receiver; the decisive specs when not given), which gives SIMULATED in a stand-in run; and its
 * `supporting` specs, shown after the decisive ones: their failure fails the item, their pass proves nothing.
 *
 * A manual item says what a person checks, and how (`manual`). Nothing the suite runs can see it (the merchant's
 * own code, logs, storage, network edge or organisation); it may list supporting specs, which check the Migo side
 * the merchant relies on, or the suite's own reference client doing what the merchant's client should.
 *
 * A spec is named as Playwright titles it: `<file under specs/> › <describe> › … › <title>` (SpecRef). Every spec
 * tagged with an item is declared here for it and every declared spec exists in the matrix, both ways
 * (tests/checklist/evidence.test.ts lists the matrix to prove it).
 */
import type { GoLiveId, Target } from './go-live';

/** Who can prove an automated item. */
export type ProofSource = 'sandbox' | 'production' | 'merchant';

/** `<file under specs/> › <describe> › … › <title>`, as `--list` and the run recorder's `titlePath` give it. */
export type SpecRef = string;

export interface AutomatedEvidence {
  readonly provenBy: readonly ProofSource[];
  /** All must run, on their first attempt, in a run that can prove the item, and pass: then the item is PASS. */
  readonly decisive: readonly SpecRef[];
  /** The suite's own check of the item against a stand-in; defaults to `decisive`. */
  readonly standIn?: readonly SpecRef[];
  /** Related checks: a failure fails the item, a pass proves nothing on its own. */
  readonly supporting?: readonly SpecRef[];
}

export interface ManualEvidence {
  /** What a person checks, and how, and who would know. */
  readonly manual: string;
  readonly supporting?: readonly SpecRef[];
}

export type Evidence = AutomatedEvidence | ManualEvidence;

/** The specs of one file (and describe block): `const t = specsOf('a.spec.ts', 'Describe'); t('title')`. */
function specsOf(file: string, ...describe: string[]): (title: string) => SpecRef {
  return (title) => [file, ...describe, title].join(' › ');
}

// ---------------------------------------------------------------------------------------------------------------
// The matrix, by file.

const merchantToken = specsOf('payment-links/merchant-token.spec.ts', 'POST /transactions');
const transactionsHook = specsOf('payment-links/transactions-hook.spec.ts', 'POST /transactions-hook');
const createLink = specsOf('payment-links/create-payment-link.spec.ts', 'POST /transactions');
const badInput = specsOf('payment-links/bad-input.spec.ts', 'POST /transactions');
const ALT = 'POST /api/v1/integrations/transactions';
const altCreate = specsOf('alternative-payments/create-transaction.spec.ts', ALT);
const altMerchantToken = specsOf(
  'alternative-payments/merchant-token.spec.ts',
  `${ALT}/{transactionId}/dismiss`,
);
const dismiss = specsOf('alternative-payments/dismiss.spec.ts', `${ALT}/{transactionId}/dismiss`);
const intents = specsOf(
  'alternative-payments/payment-intents.spec.ts',
  `${ALT}/{transactionId}/payment-intents`,
);
const payments = specsOf('alternative-payments/payments.spec.ts', `${ALT}/{transactionId}/payments`);
const walletLogin = specsOf('auth/wallet-login.spec.ts', 'POST /auth/login');
const walletBearer = specsOf('auth/wallet-bearer-token.spec.ts', 'GET /configs');
const applicationIdConfigs = specsOf('auth/wallet-application-id.spec.ts', 'GET /configs');
const applicationIdCards = specsOf(
  'auth/wallet-application-id.spec.ts',
  'POST /users/{userId}/cards/virtuals',
);
const refresh = specsOf('auth/wallet-token-refresh.spec.ts', 'POST /auth/refresh');
const tokenExpired = specsOf('auth/wallet-token-refresh.spec.ts', '401 TOKEN_EXPIRED');
const cmsUserToken = specsOf('auth/cms-user-token.spec.ts', 'GET /app/partners/{partnerId}/cardholders');
const baseUrls = specsOf('environments/base-urls.spec.ts', 'Base URLs');
const guard = specsOf('environments/production-guard.spec.ts', 'Production guard');
const sandboxToken = specsOf('environments/sandbox-token.spec.ts', 'POST /transactions');
const webviewHost = specsOf('environments/webview-host.spec.ts', 'POST /transactions');
const catalog = specsOf('errors/error-catalog.spec.ts', 'Error catalog');
const reset = specsOf('resilience/connection-reset.spec.ts', 'Connection reset');
const throttled = specsOf('resilience/rate-limit.spec.ts', '429 Too Many Requests');
const transient = specsOf('resilience/transient-failures.spec.ts', 'Transient upstream failures');
const tokenization = specsOf('security/card-tokenization.spec.ts', 'POST /users/{userId}/cards/virtuals');
const certificate = specsOf('security/certificate.spec.ts', 'TLS certificates');
const hsts = specsOf('security/hsts.spec.ts', 'HTTP Strict Transport Security');
const tlsVersions = specsOf('security/tls-versions.spec.ts', 'TLS protocol versions');
const signing = specsOf('webhooks/callback-signing.spec.ts', 'Merchant Generic Callback signing');
const staticHeader = specsOf(
  'webhooks/callback-signing.spec.ts',
  'Merchant Generic Callback signing',
  'static header',
);
const ed25519 = specsOf(
  'webhooks/callback-signing.spec.ts',
  'Merchant Generic Callback signing',
  'Ed25519 (Standard Webhooks)',
);
const deliveryRetry = specsOf('webhooks/delivery-retry.spec.ts', 'Merchant Generic Callback retries');
const duplicate = specsOf('webhooks/duplicate-delivery.spec.ts', 'Merchant Generic Callback redelivery');
const httpsReceiver = specsOf('webhooks/https-receiver.spec.ts', 'Merchant Generic Callback over HTTPS');
const replayed = specsOf('webhooks/replayed-delivery.spec.ts', 'Merchant Generic Callback replay');
const threeDs = specsOf('checkout/three-d-secure.spec.ts', '3-D Secure challenge');

const HAPPY_PATH = specsOf('checkout/happy-path.spec.ts')(
  'approves a charge: link → pay → return URL → callback approved',
);
const DECLINED = [
  'ends denied on a generic decline: return URL and callback, never fulfilled as approved',
  'ends denied on insufficient funds: return URL and callback, never fulfilled as approved',
  'ends denied on an expired card: return URL and callback, never fulfilled as approved',
].map(specsOf('checkout/declined-charge.spec.ts'));
const THREE_DS = [
  threeDs('ends approved when the issuer challenge is approved'),
  threeDs('ends denied when the issuer challenge fails'),
];
const MASTERCARD_NO_CARD_DATA = specsOf('checkout/card-data-never-echoed.spec.ts')(
  'leaves no PAN or CVV of a Mastercard charge in the return URL, the checkout pages or the callback',
);
const CHECKOUTS = [HAPPY_PATH, ...DECLINED, ...THREE_DS];
/** A real charge's own callback replayed to the merchant's handler, byte for byte: the scenario as Migo plays it. */
const MERCHANT_HANDLER_REPLAY = specsOf('checkout/replay-to-merchant-handler.spec.ts')(
  'answers a delivery and its replay with 2xx within the handler budget',
);
/**
 * The merchant probe (fixtures/merchant-probe): the only specs that decide the items about the merchant's own
 * systems. Each is skipped, with the variable to set, when MIGO_MERCHANT_HANDLER_URL (or, for the fulfilment count,
 * MIGO_MERCHANT_FULFILMENT_URL) is unset, so those items are NOT RUN: never PASS, and never SIMULATED from the
 * suite's own receiver. A handler on loopback, or any run against a stand-in for Migo, gives SIMULATED at best
 * (reporters/go-live/merchant-handler.ts).
 */
const probe = specsOf(
  'webhooks/merchant-handler.spec.ts',
  'Your webhook handler (MIGO_MERCHANT_HANDLER_URL)',
);
const PROBE_ACKNOWLEDGES = probe(
  'acknowledges a delivery, its duplicate and a later replay with 2xx within the budget, and an older status without an error',
);
const PROBE_BAD_INPUT = probe(
  'refuses a malformed and an oversized body with 4xx (or a 2xx that fulfils nothing), never a 5xx or silence',
);
const PROBE_FULFILS_ONCE = probe(
  'fulfils a delivery exactly once: its duplicate, an older status, a replay and bad bodies fulfil nothing more',
);
const PROBE_CERTIFICATE = probe(
  'serves HTTPS with a certificate that is trusted, names its host and stays valid for the configured days',
);
const OWN_RECEIVER_REDELIVERY = [
  duplicate('redelivers an event with the same uid and reference, and the handler fulfils it once'),
  replayed('answers a replayed delivery 2xx and does not fulfil it again'),
];
/** The merchant's own webhook receiver, where production callbacks go. */
const HANDLER_TLS = httpsReceiver(
  'your webhook handler serves HTTPS with a trusted certificate valid for the configured days',
);
/** Where Migo calls in this run: possibly a tunnel to the suite's own receiver, so it never decides. */
const PUBLIC_CALLBACK_TLS = httpsReceiver(
  'the public callback URL serves HTTPS with a trusted certificate valid for the configured days',
);
const OWN_HTTPS_RECEIVER = httpsReceiver(
  'delivers to a receiver serving HTTPS, and never to one whose certificate it cannot trust',
);
const PRODUCTION_CONFIGURATION = guard("passes this run's own configuration");
const SANDBOX_TOKEN_REFUSED = sandboxToken(
  'refuses the sandbox merchant token on the production host with 401',
);

const MERCHANT_TOKEN_FORMS = [
  merchantToken('creates a link with the merchant token in each form the authorizer accepts, and only those'),
  altMerchantToken(
    'authenticates the merchant token in each form the reading alternative-bearer accepts, and only those',
  ),
  merchantToken('rejects a request without Authorization with 401'),
  merchantToken("rejects a raw token that is not the merchant's with 401"),
  merchantToken("rejects a Bearer token that is not the merchant's with 401"),
];
const HOOK_KEY_PAIR = [
  transactionsHook('creates a link with the privateKey + publicKey pair in the body'),
  transactionsHook("rejects a privateKey that does not pair with the merchant's publicKey with 401"),
];
const ALT_CREATE = altCreate(
  'creates a transaction with the Bearer merchant token, listing paymentMethods and expireAt in seconds',
);
const ALT_DISMISS_OK = [
  dismiss(
    'dismisses a CREATED transaction with the text OK, and answers a repeat with OK or 409 (ownCode 4020)',
  ),
  dismiss('dismisses a transaction after payment-intents (USED) with the text OK'),
  dismiss(
    'cancels an IN_PROGRESS zigi transaction as the reading zigi-dismiss says (default: its cancel hook, CANCELLED as JSON)',
  ),
];
const ALT_INTENTS_OK = [
  intents('answers fri with the requiredFields phoneNumber and user'),
  intents('answers data null for a processor that is not special-cased'),
];
const ALT_PAYMENTS_OK = [
  payments('renders a url instruction for bamPaymentButton'),
  payments('renders a qr instruction for akisiQR'),
  payments('renders a html instruction for zigi'),
  payments('renders a payButton instruction for nequi'),
  payments('renders a json instruction for quickPayQR'),
  payments('renders a base64 instruction for bancoIndustrial'),
];
const ALT_ERRORS = [
  dismiss('refuses an IN_PROGRESS transaction whose processor has no cancel hook with 405 (ownCode 4021)'),
  dismiss('refuses an APPROVED transaction with 409 (ownCode 4020)'),
  dismiss('refuses a DENIED transaction with 409 (ownCode 4020)'),
  dismiss('refuses a transaction past its expireAt (EXPIRED) with 409 (ownCode 4020)'),
  dismiss('answers an unknown transaction with 404 (ownCode 2000)'),
  dismiss('answers a missing transactionId with 400 (ownCode 5000)'),
  intents('rejects an unknown processor as a validation error in the ownCode envelope'),
  payments('rejects an unknown processor as a validation error in the ownCode envelope'),
];
const MIDDLEWARE_BAD_INPUT = [
  badInput('rejects amount 0 with a Middleware validation error (ownCode outside 7000–8099)'),
  badInput('rejects an amount sent as a string with a Middleware validation error'),
  badInput('rejects a body without userId with a Middleware validation error'),
];
const FORM_ENCODED_REFUSED = badInput(
  'rejects a form-encoded body (not application/json) with a Middleware validation error',
);
const LINK_IDENTIFIERS = [
  createLink('answers uid, reference and an uppercase URL at the top level, with no envelope'),
  createLink('opens the hosted checkout of the returned uid at URL (orderId = uid)'),
  createLink('issues a new uid and reference for every link'),
];
const WALLET_LOGIN = [
  walletLogin('issues an access token and a refresh token for the Ed25519-signed merchant slug'),
  walletLogin("rejects a signature made with a key that is not the merchant's with 401"),
];
/** The catalog codes a client can drive against Migo itself (no control API, no model of the simulator's). */
const CATALOG_AGAINST_MIGO = [
  'rejects a funds operation that is not ADD_FUNDS or WITHDRAW_FUNDS with 7000 CHECK_PARAMETERS (400)',
  'rejects an amount of 0 with 7001 GREATER_THAN_ZERO (400)',
  'rejects an amount with five decimals with 7002 INVALID_FORMAT_AMOUNT (400)',
  'answers a route the Wallet Gateway does not have with 7010 NOT_FOUND (404)',
  'refuses to issue a card to a user that does not exist with 7100 USER_NOT_FOUND (404, assumed)',
  'refuses funds for a card that does not exist with 7200 CARD_NOT_FOUND (404, assumed)',
  'refuses to withdraw more than the card balance with 7303 INSUFFICIENT_FUNDS (409, assumed)',
  'answers a dismiss without a transactionId with 5000 MISSING_TRANSACTION_ID (400)',
  'answers a dismiss of a transaction that does not exist with 2000 TRANSACTION_NOT_FOUND (404)',
].map(catalog);
/** Driven only through the simulator (its clock, its control API) or its model where the docs are silent. */
const CATALOG_SIMULATED = [
  'answers a request with an expired access token with TOKEN_EXPIRED (401)',
  'refuses to dismiss an IN_PROGRESS transaction whose processor has no cancel hook with 4021 PROCESSOR_CANNOT_CANCEL (405)',
  'refuses to dismiss an APPROVED transaction with 4020 INELIGIBLE_STATUS (409)',
].map(catalog);
const GUARD_REFUSALS = [
  guard('refuses the sandbox middleware host in MIGO_MIDDLEWARE_URL'),
  guard('refuses the sandbox walletGateway host in MIGO_WALLET_URL'),
  guard('refuses the sandbox cms host in MIGO_CMS_URL'),
  guard('refuses the sandbox webview host in MIGO_WEBVIEW_URL'),
  guard('refuses the non-production host localhost:3000 in MIGO_MIDDLEWARE_URL'),
  guard('refuses the non-production host mw.dev.migopayments.com in MIGO_MIDDLEWARE_URL'),
  guard('refuses the non-production host hooks.staging.example.net in MIGO_CALLBACK_PUBLIC_URL'),
  guard('refuses a merchant token equal to the sandbox token'),
  guard("refuses the simulator's test card as the production card"),
  guard('refuses a publicly documented test card as the production card'),
  guard('refuses the configured sandbox test card as the production card'),
];
const GUARD_CONFIRMATION = [
  guard('refuses a run without MIGO_CONFIRM_PRODUCTION'),
  guard('refuses a confirmation that is not exactly the client slug'),
  guard('refuses a charge above the production cap'),
  guard('guards production only: the same sandbox values are allowed for a sandbox run'),
];
const GUARD_BOTH = [
  guard('allows a confirmed production configuration with no sandbox trace'),
  guard('names every refusal at once, without echoing the token or the card number'),
];
const TLS_VERSIONS = [
  tlsVersions('completes a TLS 1.2 handshake on every HTTPS endpoint'),
  tlsVersions('rejects a TLS 1.0 handshake on every HTTPS endpoint'),
  tlsVersions('rejects a TLS 1.1 handshake on every HTTPS endpoint'),
];
const CERTIFICATE = certificate(
  'serves a trusted certificate for the host, valid for at least the configured number of days',
);
const HSTS = hsts('sends HSTS with a max-age, includeSubDomains and preload on every HTTPS endpoint');
const CALLBACK_SIGNING = [
  signing('sends no signature or credential header by default'),
  staticHeader('accepts a delivery carrying the configured x-api-key header'),
  staticHeader('accepts a delivery carrying the configured authorization header'),
  staticHeader('answers 4xx, and does not fulfil, a delivery whose x-api-key is wrong'),
  ed25519(
    'accepts a delivery signed with the webhook key, with webhook-id stable across a retry and a duplicate',
  ),
  ed25519('answers 4xx, and does not fulfil, a delivery that does not verify against the key'),
];
const OWN_CLIENT_RETRIES = [
  reset('does not repeat a Payment Link create whose connection was reset, and says why'),
  reset('repeats a repeatable operation whose connection was reset'),
  transient(
    'retries 502, 503 and 504 on a repeatable operation with jittered exponential backoff, then succeeds',
  ),
  transient('does not repeat a Payment Link create answered 503'),
];
const OWN_CLIENT_429 = [
  throttled('retries a throttled Payment Link create after the Retry-After wait, then creates it'),
  throttled('shows the raw 429 with its Retry-After when retries are off'),
];
const CARD_TOKENIZATION = tokenization(
  'issues a card referred to by a numeric cardId, with no card number in the answer',
);

// ---------------------------------------------------------------------------------------------------------------
// What a person checks, for the items nothing the suite runs can see.

const CONFIRM_WITH_MIGO =
  'Ask your Migo onboarding contact, and keep their written answer with this sign-off';
const LOCAL_BASE_URL = (url: string) =>
  `Check that no sandbox or production configuration of your services points at ${url}: it is where Migo's own ` +
  'services run on a developer machine, and nothing a merchant deploys uses it (search the deployed ' +
  'configuration and secrets for "localhost" and "127.0.0.1").';

/**
 * The specs that reach the merchant's own systems (MIGO_MERCHANT_HANDLER_URL): the only ones that may decide an item
 * proven by `merchant`. Each is skipped, naming the variable, when the handler is not configured.
 */
export const MERCHANT_SYSTEM_SPECS: readonly SpecRef[] = [
  PROBE_ACKNOWLEDGES,
  PROBE_BAD_INPUT,
  PROBE_FULFILS_ONCE,
  PROBE_CERTIFICATE,
  MERCHANT_HANDLER_REPLAY,
  HANDLER_TLS,
];

export const EVIDENCE = {
  // Credentials & authentication
  'GL-AUTH-01': {
    provenBy: ['production'],
    decisive: [SANDBOX_TOKEN_REFUSED],
    supporting: [guard('refuses a merchant token equal to the sandbox token')],
  },
  'GL-AUTH-02': {
    manual:
      'Check where the production merchant token lives: in your secret manager, read by your server at run time; ' +
      'never in the repository, a mobile or browser bundle, a client-side config file or a log. Check the ' +
      'rotation procedure with Migo exists (the token is long-lived and has no refresh).',
  },
  'GL-AUTH-03': {
    provenBy: ['sandbox', 'production'],
    decisive: [...MERCHANT_TOKEN_FORMS, ...HOOK_KEY_PAIR, ALT_CREATE],
    supporting: [...ALT_DISMISS_OK, ...ALT_INTENTS_OK, ...ALT_PAYMENTS_OK],
  },
  'GL-AUTH-04': {
    manual:
      'Check, if you use the Wallet Gateway JWT flow, that your client answers a 401 whose body says TOKEN_EXPIRED ' +
      'with one call to the refresh endpoint (never a new login), that the new refresh token replaces the old one, ' +
      'and that the old one is never sent again. Read that code path, or let an access token expire in sandbox and ' +
      "watch your client's requests. The supporting specs check Migo's side (rotation, single use) and the suite's " +
      'own client doing it.',
    supporting: [
      ...WALLET_LOGIN,
      refresh('rotates both the access token and the refresh token'),
      refresh('rejects a refresh token that was already used with 401 (single-use)'),
      tokenExpired('answers a request with an expired access token with 401 TOKEN_EXPIRED'),
      tokenExpired('is answered by a refresh, not a new login, and the old refresh token is discarded'),
    ],
  },
  'GL-AUTH-05': {
    manual: `Check that Migo has your production server IPs (the source of your outbound calls) on its allowlist. ${CONFIRM_WITH_MIGO}.`,
  },
  // Environments
  'GL-ENV-01': {
    provenBy: ['production'],
    decisive: [
      baseUrls('serves the Wallet Gateway at the documented base URL: GET /health answers'),
      baseUrls('serves the Middleware at the documented base URL: POST /transactions creates a link'),
      baseUrls('serves the CMS Backoffice at the documented base URL: the app login answers'),
    ],
    supporting: [webviewHost("returns a link that opens the hosted checkout of the target's environment")],
  },
  'GL-ENV-02': {
    provenBy: ['production'],
    decisive: [PRODUCTION_CONFIGURATION],
    supporting: [...GUARD_REFUSALS, ...GUARD_BOTH, SANDBOX_TOKEN_REFUSED],
  },
  // Integration correctness: the recommended scenarios, walked through in sandbox.
  'GL-SCN-01': { provenBy: ['sandbox'], decisive: [HAPPY_PATH] },
  'GL-SCN-02': { provenBy: ['sandbox'], decisive: DECLINED },
  'GL-SCN-03': { provenBy: ['sandbox'], decisive: THREE_DS },
  'GL-SCN-04': {
    // Against Migo, only the merchant's handler can show what a duplicate or a replay does to an order; the
    // suite's own receiver shows the scenario's checks work (SIMULATED), never that the merchant's handler does.
    provenBy: ['merchant'],
    decisive: [PROBE_ACKNOWLEDGES, PROBE_FULFILS_ONCE, MERCHANT_HANDLER_REPLAY],
    standIn: OWN_RECEIVER_REDELIVERY,
  },
  'GL-INT-01': {
    manual:
      "Check your storage: card payments keep Migo's numeric cardId (and the transaction uid), and no table, " +
      'document, cache or queue holds a card number or a CVV. Query the stores that handle payments for 13–19 ' +
      'digit runs that pass the Luhn check. The supporting specs check that Migo never hands you a PAN to store.',
    supporting: [CARD_TOKENIZATION, MASTERCARD_NO_CARD_DATA, ...CHECKOUTS],
  },
  'GL-INT-02': {
    manual:
      'Check the code that handles the Payment Link create response, the return URL and the callback: uid and ' +
      'reference are read from those responses and stored as received; nothing builds them (no templates, ' +
      "counters or guesses). The supporting specs check that Migo's identifiers agree across all three.",
    supporting: [
      ...LINK_IDENTIFIERS,
      MERCHANT_TOKEN_FORMS[0]!,
      HOOK_KEY_PAIR[0]!,
      ALT_CREATE,
      ...ALT_DISMISS_OK,
      dismiss('dismisses an IN_PROGRESS transaction with a generic upstream cancel with the text OK'),
      dismiss('leaves a CREATED transaction DISMISSED after a dismiss and its repeat: the state read back'),
      ...ALT_INTENTS_OK,
      ...ALT_PAYMENTS_OK,
      ...ALT_ERRORS,
      ...CHECKOUTS,
    ],
  },
  // Webhooks
  'GL-WH-01': {
    // No stand-in: a receiver the suite started proves nothing about the merchant's.
    provenBy: ['merchant'],
    decisive: [PROBE_CERTIFICATE],
    supporting: [HANDLER_TLS, PUBLIC_CALLBACK_TLS, OWN_HTTPS_RECEIVER],
  },
  'GL-WH-02': {
    manual:
      "Check your network edge (load balancer, WAF or firewall) accepts webhook calls only from Migo's " +
      `published source addresses, and whether Ed25519 signing is active for your tenant. ${CONFIRM_WITH_MIGO}. ` +
      "The supporting specs check the suite's own receiver against each signing mode.",
    supporting: CALLBACK_SIGNING,
  },
  'GL-WH-03': {
    // The retry half of the item is Migo's; the specs showing the simulator retrying only support it.
    provenBy: ['merchant'],
    decisive: [PROBE_ACKNOWLEDGES],
    supporting: [
      PROBE_BAD_INPUT,
      MERCHANT_HANDLER_REPLAY,
      deliveryRetry('retries a delivery answered 503 and the retry is fulfilled once'),
      deliveryRetry('retries a delivery the handler did not answer in time'),
    ],
  },
  'GL-WH-04': {
    manual: `Check which dispatch path and retry schedule Migo selected for your client, and that your handler copes with it. ${CONFIRM_WITH_MIGO}.`,
  },
  // Error handling & idempotency
  'GL-ERR-01': {
    manual:
      'Check your callers: every call to Migo reads the error code from the body (CustomResponse errors[].code, ' +
      'the Middleware ownCode) rather than the HTTP status alone, and maps each code of the Error Catalog to a ' +
      'behaviour. The supporting specs check that Migo answers each code a client can provoke as the catalog says.',
    supporting: [
      ...CATALOG_AGAINST_MIGO,
      ...CATALOG_SIMULATED,
      catalog('classifies every catalog code as driven here or not drivable, with a reason'),
      ...ALT_ERRORS,
      ...MIDDLEWARE_BAD_INPUT,
    ],
  },
  'GL-ERR-02': {
    // Only the merchant's fulfilment count shows a replay fulfilled nothing: no stand-in.
    provenBy: ['merchant'],
    decisive: [PROBE_FULFILS_ONCE],
    supporting: [PROBE_BAD_INPUT, MERCHANT_HANDLER_REPLAY, ...OWN_RECEIVER_REDELIVERY],
  },
  'GL-ERR-03': {
    manual:
      'Check your client: a transient failure (connection reset, 502, 503, 504) of a request that is safe to ' +
      'repeat is retried with exponential backoff and jitter, a 429 waits at least its Retry-After, and a ' +
      'money-moving POST (Payment Link, payment, funds) is never repeated blindly (there is no Idempotency-Key). ' +
      'Read the retry code, or run your client against "npx migo-contract simulator" with faults switched on. ' +
      "The supporting specs show the suite's own client doing it, not yours.",
    supporting: [...OWN_CLIENT_RETRIES, OWN_CLIENT_429[0]!],
  },
  // Observability
  'GL-OBS-01': {
    manual:
      'Check your monitoring has an alert on the rate of 4xx and 5xx answers from each Migo surface, and that it ' +
      'reaches someone on call. Trigger it once (in sandbox) and keep the alert as evidence.',
  },
  'GL-OBS-02': {
    manual:
      'Check your monitoring alerts on webhook handler failures (non-2xx answers, timeouts) and on the expiry of ' +
      "the webhook receiver's TLS certificate, well before it expires. The run's certificate checks are evidence, " +
      'not an alert.',
  },
  'GL-OBS-03': {
    manual:
      'Check your logs (application, webhook handler, proxies, log pipeline) after a sandbox card payment: no ' +
      'card number, CVV, merchant token, private key or JWT appears. Search them for the test card number and the ' +
      'token. The supporting specs check that Migo never sends a PAN or CVV your logs could pick up.',
    supporting: [CARD_TOKENIZATION, MASTERCARD_NO_CARD_DATA, ...CHECKOUTS],
  },
  'GL-OBS-04': {
    manual: `Check your team knows how to ask Migo for a delivery report and for a missed delivery to be re-sent (there is no self-service replay endpoint). ${CONFIRM_WITH_MIGO}.`,
  },
  // Production cutover
  'GL-CUT-01': {
    provenBy: ['production'],
    decisive: TLS_VERSIONS,
    supporting: [CERTIFICATE, HSTS],
  },
  'GL-CUT-02': {
    manual: 'Check that your security team completed a review against your PCI scope, and file its report.',
  },
  'GL-CUT-03': {
    manual:
      'Check the incident runbook exists and names the Migo contact, the escalation path and your merchant-token ' +
      'rotation procedure.',
  },
  'GL-CUT-04': { provenBy: ['production'], decisive: [HAPPY_PATH] },
  // Environment matrix
  'GL-ENV-03': {
    manual:
      'Check that your sandbox client at Migo is not connected to a live acquirer, and that only the test cards ' +
      `Migo issued are ever used in sandbox. ${CONFIRM_WITH_MIGO}. The supporting spec checks that a sandbox ` +
      'link opens the sandbox checkout, never the production one.',
    supporting: [webviewHost("returns a link that opens the hosted checkout of the target's environment")],
  },
  'GL-ENV-04': {
    provenBy: ['production'],
    decisive: [PRODUCTION_CONFIGURATION],
    supporting: [...GUARD_CONFIRMATION, ...GUARD_BOTH],
  },
  // Base URLs
  'GL-URL-01': {
    provenBy: ['production'],
    decisive: [baseUrls('serves the Wallet Gateway at the documented base URL: GET /health answers')],
  },
  'GL-URL-02': {
    provenBy: ['sandbox'],
    decisive: [baseUrls('serves the Wallet Gateway at the documented base URL: GET /health answers')],
  },
  'GL-URL-03': {
    manual: LOCAL_BASE_URL('http://localhost:3010'),
    supporting: [baseUrls('serves the Wallet Gateway at the documented base URL: GET /health answers')],
  },
  'GL-URL-04': {
    provenBy: ['production'],
    decisive: [
      baseUrls('serves the Middleware at the documented base URL: POST /transactions creates a link'),
    ],
  },
  'GL-URL-05': {
    provenBy: ['sandbox'],
    decisive: [
      baseUrls('serves the Middleware at the documented base URL: POST /transactions creates a link'),
    ],
  },
  'GL-URL-06': {
    manual: LOCAL_BASE_URL('http://localhost:3000'),
    supporting: [
      baseUrls('serves the Middleware at the documented base URL: POST /transactions creates a link'),
    ],
  },
  'GL-URL-07': {
    provenBy: ['production'],
    decisive: [baseUrls('serves the CMS Backoffice at the documented base URL: the app login answers')],
  },
  'GL-URL-08': {
    provenBy: ['sandbox'],
    decisive: [baseUrls('serves the CMS Backoffice at the documented base URL: the app login answers')],
  },
  'GL-URL-09': {
    manual: LOCAL_BASE_URL('http://localhost:3000'),
    supporting: [baseUrls('serves the CMS Backoffice at the documented base URL: the app login answers')],
  },
  // Required headers
  'GL-HDR-01': {
    provenBy: ['sandbox', 'production'],
    decisive: [
      walletBearer('answers a request with Authorization: Bearer <access token> (200)'),
      walletBearer('rejects a request without Authorization with 401'),
      walletBearer('rejects a Bearer token the gateway did not issue with 401'),
    ],
    supporting: WALLET_LOGIN,
  },
  'GL-HDR-02': {
    // Issuing a card is not production-safe, so only a sandbox run sees all three.
    provenBy: ['sandbox'],
    decisive: [
      applicationIdConfigs('rejects a request without the applicationId header with a 4xx gateway error'),
      applicationIdConfigs('answers a request with the applicationId header (200)'),
      applicationIdCards(
        'issues a card with the applicationId header where the reading puts it (default: only /configs needs it)',
      ),
    ],
  },
  'GL-HDR-03': {
    provenBy: ['sandbox', 'production'],
    decisive: [
      cmsUserToken('lists cardholders with the app token and x-user-token: Bearer <user token> (200)'),
      cmsUserToken('rejects a raw user token in x-user-token (no Bearer prefix) with 401'),
      cmsUserToken('rejects a call with the app token but without x-user-token with 401'),
    ],
    supporting: [cmsUserToken('refuses a partner the user is not assigned to with 403')],
  },
  'GL-HDR-04': {
    // Every other POST of the run sends application/json and is accepted: this one shows the header matters.
    provenBy: ['sandbox', 'production'],
    decisive: [FORM_ENCODED_REFUSED],
  },
  // Going from sandbox to production
  'GL-PROD-01': { provenBy: ['production'], decisive: [SANDBOX_TOKEN_REFUSED] },
  'GL-PROD-02': {
    provenBy: ['merchant'],
    decisive: [PROBE_CERTIFICATE],
    supporting: [HANDLER_TLS, PUBLIC_CALLBACK_TLS, OWN_HTTPS_RECEIVER],
  },
  'GL-PROD-03': {
    manual: `Check every IP allowlisting requirement in both directions (your calls to Migo, Migo's calls to your webhook receiver). ${CONFIRM_WITH_MIGO}.`,
  },
  'GL-PROD-04': {
    manual:
      'Check this go-live report as a whole: every automated item PASS from a sandbox and a production run, and every ' +
      'manual item signed off by the person who checked it.',
  },
  // Rate limits
  'GL-RATE-01': {
    manual: `Check the throttling limits that apply to your client before any load test or high-volume traffic. ${CONFIRM_WITH_MIGO}.`,
  },
  'GL-RATE-02': {
    manual:
      'Check your client: a 429 Too Many Requests is retried with exponential backoff that waits at least the ' +
      "Retry-After the answer gives. Read the retry code, or throttle your client with the simulator's faults. " +
      "The supporting specs show the suite's own client doing it, not yours.",
    supporting: OWN_CLIENT_429,
  },
} as const satisfies Record<GoLiveId, Evidence>;

export function evidenceOf(id: GoLiveId): Evidence {
  return EVIDENCE[id];
}

export function isManual(evidence: Evidence): evidence is ManualEvidence {
  return 'manual' in evidence;
}

/** Every spec an item declares, decisive first, each once. */
export function declaredSpecs(evidence: Evidence): SpecRef[] {
  const all = isManual(evidence)
    ? [...(evidence.supporting ?? [])]
    : [...evidence.decisive, ...(evidence.standIn ?? []), ...(evidence.supporting ?? [])];
  return [...new Set(all)];
}

/** The suite's check of an automated item against a stand-in. */
export function standInSpecs(evidence: AutomatedEvidence): readonly SpecRef[] {
  return evidence.standIn ?? evidence.decisive;
}

/** The run targets that can PASS an item: the merchant's systems are reached in a sandbox or production run. */
export function provableIn(item: { id: GoLiveId }): readonly Target[] {
  const evidence = evidenceOf(item.id);
  if (isManual(evidence)) return [];
  const targets = evidence.provenBy.flatMap((source): Target[] =>
    source === 'merchant' ? ['sandbox', 'production'] : [source],
  );
  return (['sandbox', 'production'] as const).filter((target) => targets.includes(target));
}
