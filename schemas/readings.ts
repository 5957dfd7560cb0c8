/**
 * The readings: every point where the Migo docs are silent or contradict each other, as one independent question
 * with its options, the doc source of each option, and today's choice. This table is the only place a guess is
 * written: schemas, clients, checks, specs and the simulator read the option in force from a run's profile
 * (`Readings`), never a literal of their own. A profile is resolved by `fixtures/config/readings-profile.ts`
 * (migo-readings.json, MIGO_READINGS_FILE, MIGO_READINGS); the simulator serves any option
 * (`startSimulator({ readings })`, `npx migo-contract simulator --reading name=option`).
 *
 * `kind` says where the reading shows: `answered` readings are about what Migo sends (a check re-evaluated under
 * the other options tells which one the target follows); `sent` readings are about what the client sends (the
 * target only refuses: a client may probe the other options once, never on a call that moves money).
 * `affects` names the files that read the reading (a test checks each of them mentions it).
 */
import { DOC_PAGES } from './doc-pages';
import { ERROR_CATALOG, STATUS_RULE_ORDER, type CatalogEntry } from './error-catalog';

/** Where an option comes from: a quote of the page, or what the page leaves unsaid. */
export type ReadingSource = { page: string; quote: string } | { page: string; silent: string };

export interface ReadingOption {
  readonly name: string;
  /** What the option means on the wire. */
  readonly means: string;
  readonly sources: readonly ReadingSource[];
}

export interface ReadingSpec {
  /** kebab-case, stable: profiles, MIGO_READINGS and reports refer to it. */
  readonly name: string;
  readonly question: string;
  readonly kind: 'sent' | 'answered';
  readonly options: readonly ReadingOption[];
  /** Today's choice. */
  readonly default: string;
  /** Repository files that take the reading from the profile. */
  readonly affects: readonly string[];
  /** A variable of its own that stays as an alias of this reading. */
  readonly alias?: string;
}

const quote = (page: string, text: string): ReadingSource => ({ page, quote: text });
const silent = (page: string, what: string): ReadingSource => ({ page, silent: what });

const WALLET_CLIENT = 'fixtures/clients/wallet-gateway.ts';
const WALLET_SIMULATOR = 'simulator/surfaces/wallet-gateway.ts';
const MIDDLEWARE_SIMULATOR = 'simulator/surfaces/middleware.ts';
const SIMULATOR_ERRORS = 'simulator/errors.ts';
const CHECKS = 'fixtures/clients/checks.ts';

