/**
 * The Migo error catalog: the only place in this project where an error code is written.
 *
 * Sources (each row's `source`, from `DOC_PAGES`): the error-catalog page (rows 7000–7014, exact messages),
 * the error-handling page (7100), the wallet pages (7200–7303 meanings), the dismiss page (Middleware ownCodes),
 * the bulk-charges page (library codes) and the go-live page (TOKEN_EXPIRED). Only part of the catalog could be
 * read: 7015–8099 are not listed, so a code outside this table is "undocumented", not "invalid".
 *
 * Columns:
 * - `http`: the documented HTTP status, or null where no page states it.
 * - `assumedHttp`: where `http` is null, the default of the code's `error-status-<code>` reading
 *   (schemas/readings.ts): OUR assumption (the code's group read through the documented status rule), which a
 *   run's profile can change; never asserted against a real API as documented.
 * - `message`: the exact wire message where documented ("Messages are the exact strings returned by the
 *   API"), else null; `meaning` paraphrases the docs where only a description was visible (where the
 *   docs show none, `unsure` says the meaning is ours). The simulator sends `meaning` when `message` is null.
 * - `unsure`: why part of the row is not confirmed (UNSURE readings in docs-facts.md).
 */
import { DOC_PAGES } from './doc-pages';

const ERROR_CATALOG_PAGE = DOC_PAGES.errorCatalog;

