/**
 * Named contract mutations: each one makes the simulator break exactly one documented rule, so the suite can prove
 * that some spec notices (mutation testing of the contract suite). `caughtBy` names the spec files expected to fail
 * while the mutation is on (paths only: the simulator never imports specs); `npm run mutation` checks each claim.
 */
import { DOC_PAGES } from '../schemas/doc-pages';

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
  readonly caughtBy: readonly string[];
}

export const MUTATIONS = [
  // Payment Links (Middleware)
  {
    name: 'payment-link-lowercase-url',
    rule: 'The Payment Link create response names the checkout link `URL` (uppercase).',
    description: 'POST /transactions answers `url` instead of `URL`.',
    docs: DOC_PAGES.paymentLinkQuickstart,
    caughtBy: ['specs/payment-links/create-payment-link.spec.ts'],
  },
  {
    name: 'payment-link-envelope',
    rule: 'The Payment Link create response is the bare object `{uid, reference, URL}`, with no envelope.',
    description: 'POST /transactions wraps the link in `{success, message, data}`.',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: ['specs/payment-links/create-payment-link.spec.ts'],
  },
  {
    name: 'payment-link-bearer-refused',
    rule: 'Payment Links accept the merchant token with a `Bearer ` prefix (the authorizer strips it).',
    description: 'POST /transactions answers 401 to `Authorization: Bearer <token>`.',
    docs: DOC_PAGES.authentication,
    caughtBy: ['specs/payment-links/merchant-token.spec.ts'],
  },
  {
    name: 'payment-link-raw-token-refused',
    rule: 'Payment Links accept the raw merchant token in `Authorization` (the recommended form).',
    description: 'POST /transactions answers 401 to `Authorization: <token>` without `Bearer `.',
    docs: DOC_PAGES.authentication,
    caughtBy: ['specs/payment-links/merchant-token.spec.ts'],
  },
  {
    name: 'missing-token-accepted',
    rule: 'Merchant-token routes require the merchant token in `Authorization`.',
    description: 'Payment Link and Alternative Payments routes answer 2xx without an `Authorization` header.',
    docs: DOC_PAGES.authentication,
    caughtBy: ['specs/payment-links/merchant-token.spec.ts'],
  },
  {
    name: 'wrong-token-accepted',
    rule: 'A merchant token that is not the merchant’s is rejected with 401.',
    description: 'Payment Link and Alternative Payments routes accept any token value.',
    docs: DOC_PAGES.authentication,
    caughtBy: ['specs/payment-links/merchant-token.spec.ts'],
  },
  {
    name: 'hook-wrong-keys-accepted',
    rule: '`POST /transactions-hook` authenticates with the merchant’s `privateKey` + `publicKey` pair.',
    description: 'POST /transactions-hook accepts any key pair.',
    docs: DOC_PAGES.authentication,
    caughtBy: ['specs/payment-links/transactions-hook.spec.ts'],
  },
  // Error envelopes and the catalog (Wallet Gateway, CMS)
  {
    name: 'numeric-error-codes',
    rule: '`errors[].code` is a string (e.g. "7100").',
    description: 'Wallet Gateway and CMS errors carry numeric codes (7000 instead of "7000").',
    docs: DOC_PAGES.errorHandling,
    caughtBy: ['specs/errors/error-catalog.spec.ts'],
  },
  {
    name: 'success-true-with-errors',
    rule: 'An error response has `success: false`.',
    description: 'Wallet Gateway and CMS errors answer `success: true` next to `errors[]`.',
    docs: DOC_PAGES.errorHandling,
    caughtBy: ['specs/errors/error-catalog.spec.ts'],
  },
  {
    name: 'success-false-without-errors',
    rule: 'An error response (`success: false`) carries `errors[]` with `{code, message}`.',
    description: 'Wallet Gateway and CMS errors omit `errors`.',
    docs: DOC_PAGES.errorHandling,
    caughtBy: ['specs/errors/error-catalog.spec.ts'],
  },
  {
    name: 'catalog-status-wrong',
    rule: '7001 GREATER_THAN_ZERO is answered with HTTP 400, as the error catalog says.',
    description: 'An amount ≤ 0 on POST /cards/{cardId}/funds answers 7001 with HTTP 500.',
    docs: DOC_PAGES.errorCatalog,
    caughtBy: ['specs/errors/error-catalog.spec.ts'],
  },
  {
    name: 'catalog-message-changed',
    rule: 'Catalog messages are the exact strings returned by the API.',
    description: 'Every catalog message is reworded (lower case, no final period).',
    docs: DOC_PAGES.errorCatalog,
    caughtBy: ['specs/errors/error-catalog.spec.ts'],
  },
  {
    name: 'unknown-route-wrong-code',
    rule: 'An unknown Wallet Gateway / CMS route answers 404 with 7010 NOT_FOUND ("Not found, verify endpoint"; UNSURE: that unknown routes get it is our reading of that message).',
    description: 'Unknown routes answer 404 with 7004 SERVICES_NOT_FOUND instead of 7010.',
    docs: DOC_PAGES.errorCatalog,
    caughtBy: ['specs/errors/error-catalog.spec.ts'],
  },
  {
    name: 'middleware-error-without-own-code',
    rule: 'Middleware errors use the `ownCode` envelope.',
    description: 'Middleware errors omit `ownCode`.',
    docs: DOC_PAGES.errorHandling,
    caughtBy: ['specs/payment-links/bad-input.spec.ts'],
  },
  // JWT flow (Wallet Gateway, CMS)
  {
    name: 'refresh-token-reusable',
    rule: 'Refresh tokens are single-use.',
    description: 'POST /auth/refresh accepts a refresh token that was already used.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/auth/wallet-token-refresh.spec.ts'],
  },
  {
    name: 'refresh-not-rotating',
    rule: 'Every refresh rotates both tokens.',
    description: 'POST /auth/refresh answers with the same refresh token it was given (and keeps it valid).',
    docs: DOC_PAGES.faq,
    caughtBy: ['specs/auth/wallet-token-refresh.spec.ts'],
  },
  {
    name: 'no-token-expired-code',
    rule: 'An expired access token is answered 401 `TOKEN_EXPIRED`, so the client refreshes instead of logging in.',
    description: 'An expired access token gets a plain `{"statusCode":401,"message":"Unauthorized"}`.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/auth/wallet-token-refresh.spec.ts'],
  },
  {
    name: 'expired-token-accepted',
    rule: 'An access token is valid for its lifetime only (30 minutes by default).',
    description: 'Expired access tokens are accepted.',
    docs: DOC_PAGES.faq,
    caughtBy: ['specs/auth/wallet-token-refresh.spec.ts'],
  },
  {
    name: 'login-bad-signature-accepted',
    rule: 'POST /auth/login verifies the Ed25519 signature made with the merchant’s private key.',
    description: 'POST /auth/login accepts any signature for a known merchant.',
    docs: DOC_PAGES.quickstart,
    caughtBy: ['specs/auth/wallet-login.spec.ts'],
  },
  {
    name: 'configs-application-id-optional',
    rule: 'GET/PATCH /configs require the `applicationId` header.',
    description: '/configs answers 200 without an `applicationId` (or `x-application-id`) header.',
    docs: DOC_PAGES.environments,
    caughtBy: ['specs/auth/wallet-application-id.spec.ts'],
  },
  {
    name: 'cms-raw-user-token-accepted',
    rule: 'The CMS `x-user-token` must carry the `Bearer ` prefix: the guard rejects a raw token.',
    description: 'CMS partner routes accept `x-user-token: <token>` without `Bearer `.',
    docs: DOC_PAGES.cmsOverview,
    caughtBy: ['specs/auth/cms-user-token.spec.ts'],
  },
  {
    name: 'cms-user-token-optional',
    rule: 'CMS partner routes need both the app token and `x-user-token`.',
    description: 'CMS partner routes answer 2xx without `x-user-token`.',
    docs: DOC_PAGES.cmsOverview,
    caughtBy: ['specs/auth/cms-user-token.spec.ts'],
  },
  // Merchant Generic Callback
  {
    name: 'callback-without-uid',
    rule: 'The Merchant Generic Callback body carries `uid`, `reference` and `status`.',
    description: 'Callbacks are sent without `uid`.',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: ['specs/webhooks/duplicate-delivery.spec.ts', 'specs/checkout/happy-path.spec.ts'],
  },
  {
    name: 'redelivery-new-uid',
    rule: 'A redelivery is the same event: receivers dedupe on a stable identifier such as `uid`.',
    description: 'Retries and duplicate deliveries carry a new `uid`.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/webhooks/duplicate-delivery.spec.ts'],
  },
  {
    name: 'callback-not-sent',
    rule: 'A transaction that reaches a terminal status is reported by the Merchant Generic Callback.',
    description: 'No callback is ever sent (as when callbacks are off for the client or its URL is wrong).',
    docs: DOC_PAGES.merchantGenericCallback,
    caughtBy: ['specs/checkout/happy-path.spec.ts'],
  },
  {
    name: 'callback-no-retry',
    rule: 'A non-2xx answer or a timeout is a delivery failure and is retried.',
    description: 'Callbacks are sent once and never retried.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/webhooks/delivery-retry.spec.ts'],
  },
  {
    name: 'callback-reference-differs',
    rule: 'The callback `reference` is the one the create response returned.',
    description: 'Callbacks carry a different `reference`.',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: ['specs/checkout/happy-path.spec.ts'],
  },
  {
    name: 'callback-status-uppercase',
    rule: 'Callback statuses are lowercase (approved, denied, …).',
    description: 'Callbacks carry uppercase statuses (APPROVED, DENIED).',
    docs: DOC_PAGES.createPaymentLink,
    caughtBy: ['specs/webhooks/duplicate-delivery.spec.ts', 'specs/checkout/happy-path.spec.ts'],
  },
  // Hosted checkout
  {
    name: 'declined-card-approved',
    rule: 'A declined charge ends as denied (the declined-charge scenario).',
    description: 'Declined and unknown cards are approved.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/checkout/declined-charge.spec.ts'],
  },
  {
    name: 'three-ds-skipped',
    rule: 'A 3-D Secure card goes through the issuer challenge (the 3-D Secure scenario).',
    description: '3-D Secure cards are approved without showing the challenge.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/checkout/three-d-secure.spec.ts'],
  },
  {
    name: 'three-ds-failure-approved',
    rule: 'A failed 3-D Secure challenge ends as denied.',
    description: 'A failed challenge ends as approved.',
    docs: DOC_PAGES.goLive,
    caughtBy: ['specs/checkout/three-d-secure.spec.ts'],
  },
  {
    name: 'return-url-missing-reference',
    rule: 'The hosted checkout redirects to the return URL with `uid`, `status` and `reference`.',
    description: 'The return URL has no `reference`.',
    docs: DOC_PAGES.hostedWebview,
    caughtBy: ['specs/checkout/happy-path.spec.ts'],
  },
  // Card data (PCI)
  {
    name: 'pan-in-card-response',
    rule: 'PANs are stored tokenized and never echoed: you store the `cardId`, never the PAN.',
    description: 'POST /users/{userId}/cards/virtuals answers with the full card number.',
    docs: DOC_PAGES.security,
    caughtBy: ['specs/security/card-tokenization.spec.ts'],
  },
  {
    name: 'pan-in-return-url',
    rule: 'PANs are never echoed.',
    description: 'The checkout return URL carries the card number (`pan=`).',
    docs: DOC_PAGES.security,
    caughtBy: ['specs/checkout/card-data-never-echoed.spec.ts'],
  },
  {
    name: 'cvv-in-callback',
    rule: 'CVV is never stored or sent on.',
    description: 'Card-payment callbacks carry the CVC the payer typed (`cvv`).',
    docs: DOC_PAGES.security,
    caughtBy: ['specs/checkout/card-data-never-echoed.spec.ts'],
  },
  // Alternative Payments
  {
    name: 'dismiss-approved-ok',
    rule: 'Dismissing an APPROVED, DENIED, EXPIRED or DISMISSED transaction is rejected: 409, ownCode 4020.',
    description: 'Dismissing an APPROVED transaction answers 200 `OK`.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: ['specs/alternative-payments/dismiss.spec.ts'],
  },
  {
    name: 'dismiss-unknown-gateway-code',
    rule: 'Middleware errors use ownCodes outside 7000–8099 (unknown transaction: 404, ownCode 2000).',
    description: 'Dismissing an unknown transaction answers ownCode 7010, a Wallet Gateway catalog code.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: ['specs/alternative-payments/dismiss.spec.ts'],
  },
  {
    name: 'alternative-status-lowercase',
    rule: 'Alternative Payments statuses are uppercase (CREATED … CANCELLED).',
    description: 'The dismiss answer of a cancelled transaction says `status: "cancelled"`.',
    docs: DOC_PAGES.altDismissTransaction,
    caughtBy: ['specs/alternative-payments/dismiss.spec.ts'],
  },
  {
    name: 'unknown-payload-kind',
    rule: 'A payment payload `data.type` is one of url, qr, html, payButton, json, base64.',
    description: 'POST …/payments answers `data.type: "deeplink"`.',
    docs: DOC_PAGES.altProcessPayment,
    caughtBy: ['specs/alternative-payments/payments.spec.ts'],
  },
  {
    name: 'health-without-status-code',
    rule: 'GET /health answers `{statusCode: 200, message: "ok", data: {}}`.',
    description: 'GET /health answers `{message: "ok", data: {}}` without `statusCode`.',
    docs: DOC_PAGES.quickstart,
    caughtBy: ['specs/environments/base-urls.spec.ts'],
  },
  // Transport security
  {
    name: 'tls-1-0-accepted',
    rule: 'TLS 1.2+ is required; TLS 1.0/1.1 are rejected.',
    description: 'The HTTPS surfaces complete TLS 1.0 and 1.1 handshakes.',
    docs: DOC_PAGES.security,
    httpsOnly: true,
    caughtBy: ['specs/security/tls-versions.spec.ts'],
  },
  {
    name: 'hsts-missing',
    rule: 'HTTPS responses send HSTS with `includeSubDomains; preload`.',
    description: 'No `Strict-Transport-Security` header.',
    docs: DOC_PAGES.security,
    httpsOnly: true,
    caughtBy: ['specs/security/hsts.spec.ts'],
  },
  {
    name: 'certificate-short-validity',
    rule: 'Endpoints serve a valid certificate (expiry is monitored; an expiring one is a failure).',
    description: 'The served certificate is valid for 5 days only.',
    docs: DOC_PAGES.goLive,
    httpsOnly: true,
    caughtBy: ['specs/security/certificate.spec.ts'],
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