const DESCRIBED = [
  {
    name: 'wallet-login-signed-bytes',
    question: 'Which bytes does the Ed25519 signature of the Wallet Gateway login (POST /auth/login) cover?',
    kind: 'sent',
    options: [
      {
        name: 'merchant-slug',
        means: 'the UTF-8 bytes of the merchant slug sent as `merchant`',
        sources: [
          silent(
            DOC_PAGES.quickstart,
            'the quickstart shows {"merchant", "signature": "<ed25519-signature-base64>"} but does not say what is signed',
          ),
        ],
      },
      {
        name: 'merchant-json',
        means: 'the UTF-8 JSON text {"merchant":"<slug>"}, the login payload without its signature',
        sources: [quote(DOC_PAGES.quickstart, 'an Ed25519 private key to sign login payloads')],
      },
    ],
    default: 'merchant-slug',
    affects: ['schemas/login-request.schema.ts', WALLET_CLIENT, 'simulator/credentials.ts'],
  },
  {
    name: 'wallet-envelope',
    question:
      'Which envelope do the Wallet Gateway login, refresh and health answers use (docs contradiction A.7 #1)?',
    kind: 'answered',
    options: [
      {
        name: 'quickstart',
        means: '{statusCode: 200, message, data}',
        sources: [
          quote(
            DOC_PAGES.quickstart,
            '{"statusCode": 200, "message": "ok", "data": {"accessToken": "...", ...}} for POST /auth/login; {"statusCode": 200, "message": "ok", "data": {}} for GET /health',
          ),
        ],
      },
      {
        name: 'custom-response',
        means: '{success: true, message, data} (CustomResponse)',
        sources: [
          quote(
            DOC_PAGES.errorHandling,
            '{ success: boolean; message?: string; data?: T; errors?: { code: string; message: string }[] }',
          ),
        ],
      },
    ],
    default: 'quickstart',
    affects: ['schemas/login-response.schema.ts', 'schemas/health.schema.ts', WALLET_SIMULATOR],
  },
  {
    name: 'wallet-refresh-body',
    question: 'How does the Wallet Gateway refresh request carry the refresh token?',
    kind: 'sent',
    options: [
      {
        name: 'refresh-token',
        means: 'a JSON body {refreshToken}',
        sources: [
          quote(DOC_PAGES.cmsUsers, 'POST /app/auth/refresh { "refreshToken": "<app-refresh-token>" }'),
          silent(
            DOC_PAGES.authentication,
            'the Refresh section of the authentication page could not be read',
          ),
        ],
      },
      {
        name: 'authorization-header',
        means: 'no body: Authorization: Bearer <refresh token>',
        sources: [
          quote(DOC_PAGES.environments, 'Every request must include: Authorization | Bearer <jwt>'),
          silent(
            DOC_PAGES.authentication,
            'the Refresh section of the authentication page could not be read',
          ),
        ],
      },
    ],
    default: 'refresh-token',
    affects: ['schemas/refresh-request.schema.ts', WALLET_CLIENT, WALLET_SIMULATOR],
  },
  {
    name: 'wallet-refresh-path',
    question: 'At which path does the Wallet Gateway rotate the token pair?',
    kind: 'sent',
    options: [
      {
        name: '/auth/refresh',
        means: 'POST /auth/refresh, beside POST /auth/login',
        sources: [
          quote(
            DOC_PAGES.cmsUsers,
            'the CMS app refreshes at POST /app/auth/refresh, beside POST /app/auth/login',
          ),
          silent(DOC_PAGES.authentication, 'the Refresh section (with the path) could not be read'),
        ],
      },
      {
        name: '/users/auth/refresh',
        means: 'POST /users/auth/refresh, beside the other Wallet Gateway session routes',
        sources: [
          quote(DOC_PAGES.pinManagement, 'POST /users/auth/otp … PUT /users/auth/otp (elevated session)'),
          silent(DOC_PAGES.authentication, 'the Refresh section (with the path) could not be read'),
        ],
      },
    ],
    default: '/auth/refresh',
    affects: ['schemas/operations.ts', WALLET_SIMULATOR],
    alias: 'MIGO_WALLET_REFRESH_PATH',
  },
  {
    name: 'middleware-error-layout',
    question: 'Which fields does a Middleware error body carry besides ownCode?',
    kind: 'answered',
    options: [
      {
        name: 'success-own-code',
        means: '{success: false, ownCode, message}: the Middleware standard envelope with ownCode',
        sources: [
          quote(DOC_PAGES.errorHandling, 'MW uses an envelope with ownCode'),
          quote(
            DOC_PAGES.altCreateTransaction,
            '{"success": true, "message": "Transaction created", "data": …}',
          ),
        ],
      },
      {
        name: 'own-code-only',
        means: '{ownCode, message}, without success',
        sources: [
          quote(DOC_PAGES.errorHandling, 'The numeric ranges do not overlap and the field names differ'),
          silent(DOC_PAGES.errorHandling, 'the page is cut before the Middleware ownCode details'),
        ],
      },
    ],
    default: 'success-own-code',
    affects: ['schemas/middleware-error.schema.ts', SIMULATOR_ERRORS],
  },
  {
    name: 'middleware-own-code-type',
    question: 'Is a Middleware ownCode a JSON number or a string?',
    kind: 'answered',
    options: [
      {
        name: 'integer',
        means: 'ownCode is a JSON integer, e.g. 4020',
        sources: [quote(DOC_PAGES.errorHandling, 'The numeric ranges do not overlap')],
      },
      {
        name: 'string',
        means: 'ownCode is a string of digits, e.g. "4020", as Wallet Gateway codes are',
        sources: [quote(DOC_PAGES.errorHandling, 'code is a string (e.g. "7100")')],
      },
    ],
    default: 'integer',
    affects: [
      'schemas/middleware-error.schema.ts',
      SIMULATOR_ERRORS,
      'specs/alternative-payments/alternative-flow.ts',
    ],
  },
  {
    name: 'middleware-validation-status',
    question: 'Which HTTP status does the Middleware answer to a request that fails validation?',
    kind: 'answered',
    options: [
      {
        name: '400',
        means: '400, as the documented ownCode 5000 "Missing transactionId"',
        sources: [
          quote(DOC_PAGES.errorHandling, '400 DTO validation failed'),
          quote(DOC_PAGES.altDismissTransaction, '400/5000 Missing transactionId'),
        ],
      },
      {
        name: '422',
        means: '422 Unprocessable Entity',
        sources: [quote(DOC_PAGES.errorHandling, '422 semantic validation failed (e.g. card expired)')],
      },
    ],
    default: '400',
    affects: ['schemas/operations.ts', MIDDLEWARE_SIMULATOR, 'specs/payment-links/bad-input.spec.ts'],
  },
  {
    name: 'callback-status-case',
    question: 'In which case does the Merchant Generic Callback carry the transaction status?',
    kind: 'answered',
    options: [
      {
        name: 'lowercase',
        means: 'approved, denied, … (card-acceptance TransactionStatus)',
        sources: [
          quote(DOC_PAGES.createPaymentLink, '{ uid, reference, status, … } with approved / denied / …'),
        ],
      },
      {
        name: 'uppercase',
        means: 'APPROVED, DENIED, … (as Alternative Payments statuses are written)',
        sources: [
          quote(DOC_PAGES.altDismissTransaction, 'CREATED, USED … APPROVED, DENIED, EXPIRED, DISMISSED'),
          silent(DOC_PAGES.merchantGenericCallback, 'the payload section of the callback page is cut'),
        ],
      },
    ],
    default: 'lowercase',
    affects: [
      'schemas/merchant-callback.schema.ts',
      'simulator/outcomes.ts',
      'specs/webhooks/received-deliveries.ts',
    ],
  },
  {
    name: 'callback-reference',
    question: 'Does every Merchant Generic Callback carry a reference, or only those of Payment Links?',
    kind: 'answered',
    options: [
      {
        name: 'every-flow',
        means: 'every callback carries reference, Alternative Payments included',
        sources: [
          quote(DOC_PAGES.createPaymentLink, 'The outcome comes by webhook { uid, reference, status, … }'),
        ],
      },
      {
        name: 'payment-links-only',
        means: 'an Alternative Payments callback has no reference',
        sources: [quote(DOC_PAGES.chooseFlow, 'only this flow [Payment Link] returns the reference code')],
      },
    ],
    default: 'every-flow',
    affects: [
      'schemas/merchant-callback.schema.ts',
      'simulator/outcomes.ts',
      'specs/webhooks/received-deliveries.ts',
    ],
  },
  {
    name: 'payload-type-enum',
    question: 'Is the payment payload data.type of POST …/payments a closed list?',
    kind: 'answered',
    options: [
      {
        name: 'closed',
        means: 'a kind outside url, qr, html, payButton, json, base64 fails: the checkout cannot render it',
        sources: [
          quote(DOC_PAGES.altProcessPayment, 'payload kinds url | qr | html | payButton | json'),
          quote(DOC_PAGES.chooseFlow, 'url, qr, base64, json, payButton'),
        ],
      },
      {
        name: 'open',
        means: 'an unknown kind is a new enum value, which clients ignore',
        sources: [quote(DOC_PAGES.versioning, 'Clients must ignore unknown fields and enum values')],
      },
    ],
    default: 'closed',
    affects: [
      'schemas/alt-payment.schema.ts',
      'simulator/processors.ts',
      'specs/alternative-payments/payments.spec.ts',
    ],
  },
  {
    name: 'payment-link-extra-fields',
    question:
      'May a Payment Link create answer with {uid, reference, URL} carry success, data or errors too?',
    kind: 'answered',
    options: [
      {
        name: 'forbidden',
        means: 'success, data and errors fail: their presence means the body was wrapped',
        sources: [quote(DOC_PAGES.createPaymentLink, 'no envelope. Top-level { "uid", "reference", "URL" }')],
      },
      {
        name: 'ignored',
        means: 'they are unknown fields next to the link, and ignored',
        sources: [quote(DOC_PAGES.versioning, 'Clients must ignore unknown fields')],
      },
    ],
    default: 'forbidden',
    affects: [
      'schemas/payment-link.schema.ts',
      MIDDLEWARE_SIMULATOR,
      'specs/payment-links/create-payment-link.spec.ts',
    ],
  },
  {
    name: 'payment-link-url',
    question: 'Where does the Payment Link create answer put the checkout link (docs contradiction A.7 #6)?',
    kind: 'answered',
    options: [
      {
        name: 'top-level',
        means: '{uid, reference, URL} at the top level, URL uppercase',
        sources: [
          quote(DOC_PAGES.paymentLinkQuickstart, 'URL is uppercase'),
          quote(
            DOC_PAGES.createPaymentLink,
            '{ "uid": "trx_8f3c2b1d9e7a", "reference": "CLIENT020007SB", "URL": "https://sandbox.migopayments.com/?orderId=…" }',
          ),
        ],
      },
      {
        name: 'data-url',
        means: 'the Middleware envelope {success, message, data: {uid, reference, url}}',
        sources: [quote(DOC_PAGES.recipesDominicanRepublic, 'The customer opens data.url')],
      },
    ],
    default: 'top-level',
    affects: ['schemas/payment-link.schema.ts', 'fixtures/clients/payment-links.ts', MIDDLEWARE_SIMULATOR],
  },
  {
    name: 'error-code-form',
    question: 'Where does a Wallet Gateway / CMS error body carry its business code?',
    kind: 'answered',
    options: [
      {
        name: 'errors-array',
        means: '{success: false, message, errors: [{code, message}]}',
        sources: [
          quote(
            DOC_PAGES.errorCatalog,
            '{"success": false, "message": "…", "errors": [{ "code": "7200", "message": "Card not found in the system." }]}',
          ),
        ],
      },
      {
        name: 'error-object',
        means: '{success: false, message, error: {code, message}} (CustomResponse.error.code)',
        sources: [
          quote(
            DOC_PAGES.goLive,
            'Every caller inspects CustomResponse.error.code and maps at least the codes in the Error Catalog',
          ),
        ],
      },
      {
        name: 'terminal-error',
        means: '{statusCode, message, error: {code, name}}',
        sources: [
          quote(
            DOC_PAGES.terminalProcessPayment,
            'errors are { statusCode, message, error: { code, name, d… } }',
          ),
        ],
      },
    ],
    default: 'errors-array',
    affects: [
      'schemas/gateway-error.schema.ts',
      'schemas/custom-response.schema.ts',
      SIMULATOR_ERRORS,
      CHECKS,
    ],
  },
  {
    name: 'application-id-header',
    question: 'Which header carries the applicationId (docs contradiction A.7 #3)?',
    kind: 'sent',
    options: [
      {
        name: 'applicationId',
        means: 'applicationId: <id>',
        sources: [quote(DOC_PAGES.environments, 'applicationId | Your application identifier')],
      },
      {
        name: 'x-application-id',
        means: 'x-application-id: <id>',
        sources: [quote(DOC_PAGES.cardLifecycle, 'x-application-id: YOUR_APP_ID')],
      },
    ],
    default: 'applicationId',
    affects: [WALLET_CLIENT, WALLET_SIMULATOR],
    alias: 'MIGO_APPLICATION_ID_HEADER',
  },
  {
    name: 'application-id-placement',
    question: 'Which Wallet Gateway calls need the applicationId header?',
    kind: 'sent',
    options: [
      {
        name: 'configs-only',
        means: 'only GET/PATCH /configs',
        sources: [
          quote(
            DOC_PAGES.environments,
            'Required only by the Wallet Gateway config endpoints (GET/PATCH /configs) — not by user login or general requests',
          ),
        ],
      },
      {
        name: 'every-call',
        means: 'every call behind the app JWT (users, cards, funds, configs)',
        sources: [
          quote(
            DOC_PAGES.cardLifecycle,
            'POST /users/{userId}/cards/virtuals with Bearer + x-application-id',
          ),
          quote(DOC_PAGES.assignFunds, 'POST /cards/{cardId}/funds with Bearer + x-application-id'),
        ],
      },
    ],
    default: 'configs-only',
    affects: [
      WALLET_CLIENT,
      WALLET_SIMULATOR,
      'specs/auth/wallet-application-id.spec.ts',
      'fixtures/config/requirements.ts',
    ],
  },
  {
    name: 'cms-app-login-body',
    question: 'What does the CMS app login (POST /app/auth/login) send?',
    kind: 'sent',
    options: [
      {
        name: 'merchant',
        means: '{merchant}',
        sources: [quote(DOC_PAGES.cmsUsers, 'POST /app/auth/login { "merchant": "merchant-abc123" }')],
      },
      {
        name: 'merchant-signature',
        means:
          '{merchant, signature}, signed as the Wallet Gateway login (reading wallet-login-signed-bytes)',
        sources: [quote(DOC_PAGES.apiReferenceIndex, 'CMS "JWT (Ed25519) + user session"')],
      },
    ],
    default: 'merchant',
    affects: [
      'schemas/cms-app-login-request.schema.ts',
      'fixtures/clients/cms.ts',
      'simulator/surfaces/cms.ts',
    ],
  },
  {
    name: 'payment-link-bearer',
    question:
      'How does POST /transactions treat a "Bearer " prefix on the merchant token (docs contradiction A.7 #2)?',
    kind: 'sent',
    options: [
      {
        name: 'optional',
        means: 'Authorization: <token> and Authorization: Bearer <token> are both accepted',
        sources: [quote(DOC_PAGES.authentication, 'The authorizer strips an optional Bearer prefix')],
      },
      {
        name: 'refused',
        means: 'only the raw token is accepted',
        sources: [quote(DOC_PAGES.sandboxCheatSheet, 'no Bearer prefix')],
      },
      {
        name: 'required',
        means: 'only Bearer <token> is accepted',
        sources: [quote(DOC_PAGES.overview, 'Middleware migo-api … JWT Bearer')],
      },
    ],
    default: 'optional',
    affects: ['fixtures/clients/payment-links.ts', MIDDLEWARE_SIMULATOR, 'specs/auth/token-forms.ts'],
  },
  {
    name: 'alternative-bearer',
    question:
      'How do the Alternative Payments routes treat a raw merchant token, without "Bearer " (A.7 #2)?',
    kind: 'sent',
    options: [
      {
        name: 'optional',
        means: 'Bearer <token> and the raw token are both accepted',
        sources: [quote(DOC_PAGES.authentication, 'the same token value works with or without it')],
      },
      {
        name: 'required',
        means: 'only Bearer <token> is accepted',
        sources: [quote(DOC_PAGES.sandboxCheatSheet, 'Bearer required')],
      },
    ],
    default: 'optional',
    affects: [
      MIDDLEWARE_SIMULATOR,
      'specs/auth/token-forms.ts',
      'specs/alternative-payments/merchant-token.spec.ts',
    ],
  },
  {
    name: 'zigi-dismiss',
    question: 'How does dismiss treat an IN_PROGRESS zigi transaction?',
    kind: 'answered',
    options: [
      {
        name: 'cancel-hook',
        means: 'zigi has a dedicated cancel hook: CANCELLED, answered as JSON {message, transaction}',
        sources: [
          quote(DOC_PAGES.refunds, 'Cancel applies to an in-flight async request (e.g. Zigi)'),
          quote(
            DOC_PAGES.altDismissTransaction,
            'IN_PROGRESS (processor has a dedicated cancel hook) → CANCELLED',
          ),
        ],
      },
      {
        name: 'upstream-cancel',
        means: 'zigi is cancelled through the generic upstream cancel: DISMISSED, answered with the text OK',
        sources: [
          quote(
            DOC_PAGES.altDismissTransaction,
            'IN_PROGRESS (generic upstream cancel) → DISMISSED, upstream cancel executed',
          ),
          silent(
            DOC_PAGES.altDismissTransaction,
            'the page does not say which processors have a dedicated cancel hook',
          ),
        ],
      },
    ],
    default: 'cancel-hook',
    affects: ['simulator/processors.ts', 'specs/alternative-payments/alternative-flow.ts'],
  },
  {
    name: 'token-expired-place',
    question: 'Where in the 401 body of an expired access token does the string TOKEN_EXPIRED stand?',
    kind: 'answered',
    options: [
      {
        name: 'message',
        means:
          '{statusCode: 401, message: "TOKEN_EXPIRED", error: "Unauthorized"} (NestJS HttpException layout)',
        sources: [
          silent(
            DOC_PAGES.goLive,
            'the page says "refresh on 401 TOKEN_EXPIRED" but not where the string stands',
          ),
        ],
      },
      {
        name: 'error',
        means: '{statusCode: 401, message: "Unauthorized", error: "TOKEN_EXPIRED"}',
        sources: [
          silent(
            DOC_PAGES.goLive,
            'the page says "refresh on 401 TOKEN_EXPIRED" but not where the string stands',
          ),
        ],
      },
      {
        name: 'code',
        means: '{statusCode: 401, message: "Unauthorized", code: "TOKEN_EXPIRED"}',
        sources: [
          silent(
            DOC_PAGES.authentication,
            'the TOKEN_EXPIRED details of the authentication page could not be read',
          ),
        ],
      },
      {
        name: 'errors-code',
        means:
          '{success: false, message, errors: [{code: "TOKEN_EXPIRED", message}]}: the CustomResponse error layout',
        sources: [
          quote(
            DOC_PAGES.errorHandling,
            '{ success: boolean; message?: string; data?: T; errors?: { code: string; message: string }[] }',
          ),
        ],
      },
    ],
    default: 'message',
    affects: [SIMULATOR_ERRORS, 'specs/errors/catalog-answer.ts'],
  },
  {
    name: 'error-message-7303',
    question: 'Which message does 7303 INSUFFICIENT_FUNDS come with?',
    kind: 'answered',
    options: [
      {
        name: 'doc-meaning',
        means:
          'the wallet overview\'s description, verbatim: "Over-spend attempt; you cannot overdraw a card balance"',
        sources: [
          silent(
            DOC_PAGES.walletOverview,
            'the page names 7303 INSUFFICIENT_FUNDS and describes it ("Over-spend attempt; you cannot overdraw a card balance") but shows no wire message',
          ),
        ],
      },
      {
        name: 'other-text',
        means: "a wording of Migo's own that no page shows: any non-empty text",
        sources: [
          silent(
            DOC_PAGES.errorCatalog,
            "the catalog's exact messages stop at 7014; 7015–8099 could not be read",
          ),
        ],
      },
    ],
    default: 'doc-meaning',
    affects: [SIMULATOR_ERRORS, 'specs/errors/catalog-answer.ts'],
  },
] as const satisfies readonly ReadingSpec[];