// prettier-ignore
export const ERROR_CATALOG = [
  // General & Parameters (7000-7099)
  { code: '7000', name: 'CHECK_PARAMETERS', http: 400, message: 'Check the parameters provided.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7001', name: 'GREATER_THAN_ZERO', http: 400, message: 'The amount must be greater than zero.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7002', name: 'INVALID_FORMAT_AMOUNT', http: 400, message: 'Invalid amount format.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7003', name: 'CONSULT_WITH_SUPPORT', http: 500, message: 'Please contact support for assistance.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7004', name: 'SERVICES_NOT_FOUND', http: 404, message: 'Required services not found.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7005', name: 'PROCESSOR_NOT_FOUND', http: 404, message: 'Payment processor not found.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7006', name: 'EXTERNAL_ID_ALREADY_EXISTS', http: 409, message: 'External ID already exists.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7007', name: 'ERROR_GETTING_ACTIONS', http: 500, message: 'Error retrieving actions.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7008', name: 'ERROR_DATE_RTU', http: 500, message: 'The RTU (Real-Time Update) date is invalid. The update date must be within the last 6 months from the current date.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7009', name: 'ERROR_CAN_INVOICE_PARAM', http: 500, message: 'Error with invoice parameters.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7010', name: 'NOT_FOUND', http: 404, message: 'Not found, verify endpoint', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7011', name: 'ERROR_CREATE_TERMINAL_PROCESSOR', http: 500, message: 'Error creating terminal processor, please verify data and try again.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7012', name: 'ERROR_UPDATE_TERMINAL_PROCESSOR', http: 500, message: 'Error updating terminal processor, please verify data and try again.', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7013', name: 'TERMINAL_PROCESSOR_NOT_FOUND', http: 404, message: 'Terminal processor not found', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE },
  { code: '7014', name: 'TERMINAL_PROCESSOR_EMPTY', http: 404, message: null, meaning: 'Terminal does not have a terminal processor', group: 'general', surface: 'gateway', source: ERROR_CATALOG_PAGE, unsure: 'The documented message is cut after "Terminal does not have a terminal proces".' },
  // Users (7100-7199)
  { code: '7100', name: 'USER_NOT_FOUND', http: null, assumedHttp: 404, message: 'User not found in the system.', group: 'users', surface: 'gateway', source: DOC_PAGES.errorHandling, unsure: 'HTTP status not documented; the group title is not visible.' },
  // Cards (7200-7299)
  { code: '7200', name: 'CARD_NOT_FOUND', http: null, assumedHttp: 404, message: 'Card not found in the system.', group: 'cards', surface: 'gateway', source: ERROR_CATALOG_PAGE, unsure: 'Only code and message appear (in the catalog envelope example); the name and HTTP status are not documented.' },
  { code: '7205', name: 'INCORRECT_PIN', http: null, assumedHttp: 400, message: null, meaning: 'Wrong PIN entered', group: 'cards', surface: 'gateway', source: DOC_PAGES.pinManagement, unsure: 'HTTP status and exact message not documented.' },
  { code: '7210', name: 'CARD_NOT_UPDATED', http: null, assumedHttp: 500, message: null, meaning: 'The card (incl. PIN) could not be updated', group: 'cards', surface: 'gateway', source: DOC_PAGES.pinManagement, unsure: 'HTTP status and exact message not documented.' },
  { code: '7213', name: 'INVALID_STATUS_CARD', http: null, assumedHttp: 409, message: null, meaning: 'Card is in a state that does not allow the operation', group: 'cards', surface: 'gateway', source: DOC_PAGES.pinManagement, unsure: 'HTTP status and exact message not documented.' },
  { code: '7220', name: 'THIRD_PARTY_CARD_NOT_FOUND', http: null, assumedHttp: 404, message: null, meaning: 'No card matches the supplied owner email + suffix', group: 'cards', surface: 'gateway', source: DOC_PAGES.thirdPartyCards, unsure: 'HTTP status and exact message not documented.' },
  { code: '7221', name: 'ERROR_CREATING_THIRD_PARTY_CARD', http: null, assumedHttp: 500, message: null, meaning: 'The association could not be created', group: 'cards', surface: 'gateway', source: DOC_PAGES.thirdPartyCards, unsure: 'HTTP status and exact message not documented; the description is cut.' },
  // Transfers / funds (7300-7399)
  { code: '7300', name: 'ERROR_CREATING_TRANSFER', http: null, assumedHttp: 500, message: null, meaning: 'The transfer could not be created', group: 'transfers', surface: 'gateway', source: DOC_PAGES.cardTransfers, unsure: 'HTTP status and exact message not documented; the group title is not visible.' },
  { code: '7301', name: 'ERROR_UPDATING_TRANSFER', http: null, assumedHttp: 500, message: null, meaning: 'The transfer could not be updated', group: 'transfers', surface: 'gateway', source: DOC_PAGES.cardTransfers, unsure: 'The name is cut after "ERROR_UPDATING_TRANS"; HTTP status, message and meaning not documented (the meaning is ours, read from the name).' },
  { code: '7303', name: 'INSUFFICIENT_FUNDS', http: null, assumedHttp: 409, message: null, meaning: 'Over-spend attempt; you cannot overdraw a card balance', group: 'transfers', surface: 'gateway', source: DOC_PAGES.walletOverview, unsure: 'HTTP status and exact message not documented.' },
  // JWT flow
  { code: 'TOKEN_EXPIRED', name: 'TOKEN_EXPIRED', http: 401, message: null, meaning: 'The access token expired: refresh it, do not log in again', group: 'auth', surface: 'auth', source: DOC_PAGES.goLive, unsure: 'Where the string sits in the 401 body is not documented.' },
  // Middleware ownCodes, Alternative Payments dismiss
  { code: '5000', name: 'MISSING_TRANSACTION_ID', http: 400, message: null, meaning: 'Missing transactionId', group: 'middleware-dismiss', surface: 'middleware', source: DOC_PAGES.altDismissTransaction, unsure: 'No name or exact message documented; the name is ours.' },
  { code: '2000', name: 'TRANSACTION_NOT_FOUND', http: 404, message: null, meaning: 'Transaction not found', group: 'middleware-dismiss', surface: 'middleware', source: DOC_PAGES.altDismissTransaction, unsure: 'No name or exact message documented; the name is ours.' },
  { code: '4021', name: 'PROCESSOR_CANNOT_CANCEL', http: 405, message: null, meaning: 'Processor does not support cancel (IN_PROGRESS without a cancel hook)', group: 'middleware-dismiss', surface: 'middleware', source: DOC_PAGES.altDismissTransaction, unsure: 'The message is cut after "Processor does n"; the name is ours.' },
  { code: '4020', name: 'INELIGIBLE_STATUS', http: 409, message: null, meaning: 'Ineligible status for dismiss (APPROVED, DENIED, EXPIRED, DISMISSED)', group: 'middleware-dismiss', surface: 'middleware', source: DOC_PAGES.altDismissTransaction, unsure: 'No name or exact message documented; the name is ours.' },
  // Middleware library codes, subscription charge intake
  { code: 'IDEMPOTENCY_CONFLICT', name: 'IDEMPOTENCY_CONFLICT', http: 405, message: null, group: 'middleware-charges', surface: 'middleware', source: DOC_PAGES.bulkCharges, unsure: 'Where the code sits in the body is not documented.' },
  { code: 'PLAN_RULE_VIOLATION', name: 'PLAN_RULE_VIOLATION', http: 405, message: null, group: 'middleware-charges', surface: 'middleware', source: DOC_PAGES.bulkCharges, unsure: 'Where the code sits in the body is not documented.' },
  { code: 'UNPROCESSABLE', name: 'UNPROCESSABLE', http: 405, message: null, group: 'middleware-charges', surface: 'middleware', source: DOC_PAGES.bulkCharges, unsure: 'Where the code sits in the body is not documented.' },
] as const;

