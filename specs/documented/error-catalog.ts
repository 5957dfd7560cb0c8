/**
 * The Migo error catalog as the documents give it: literal data, copied from the pages (docs-facts.md "error-catalog"
 * and /work/shared/migo-api/error-catalog.json), each row with the page it comes from. The catalog specs take
 * their expected status and message from here, never from schemas/error-catalog.ts, which is the table the
 * simulator answers from: a change to that table must fail the specs, not move them along with it.
 *
 * This data changes only when the docs change. tests/contract/documented-values.test.ts says where the
 * simulator's table differs from it (fix the table, not this file).
 *
 * Columns:
 * - `name`: as the page spells it; null where no page names the code (`ourName` is the suite's label for titles).
 * - `http`: the status a page states, or null: then the status is a reading (`error-status-<code>` in
 *   schemas/readings.ts), never a literal here.
 * - `message`: the exact wire string ("Messages are the exact strings returned by the API", error-catalog page),
 *   or null where no page shows it; `messageCut` is the visible start of a message the page cuts off; `meaning`
 *   the page's description where it gives no wire text.
 */
import { PAGES } from './pages';

export interface DocumentedError {
  readonly code: string;
  readonly name: string | null;
  readonly ourName?: string;
  readonly http: number | null;
  readonly message: string | null;
  readonly messageCut?: string;
  readonly meaning?: string;
  /** Where the code is carried: Wallet Gateway/CMS `errors[].code`, Middleware `ownCode`, or the JWT 401. */
  readonly surface: 'gateway' | 'middleware' | 'auth';
  readonly page: string;
}

const catalog = PAGES.errorCatalog;