// ---------------------------------------------------------------------------------------------------------------
// One reading per catalog code whose HTTP status no page states: its options are the statuses the documented
// precedence rule can give a code (500 → 404 → 400 → 401 → 403 → 409), its default the catalog's assumedHttp.

type UndocumentedEntry = Extract<CatalogEntry, { assumedHttp: number }>;
export type UndocumentedCode = UndocumentedEntry['code'];
export type RuleStatus = `${(typeof STATUS_RULE_ORDER)[number]}`;
export type ErrorStatusReadingName = `error-status-${UndocumentedCode}`;

const isUndocumented = (row: CatalogEntry): row is UndocumentedEntry => 'assumedHttp' in row;

export function errorStatusReading(code: string): string {
  return `error-status-${code}`;
}

const ERROR_STATUS_READINGS: readonly ReadingSpec[] = ERROR_CATALOG.filter(isUndocumented).map((row) => ({
  name: errorStatusReading(row.code),
  question: `Which HTTP status does ${row.code} ${row.name} come with?`,
  kind: 'answered',
  options: STATUS_RULE_ORDER.map((status) => ({
    name: String(status),
    means: `HTTP ${status}`,
    sources: [
      quote(
        DOC_PAGES.errorHandling,
        'the gateway response interceptor derives the HTTP status from the business code, checking in this order: 500 (internal) → 404 → 400 → 401 → 403 → 409',
      ),
      silent(row.source, `${row.source} does not state the HTTP status of ${row.code} (${row.unsure})`),
    ],
  })),
  default: String(row.assumedHttp),
  affects: ['schemas/error-catalog.ts', 'schemas/operations.ts', SIMULATOR_ERRORS],
  alias: 'MIGO_ERROR_STATUSES',
}));