// ---------------------------------------------------------------------------------------------------------
// Everything below is derived from the table above: no code is written twice.

export type CatalogEntry = (typeof ERROR_CATALOG)[number];
export type ErrorCode = CatalogEntry['code'];
/** WG/CMS business codes: strings in `errors[].code` of a CustomResponse. */
export type GatewayErrorCode = Extract<CatalogEntry, { surface: 'gateway' }>['code'];
type NumericCode<C> = C extends `${infer N extends number}` ? N : never;
/** Middleware `ownCode`s are integers on the wire (the library codes such as IDEMPOTENCY_CONFLICT are not). */
export type MiddlewareOwnCode = NumericCode<Extract<CatalogEntry, { surface: 'middleware' }>['code']>;

/** The WG/CMS code space (error-handling page): 7000–8099, distinct from every Middleware ownCode. */
export const GATEWAY_CODE_RANGE = { min: 7000, max: 8099 } as const;
/** `GATEWAY_CODE_RANGE` as a string pattern: the catalog is only partly readable, so any code in range is accepted. */
export const GATEWAY_CODE_PATTERN = '^(?:7[0-9]{3}|80[0-9]{2})$';

const isGateway = (row: CatalogEntry): row is Extract<CatalogEntry, { surface: 'gateway' }> =>
  row.surface === 'gateway';

export const GATEWAY_ERROR_CODES: readonly GatewayErrorCode[] = ERROR_CATALOG.filter(isGateway).map(
  (row) => row.code,
);

export const MIDDLEWARE_OWN_CODES: readonly MiddlewareOwnCode[] = ERROR_CATALOG.flatMap((row) =>
  row.surface === 'middleware' && /^[0-9]+$/.test(row.code) ? [Number(row.code) as MiddlewareOwnCode] : [],
);

/** The row of a code; a number is read as a Middleware ownCode. Undefined for a code the catalog lacks. */
export function catalogEntry(code: ErrorCode): CatalogEntry;
export function catalogEntry(code: string | number): CatalogEntry | undefined;
export function catalogEntry(code: string | number): CatalogEntry | undefined {
  const key = String(code);
  return ERROR_CATALOG.find((row) => row.code === key);
}

/** The HTTP status the docs state for a code, or null (undocumented status or unknown code). */
export function documentedStatus(code: string | number): number | null {
  return catalogEntry(code)?.http ?? null;
}

/**
 * The WG/CMS response interceptor's order (error-handling page): a code's status is the first of these sets
 * that holds it; a code in none of them is a 500.
 */
export const STATUS_RULE_ORDER = [500, 404, 400, 401, 403, 409] as const;

/**
 * The options in force for the `error-status-<code>` readings (schemas/readings.ts). Only the part this module
 * reads is typed here, so the catalog stays free of the readings table (which is built from the catalog).
 */
export type ErrorStatusReadings = Readonly<Partial<Record<`error-status-${string}`, string>>>;

/**
 * The status a code gets where no page states it: the option of its `error-status-<code>` reading, else the
 * catalog's `assumedHttp` (that reading's default). Undefined for documented and unknown codes.
 */
function readingStatus(row: CatalogEntry, readings: ErrorStatusReadings): number | undefined {
  if (!('assumedHttp' in row)) return undefined;
  const option = readings[`error-status-${row.code}`];
  return option === undefined ? row.assumedHttp : Number(option);
}

/**
 * The status the WG/CMS interceptor rule gives a code: its documented status, or where the docs are silent the
 * option of its reading; a code the catalog lacks (7015–8099 are unreadable) is in no set: 500.
 */
export function statusByRule(code: string | number, readings: ErrorStatusReadings = {}): number {
  const row = catalogEntry(code);
  if (!row || row.surface === 'middleware') return 500;
  return row.http ?? readingStatus(row, readings) ?? 500;
}

/**
 * What a check should expect for a code: `documented: true` when a doc page states the status (assert it
 * strictly); otherwise the option of the code's reading (`reading` names it), which a target may contradict.
 */
export function expectedStatus(
  code: string | number,
  readings: ErrorStatusReadings = {},
): { status: number; documented: boolean; reading?: string } {
  const documented = documentedStatus(code);
  if (documented !== null) return { status: documented, documented: true };
  const row = catalogEntry(code);
  const status = statusByRule(code, readings);
  return row && 'assumedHttp' in row
    ? { status, documented: false, reading: `error-status-${row.code}` }
    : { status, documented: false };
}
