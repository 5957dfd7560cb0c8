/**
 * Every Migo operation this suite exercises: surface, method, path, credentials, request schema, the response
 * schema per documented status, and whether a client may repeat it. The single source for the OpenAPI document
 * (`openapi.ts`) and for the clients, which validate every response against it.
 */
import type { Surface } from './base-urls';
import { DOC_PAGES } from './doc-pages';
import { expectedStatus } from './error-catalog';
import { DEFAULT_READINGS, type ReadingName, type Readings, type UndocumentedCode } from './readings';
import type { SchemaName } from './registry';

export type Status = '200' | '400' | '401' | '403' | '404' | '405' | '409' | '422' | '500';
export type SecurityScheme =
  'merchantToken' | 'merchantBearer' | 'walletJwt' | 'applicationId' | 'cmsAppToken' | 'cmsUserToken';

export interface OperationSpec {
  surface: Surface;
  method: 'get' | 'post' | 'patch';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  docs: string;
  /** Alternatives: any one requirement satisfies the operation. [] = no credentials in headers. */
  security: SecurityScheme[][];
  request?: SchemaName | 'free-form';
  ok: SchemaName;
  /** Error statuses a page documents (or that no reading governs), with their schema. */
  errors: Partial<Record<Exclude<Status, '200'>, SchemaName | SchemaName[]>>;
  /**
   * Error statuses no page documents for this operation, answered by the simulator on a guess: each names the
   * reading the guess depends on and says why the status is expected (`basis`).
   */
  assumedErrors?: Partial<Record<Exclude<Status, '200'>, AssumedError>>;
  /** Request validation failures answer this schema with the status of the reading middleware-validation-status. */
  validationError?: SchemaName;
  /**
   * Catalog codes without a documented status that this operation answers with `gateway-error`: each at the
   * status of its `error-status-<code>` reading.
   */
  catalogCodes?: readonly UndocumentedCode[];
  /** The path is the option of this reading (the docs do not show it). */
  pathReading?: 'wallet-refresh-path';
  query?: string[];
  /**
   * Whether a client may repeat the request after a transient failure: `idempotent` is safe to repeat;
   * `not-repeatable` moves money or spends state (a single-use refresh token), so it is repeated only after a 429,
   * which an edge throttle answers before the request is processed.
   */
  repeatable: 'idempotent' | 'not-repeatable';
  /**
   * Creates or settles a payment, or moves funds: never repeated and never used to probe which option of a reading
   * the target follows (a probe on a refusal could otherwise go through).
   */
  movesMoney?: true;
}

/** An error status no page documents for an operation: its schema, the reading it hangs on, and why. */
export interface AssumedError {
  schema: SchemaName;
  reading: ReadingName;
  basis: string;
}

/**
 * A Wallet Gateway / CMS request that fails validation (a missing or mistyped field, malformed JSON, a bad query
 * parameter): the error-handling page gives "400 DTO validation failed" and the catalog 7000 CHECK_PARAMETERS at
 * 400, but the operation's own page shows no 400; the body's form is the reading error-code-form.
 */
function gatewayValidation(what: string): AssumedError {
  return {
    schema: 'gateway-error',
    reading: 'error-code-form',
    basis: `${what} is answered 400 with code 7000 CHECK_PARAMETERS (the error-handling page: "400 DTO validation failed"; the catalog puts 7000 at 400); the operation's page shows no 400, and the body's form is the reading error-code-form`,
  };
}

const ALT_PREFIX = '/api/v1/integrations/transactions';
const CMS_CARDHOLDERS = '/app/partners/{partnerId}/cardholders';
const WG_AUTH_FAILURE: SchemaName[] = ['auth-error', 'token-expired'];