// ---------------------------------------------------------------------------------------------------------------

type Described = (typeof DESCRIBED)[number];
export type DescribedReadingName = Described['name'];
export type ReadingName = DescribedReadingName | ErrorStatusReadingName;
export type OptionOf<N extends ReadingName> = N extends DescribedReadingName
  ? Extract<Described, { name: N }>['options'][number]['name']
  : RuleStatus;

/** A run's profile: the option in force for every reading. */
export type Readings = { readonly [N in ReadingName]: OptionOf<N> };

export const READINGS: readonly ReadingSpec[] = [...DESCRIBED, ...ERROR_STATUS_READINGS];

const BY_NAME = new Map<string, ReadingSpec>(READINGS.map((reading) => [reading.name, reading]));

export const READING_NAMES = READINGS.map((reading) => reading.name) as readonly ReadingName[];

export const DEFAULT_READINGS: Readings = Object.freeze(
  Object.fromEntries(READINGS.map((reading) => [reading.name, reading.default])),
) as Readings;

export function isReadingName(name: string): name is ReadingName {
  return BY_NAME.has(name);
}

export function readingSpec(name: ReadingName): ReadingSpec {
  return BY_NAME.get(name)!;
}

export function optionNames(name: ReadingName): string[] {
  return readingSpec(name).options.map((option) => option.name);
}