// prettier-ignore
export const DOCUMENTED_ERRORS = [
  // error-catalog page, group "General & Parameters (7000–7099)": code, name, HTTP and exact message.
  { code: '7000', name: 'CHECK_PARAMETERS', http: 400, message: 'Check the parameters provided.', surface: 'gateway', page: catalog },
  { code: '7001', name: 'GREATER_THAN_ZERO', http: 400, message: 'The amount must be greater than zero.', surface: 'gateway', page: catalog },
  { code: '7002', name: 'INVALID_FORMAT_AMOUNT', http: 400, message: 'Invalid amount format.', surface: 'gateway', page: catalog },
  { code: '7003', name: 'CONSULT_WITH_SUPPORT', http: 500, message: 'Please contact support for assistance.', surface: 'gateway', page: catalog },
  { code: '7004', name: 'SERVICES_NOT_FOUND', http: 404, message: 'Required services not found.', surface: 'gateway', page: catalog },
  { code: '7005', name: 'PROCESSOR_NOT_FOUND', http: 404, message: 'Payment processor not found.', surface: 'gateway', page: catalog },
  { code: '7006', name: 'EXTERNAL_ID_ALREADY_EXISTS', http: 409, message: 'External ID already exists.', surface: 'gateway', page: catalog },
  { code: '7007', name: 'ERROR_GETTING_ACTIONS', http: 500, message: 'Error retrieving actions.', surface: 'gateway', page: catalog },
  { code: '7008', name: 'ERROR_DATE_RTU', http: 500, message: 'The RTU (Real-Time Update) date is invalid. The update date must be within the last 6 months from the current date.', surface: 'gateway', page: catalog },
  { code: '7009', name: 'ERROR_CAN_INVOICE_PARAM', http: 500, message: 'Error with invoice parameters.', surface: 'gateway', page: catalog },
  { code: '7010', name: 'NOT_FOUND', http: 404, message: 'Not found, verify endpoint', surface: 'gateway', page: catalog },
  { code: '7011', name: 'ERROR_CREATE_TERMINAL_PROCESSOR', http: 500, message: 'Error creating terminal processor, please verify data and try again.', surface: 'gateway', page: catalog },
  { code: '7012', name: 'ERROR_UPDATE_TERMINAL_PROCESSOR', http: 500, message: 'Error updating terminal processor, please verify data and try again.', surface: 'gateway', page: catalog },
  { code: '7013', name: 'TERMINAL_PROCESSOR_NOT_FOUND', http: 404, message: 'Terminal processor not found', surface: 'gateway', page: catalog },
  { code: '7014', name: 'TERMINAL_PROCESSOR_EMPTY', http: 404, message: null, messageCut: 'Terminal does not have a terminal proces', surface: 'gateway', page: catalog },
  // error-handling page, envelope example: code, name and message; no status.
  { code: '7100', name: 'USER_NOT_FOUND', http: null, message: 'User not found in the system.', surface: 'gateway', page: PAGES.errorHandling },
  // error-catalog page, envelope example: code and message only.
  { code: '7200', name: null, ourName: 'CARD_NOT_FOUND', http: null, message: 'Card not found in the system.', surface: 'gateway', page: catalog },
  // wallet pages: code, name and a description; no status, no wire text.
  { code: '7205', name: 'INCORRECT_PIN', http: null, message: null, meaning: 'Wrong PIN entered', surface: 'gateway', page: PAGES.pinManagement },
  { code: '7210', name: 'CARD_NOT_UPDATED', http: null, message: null, meaning: 'The card (incl. PIN) could not be updated', surface: 'gateway', page: PAGES.pinManagement },
  { code: '7213', name: 'INVALID_STATUS_CARD', http: null, message: null, meaning: 'Card is in a state that does not allow the operation', surface: 'gateway', page: PAGES.pinManagement },
  { code: '7220', name: 'THIRD_PARTY_CARD_NOT_FOUND', http: null, message: null, meaning: 'No card matches the supplied owner email + suffix', surface: 'gateway', page: PAGES.thirdPartyCards },
  { code: '7221', name: 'ERROR_CREATING_THIRD_PARTY_CARD', http: null, message: null, meaning: 'The association could [not be created] (cut)', surface: 'gateway', page: PAGES.thirdPartyCards },
  { code: '7300', name: 'ERROR_CREATING_TRANSFER', http: null, message: null, meaning: 'The transfer could not be created', surface: 'gateway', page: PAGES.cardTransfers },
  { code: '7301', name: null, ourName: 'ERROR_UPDATING_TRANSFER', http: null, message: null, surface: 'gateway', page: PAGES.cardTransfers },
  { code: '7303', name: 'INSUFFICIENT_FUNDS', http: null, message: null, meaning: 'Over-spend attempt; you cannot overdraw a card balance', surface: 'gateway', page: PAGES.walletOverview },
  // go-live page: "refresh on 401 TOKEN_EXPIRED"; where the string sits in the body is not documented.
  { code: 'TOKEN_EXPIRED', name: 'TOKEN_EXPIRED', http: 401, message: null, surface: 'auth', page: PAGES.goLive },
  // dismiss page: HTTP status and ownCode with a description; no name, no wire text.
  { code: '5000', name: null, ourName: 'MISSING_TRANSACTION_ID', http: 400, message: null, meaning: 'Missing transactionId', surface: 'middleware', page: PAGES.altDismissTransaction },
  { code: '2000', name: null, ourName: 'TRANSACTION_NOT_FOUND', http: 404, message: null, meaning: 'Transaction not found', surface: 'middleware', page: PAGES.altDismissTransaction },
  { code: '4021', name: null, ourName: 'PROCESSOR_CANNOT_CANCEL', http: 405, message: null, messageCut: 'Processor does n', surface: 'middleware', page: PAGES.altDismissTransaction },
  { code: '4020', name: null, ourName: 'INELIGIBLE_STATUS', http: 409, message: null, meaning: 'Ineligible status for dismiss (APPROVED, DENIED, EXPIRED, DISMISSED)', surface: 'middleware', page: PAGES.altDismissTransaction },
  // bulk-charges page: library codes the intake maps to HTTP 405; their place in the body is not documented.
  { code: 'IDEMPOTENCY_CONFLICT', name: 'IDEMPOTENCY_CONFLICT', http: 405, message: null, surface: 'middleware', page: PAGES.bulkCharges },
  { code: 'PLAN_RULE_VIOLATION', name: 'PLAN_RULE_VIOLATION', http: 405, message: null, surface: 'middleware', page: PAGES.bulkCharges },
  { code: 'UNPROCESSABLE', name: 'UNPROCESSABLE', http: 405, message: null, surface: 'middleware', page: PAGES.bulkCharges },
] as const satisfies readonly DocumentedError[];

export type DocumentedCode = (typeof DOCUMENTED_ERRORS)[number]['code'];

/** The documented row of a code; throws for a code no page lists, naming where to add it. */
export function documentedError(code: string | number): DocumentedError {
  const row = (DOCUMENTED_ERRORS as readonly DocumentedError[]).find((r) => r.code === String(code));
  if (!row)
    throw new Error(
      `error code ${code} is not in specs/documented/error-catalog.ts: add it there only with the doc page that lists it`,
    );
  return row;
}

/** The name a test title uses: the documented one, else the suite's label. */
export function labelOf(row: DocumentedError): string {
  return row.name ?? row.ourName ?? row.code;
}