export const OPERATIONS = [
  {
    surface: 'middleware',
    method: 'post',
    path: '/transactions',
    operationId: 'createPaymentLink',
    repeatable: 'not-repeatable',
    movesMoney: true,
    summary: 'Create a Payment Link',
    description: 'Returns {uid, reference, URL} at the top level: no envelope, and URL is uppercase.',
    docs: DOC_PAGES.createPaymentLink,
    security: [['merchantToken']],
    request: 'payment-link-request',
    ok: 'payment-link',
    errors: { '401': 'auth-error' },
    validationError: 'middleware-error',
  },
  {
    surface: 'middleware',
    method: 'post',
    path: '/transactions-hook',
    operationId: 'createPaymentLinkWithBodyCredentials',
    repeatable: 'not-repeatable',
    movesMoney: true,
    summary: 'Create a Payment Link from a browser (body credentials)',
    description:
      'No Authorization header: the privateKey + publicKey pair travels in the JSON body (for static SPAs without a backend). UNSURE: the rest of the contract is not visible; presumed to match POST /transactions.',
    docs: DOC_PAGES.authentication,
    security: [[]],
    request: 'transactions-hook-request',
    ok: 'payment-link',
    errors: { '401': 'auth-error' },
    validationError: 'middleware-error',
  },
  {
    surface: 'middleware',
    method: 'post',
    path: ALT_PREFIX,
    operationId: 'createAlternativePaymentTransaction',
    repeatable: 'not-repeatable',
    movesMoney: true,
    summary: 'Create an Alternative Payments transaction',
    docs: DOC_PAGES.altCreateTransaction,
    security: [['merchantBearer']],
    request: 'alt-transaction-request',
    ok: 'alt-transaction',
    errors: { '401': 'auth-error' },
    validationError: 'middleware-error',
  },
  {
    surface: 'middleware',
    method: 'post',
    path: `${ALT_PREFIX}/{transactionId}/payment-intents`,
    operationId: 'createAlternativePaymentIntent',
    repeatable: 'idempotent',
    summary: 'Ask what a processor needs before paying (fixtures, pick-lists)',
    docs: DOC_PAGES.altPaymentIntents,
    security: [['merchantBearer']],
    request: 'alt-payment-intent-request',
    ok: 'alt-payment-intent',
    errors: { '401': 'auth-error', '404': 'middleware-error' },
    validationError: 'middleware-error',
  },
  {
    surface: 'middleware',
    method: 'post',
    path: `${ALT_PREFIX}/{transactionId}/payments`,
    operationId: 'createAlternativePayment',
    repeatable: 'not-repeatable',
    movesMoney: true,
    summary: 'Start the payment with a processor and get the instruction to render',
    docs: DOC_PAGES.altProcessPayment,
    security: [['merchantBearer']],
    request: 'alt-payment-request',
    ok: 'alt-payment',
    errors: { '401': 'auth-error', '404': 'middleware-error' },
    validationError: 'middleware-error',
  },
  {
    surface: 'middleware',
    method: 'post',
    path: `${ALT_PREFIX}/{transactionId}/dismiss`,
    operationId: 'dismissAlternativePaymentTransaction',
    repeatable: 'not-repeatable',
    movesMoney: true,
    summary: 'Dismiss (or cancel) an Alternative Payments transaction',
    description:
      'CREATED/USED → DISMISSED, plain text OK (idempotent). IN_PROGRESS with a cancel hook → CANCELLED, JSON body; without a hook → 405 (ownCode 4021). APPROVED/DENIED/EXPIRED/DISMISSED → 409 (ownCode 4020). The optional body is free-form and not validated.',
    docs: DOC_PAGES.altDismissTransaction,
    security: [['merchantBearer']],
    request: 'free-form',
    ok: 'alt-dismiss',
    errors: {
      '400': 'middleware-error',
      '401': 'auth-error',
      '404': 'middleware-error',
      '405': 'middleware-error',
      '409': 'middleware-error',
    },
  },
  {
    surface: 'walletGateway',
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    repeatable: 'idempotent',
    summary: 'Log in as an application (merchant slug + Ed25519 signature)',
    docs: DOC_PAGES.quickstart,
    security: [[]],
    request: 'login-request',
    ok: 'login-response',
    errors: { '401': 'auth-error' },
    assumedErrors: { '400': gatewayValidation('A body without merchant or signature, or malformed JSON,') },
  },
  {
    surface: 'walletGateway',
    method: 'post',
    path: '/auth/refresh',
    operationId: 'refreshToken',
    repeatable: 'not-repeatable',
    summary: 'Rotate the token pair with the single-use refresh token',
    description:
      'UNSURE: the path and the body are not visible in the docs: the readings wallet-refresh-path (default /auth/refresh, as the CMS uses /app/auth/refresh) and wallet-refresh-body.',
    docs: DOC_PAGES.goLive,
    pathReading: 'wallet-refresh-path',
    security: [[]],
    request: 'refresh-request',
    ok: 'login-response',
    errors: { '401': 'auth-error' },
    assumedErrors: {
      '400': gatewayValidation(
        'A refresh without its refresh token (as the reading wallet-refresh-body sends it), or malformed JSON,',
      ),
    },
  },
  {
    surface: 'walletGateway',
    method: 'get',
    path: '/health',
    operationId: 'health',
    repeatable: 'idempotent',
    summary: 'Health probe',
    docs: DOC_PAGES.quickstart,
    security: [[]],
    ok: 'health',
    errors: {},
  },
  {
    surface: 'walletGateway',
    method: 'get',
    path: '/configs',
    operationId: 'getConfigs',
    repeatable: 'idempotent',
    summary: 'Read the application configuration (needs the applicationId header)',
    docs: DOC_PAGES.environments,
    security: [['walletJwt', 'applicationId']],
    ok: 'custom-response',
    errors: { '400': 'gateway-error', '401': WG_AUTH_FAILURE },
  },
  {
    surface: 'walletGateway',
    method: 'patch',
    path: '/configs',
    operationId: 'updateConfigs',
    repeatable: 'idempotent',
    summary: 'Update the application configuration (needs the applicationId header)',
    description: 'UNSURE: the body is not documented.',
    docs: DOC_PAGES.environments,
    security: [['walletJwt', 'applicationId']],
    request: 'free-form',
    ok: 'custom-response',
    errors: { '400': 'gateway-error', '401': WG_AUTH_FAILURE },
  },
  {
    surface: 'walletGateway',
    method: 'post',
    path: '/users',
    operationId: 'createUser',
    repeatable: 'not-repeatable',
    summary: 'Register a cardholder (the response carries the userId)',
    description:
      'Needs the USER_REGISTRATION application permission; x-user-token does not apply. UNSURE: the response shape is not visible; data.userId is presumed.',
    docs: DOC_PAGES.cardholderManagement,
    security: [['walletJwt']],
    request: 'user-request',
    ok: 'custom-response',
    errors: { '400': 'gateway-error', '401': WG_AUTH_FAILURE },
  },
  {
    surface: 'walletGateway',
    method: 'post',
    path: '/users/{userId}/cards/virtuals',
    operationId: 'issueVirtualCard',
    repeatable: 'not-repeatable',
    summary: 'Issue a card to a user (no body)',
    docs: DOC_PAGES.cardLifecycle,
    security: [['walletJwt']],
    ok: 'virtual-card',
    errors: { '401': WG_AUTH_FAILURE },
    assumedErrors: {
      '400': gatewayValidation(
        'A body that is not JSON, or (reading application-id-placement = every-call) a call without the applicationId header,',
      ),
    },
    catalogCodes: ['7100'],
  },
  {
    surface: 'walletGateway',
    method: 'post',
    path: '/cards/{cardId}/funds',
    operationId: 'operateCardFunds',
    repeatable: 'not-repeatable',
    movesMoney: true,
    summary: 'Add or withdraw funds on a card',
    docs: DOC_PAGES.assignFunds,
    security: [['walletJwt']],
    request: 'funds-request',
    ok: 'custom-response',
    errors: { '400': 'gateway-error', '401': WG_AUTH_FAILURE },
    catalogCodes: ['7200', '7303'],
  },
  {
    surface: 'cms',
    method: 'post',
    path: '/app/auth/login',
    operationId: 'cmsAppLogin',
    repeatable: 'idempotent',
    summary: 'Log in as a CMS application',
    docs: DOC_PAGES.cmsUsers,
    security: [[]],
    request: 'cms-app-login-request',
    ok: 'cms-app-login-response',
    errors: { '401': 'auth-error' },
    assumedErrors: {
      '400': gatewayValidation(
        'A body without merchant (or, under cms-app-login-body = merchant-signature, without signature), or malformed JSON,',
      ),
    },
  },
  {
    surface: 'cms',
    method: 'post',
    path: '/app/users/login',
    operationId: 'cmsUserLogin',
    repeatable: 'idempotent',
    summary: 'Log in as a CMS user (with the app token)',
    docs: DOC_PAGES.cmsUsers,
    security: [['cmsAppToken']],
    request: 'cms-user-login-request',
    ok: 'cms-user-login-response',
    errors: { '401': 'auth-error' },
    assumedErrors: { '400': gatewayValidation('A body without email or password, or malformed JSON,') },
  },
  {
    surface: 'cms',
    method: 'get',
    path: CMS_CARDHOLDERS,
    operationId: 'listCardholders',
    repeatable: 'idempotent',
    summary: "List a partner's cardholders (paginated)",
    docs: DOC_PAGES.cmsCardholders,
    security: [['cmsAppToken', 'cmsUserToken']],
    query: ['page', 'limit', 'searchText', 'sortBy', 'sortOrder'],
    ok: 'custom-response',
    errors: { '401': 'auth-error', '403': 'auth-error' },
    assumedErrors: {
      '400': gatewayValidation('A page, limit, sortBy or sortOrder out of range'),
    },
  },
  {
    surface: 'cms',
    method: 'post',
    path: CMS_CARDHOLDERS,
    operationId: 'createCardholder',
    repeatable: 'not-repeatable',
    summary: 'Create a cardholder for a partner',
    docs: DOC_PAGES.cmsCardholders,
    security: [['cmsAppToken', 'cmsUserToken']],
    request: 'cms-cardholder-request',
    ok: 'custom-response',
    errors: { '400': 'gateway-error', '401': 'auth-error', '403': 'auth-error' },
  },
] as const satisfies readonly OperationSpec[];