export function isOptionOf<N extends ReadingName>(name: N, option: string): option is OptionOf<N> {
  return optionNames(name).includes(option);
}

/** The options of a reading other than `option`, in table order. */
export function otherOptions<N extends ReadingName>(name: N, option: string): OptionOf<N>[] {
  return optionNames(name).filter((o) => o !== option) as OptionOf<N>[];
}

/** The profile with one reading changed. */
export function withReading<N extends ReadingName>(
  readings: Readings,
  name: N,
  option: OptionOf<N>,
): Readings {
  return { ...readings, [name]: option };
}

/** The defaults with some readings set (names and options are checked by the caller, e.g. the profile loader). */
export function readingsWith(overrides: Partial<Readings> = {}): Readings {
  return { ...DEFAULT_READINGS, ...overrides };
}

/** The readings that differ from their default, e.g. for a report header. */
export function nonDefaultReadings(readings: Readings): Partial<Readings> {
  return Object.fromEntries(
    READING_NAMES.filter((name) => readings[name] !== DEFAULT_READINGS[name]).map((name) => [
      name,
      readings[name],
    ]),
  ) as Partial<Readings>;
}

/**
 * The one sentence that says a failure came from a guess, not from the contract. Reports classify a failure as
 * "Assumption differs" by matching `ASSUMPTION_DIFFERS_PATTERN`, so the wording never changes.
 */
export function assumptionDiffersMessage(name: string, option: string, other: string): string {
  return `reading ${name} is ${option} in this run; the target answered as ${other}; set MIGO_READINGS=${name}=${other} once Migo confirms it`;
}

/**
 * Matches the sentence, capturing reading, option and the option the target follows. Option names hold no `;`
 * (a test enforces it), so the third group stops before the `;` that follows it.
 */
export const ASSUMPTION_DIFFERS_PATTERN =
  /reading (\S+) is (\S+) in this run; the target answered as ([^\s;]+)/;

/** Why a name is not a reading, with the nearest names: for config errors and CLI usage errors. */
export function unknownReadingMessage(name: string, near: readonly string[]): string {
  const hint = near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : '';
  return `"${name}" is not a reading${hint}; the readings are listed by "npx migo-contract readings"`;
}

/** Why an option is not one of a reading's. */
export function unknownOptionMessage(name: ReadingName, option: string): string {
  return `reading ${name} has no option "${option}"; its options are ${optionNames(name).join(', ')}`;
}

/** Every page cited by a reading, once each, in table order. */
export function readingPages(reading: ReadingSpec): string[] {
  return [...new Set(reading.options.flatMap((option) => option.sources.map((source) => source.page)))];
}

/** A reading and the option that would make a failed judgement pass. */
export interface Explanation {
  name: ReadingName;
  option: string;
}

/**
 * The one other option, among `names` (every reading by default), under which `holds` is true; undefined when
 * none or several do (then the failure is not a mere difference of reading).
 */
export function explainByReadings(
  readings: Readings,
  holds: (alternative: Readings) => boolean,
  names: readonly ReadingName[] = READING_NAMES,
): Explanation | undefined {
  const fits: Explanation[] = [];
  for (const name of names)
    for (const option of otherOptions(name, readings[name]))
      if (holds(withReading(readings, name, option))) fits.push({ name, option });
  return fits.length === 1 ? fits[0] : undefined;
}