export type OperationId = (typeof OPERATIONS)[number]['operationId'];

const BY_ID = new Map<string, OperationSpec>(OPERATIONS.map((op) => [op.operationId, op]));

export function operation(id: OperationId): OperationSpec {
  return BY_ID.get(id)!;
}

/** The operation as a profile has it: its path from `pathReading` where the docs do not show one. */
export function operationUnder(id: OperationId, readings: Readings): OperationSpec {
  const op = operation(id);
  return op.pathReading ? { ...op, path: readings[op.pathReading] } : op;
}

/** One answer an operation may give: its status, its schema(s), and the reading that set the status, if any. */
export interface OperationResponse {
  status: Status;
  schemas: SchemaName[];
  /** The reading whose option gives this status (an assumed status); absent for a documented one. */
  reading?: string;
  /** Why an assumed status is expected. */
  basis?: string;
}

const asList = (names: SchemaName | readonly SchemaName[]): SchemaName[] =>
  Array.isArray(names) ? [...(names as SchemaName[])] : [names as SchemaName];

/** Every answer of an operation under a profile, 200 first; statuses a reading sets say which reading. */
export function operationResponses(
  op: OperationSpec,
  readings: Readings = DEFAULT_READINGS,
): OperationResponse[] {
  const answers: OperationResponse[] = [{ status: '200', schemas: [op.ok] }];
  // A status both documented and assumed stays documented: the first to add it decides.
  const add = (status: Status, schemas: SchemaName[], reading?: string, basis?: string) => {
    const existing = answers.find((a) => a.status === status);
    if (existing) {
      for (const name of schemas) if (!existing.schemas.includes(name)) existing.schemas.push(name);
      return;
    }
    answers.push({ status, schemas, ...(reading ? { reading, basis } : {}) });
  };
  for (const [status, names] of Object.entries(op.errors) as [Status, SchemaName | SchemaName[]][])
    add(status, asList(names));
  if (op.validationError)
    add(
      readings['middleware-validation-status'],
      [op.validationError],
      'middleware-validation-status',
      'a request that fails validation: the error-handling page gives both "400 DTO validation failed" and "422 semantic validation failed", and the create pages show neither',
    );
  for (const code of op.catalogCodes ?? []) {
    const expected = expectedStatus(code, readings);
    add(
      String(expected.status) as Status,
      ['gateway-error'],
      expected.reading,
      expected.reading
        ? `code ${code}: no page states its HTTP status; the documented precedence rule (500 → 404 → 400 → 401 → 403 → 409) allows each option of the reading`
        : undefined,
    );
  }
  for (const [status, assumed] of Object.entries(op.assumedErrors ?? {}) as [Status, AssumedError][])
    add(status, [assumed.schema], assumed.reading, assumed.basis);
  return answers;
}

/** The schema(s) a response with this status must match under a profile; undefined when it is not an answer. */
export function responseSchemas(
  op: OperationSpec,
  status: number,
  readings: Readings = DEFAULT_READINGS,
): SchemaName[] | undefined {
  return operationResponses(op, readings).find((answer) => answer.status === String(status))?.schemas;
}
