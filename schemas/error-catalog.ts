/**
 * The Migo error catalog: the only place in this project where an error code is written.
 *
 * Sources: https://api-docs.migopayments.com/en/support/error-catalog (rows 7000–7014, exact messages),
 * the error-handling page (7100), the wallet pages (7200–7303 meanings), the dismiss page (Middleware
 * ownCodes) and the go-live page (TOKEN_EXPIRED). Only part of the catalog could be read: 7015–8099 are
 * not listed, so a code outside this table is "undocumented", not "invalid".
 *
 * Columns:
 * - `http`: the documented HTTP status, or null where no page states it.
 * - `assumedHttp`: what the embedded simulator answers where `http` is null. It is OUR assumption (the
 *   code's group read through the documented status rule), never asserted against a real API as documented.
 * - `message`: the exact wire message where documented ("Messages are the exact strings returned by the
 *   API"), else null; `meaning` paraphrases the docs where only a description was visible.
 * - `unsure`: why part of the row is not confirmed (UNSURE readings in docs-facts.md).
 */
const ERROR_CATALOG_PAGE = 'https://api-docs.migopayments.com/en/support/error-catalog';

// prettier-ignore
export const ERROR_CATALOG = [
  // General & Parameters (7000-7099): https://api-docs.migopayments.com/en/support/error-catalog
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
  // Users (7100-7199): https://api-docs.migopayments.com/en/concepts/error-handling
  { code: '7100', name: 'USER_NOT_FOUND', http: null, assumedHttp: 404, message: 'User not found in the system.', group: 'users', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/concepts/error-handling', unsure: 'HTTP status not documented; the group title is not visible.' },
  // Cards (7200-7299)
  { code: '7200', name: 'CARD_NOT_FOUND', http: null, assumedHttp: 404, message: 'Card not found in the system.', group: 'cards', surface: 'gateway', source: ERROR_CATALOG_PAGE, unsure: 'Only code and message appear (in the catalog envelope example); the name and HTTP status are not documented.' },
  { code: '7205', name: 'INCORRECT_PIN', http: null, assumedHttp: 400, message: null, meaning: 'Wrong PIN entered', group: 'cards', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/pin-management', unsure: 'HTTP status and exact message not documented.' },
  { code: '7210', name: 'CARD_NOT_UPDATED', http: null, assumedHttp: 500, message: null, meaning: 'The card (incl. PIN) could not be updated', group: 'cards', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/pin-management', unsure: 'HTTP status and exact message not documented.' },
  { code: '7213', name: 'INVALID_STATUS_CARD', http: null, assumedHttp: 409, message: null, meaning: 'Card is in a state that does not allow the operation', group: 'cards', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/pin-management', unsure: 'HTTP status and exact message not documented.' },
  { code: '7220', name: 'THIRD_PARTY_CARD_NOT_FOUND', http: null, assumedHttp: 404, message: null, meaning: 'No card matches the supplied owner email + suffix', group: 'cards', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/third-party-cards', unsure: 'HTTP status and exact message not documented.' },
  { code: '7221', name: 'ERROR_CREATING_THIRD_PARTY_CARD', http: null, assumedHttp: 500, message: null, meaning: 'The association could not be created', group: 'cards', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/third-party-cards', unsure: 'HTTP status and exact message not documented; the description is cut.' },
  // Transfers / funds (7300-7399)
  { code: '7300', name: 'ERROR_CREATING_TRANSFER', http: null, assumedHttp: 500, message: null, meaning: 'The transfer could not be created', group: 'transfers', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/card-transfers', unsure: 'HTTP status and exact message not documented; the group title is not visible.' },
  { code: '7301', name: 'ERROR_UPDATING_TRANSFER', http: null, assumedHttp: 500, message: null, meaning: 'The transfer could not be updated', group: 'transfers', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/card-transfers', unsure: 'The name is cut after "ERROR_UPDATING_TRANS"; HTTP status and message not documented.' },
  { code: '7303', name: 'INSUFFICIENT_FUNDS', http: null, assumedHttp: 409, message: null, meaning: 'Over-spend attempt; you cannot overdraw a card balance', group: 'transfers', surface: 'gateway', source: 'https://api-docs.migopayments.com/en/wallet/overview', unsure: 'HTTP status and exact message not documented.' },
  // JWT flow: https://api-docs.migopayments.com/en/introduction/go-live
  { code: 'TOKEN_EXPIRED', name: 'TOKEN_EXPIRED', http: 401, message: null, meaning: 'The access token expired: refresh it, do not log in again', group: 'auth', surface: 'auth', source: 'https://api-docs.migopayments.com/en/introduction/go-live', unsure: 'Where the string sits in the 401 body is not documented.' },
  // Middleware ownCodes, Alternative Payments dismiss: https://api-docs.migopayments.com/en/alternative-payments/dismiss-transaction
  { code: '5000', name: 'MISSING_TRANSACTION_ID', http: 400, message: null, meaning: 'Missing transactionId', group: 'middleware-dismiss', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/alternative-payments/dismiss-transaction', unsure: 'No name or exact message documented; the name is ours.' },
  { code: '2000', name: 'TRANSACTION_NOT_FOUND', http: 404, message: null, meaning: 'Transaction not found', group: 'middleware-dismiss', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/alternative-payments/dismiss-transaction', unsure: 'No name or exact message documented; the name is ours.' },
  { code: '4021', name: 'PROCESSOR_CANNOT_CANCEL', http: 405, message: null, meaning: 'Processor does not support cancel (IN_PROGRESS without a cancel hook)', group: 'middleware-dismiss', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/alternative-payments/dismiss-transaction', unsure: 'The message is cut after "Processor does n"; the name is ours.' },
  { code: '4020', name: 'INELIGIBLE_STATUS', http: 409, message: null, meaning: 'Ineligible status for dismiss (APPROVED, DENIED, EXPIRED, DISMISSED)', group: 'middleware-dismiss', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/alternative-payments/dismiss-transaction', unsure: 'No name or exact message documented; the name is ours.' },
  // Middleware library codes, subscription charge intake: https://api-docs.migopayments.com/en/recurring-payments/bulk-charges
  { code: 'IDEMPOTENCY_CONFLICT', name: 'IDEMPOTENCY_CONFLICT', http: 405, message: null, group: 'middleware-charges', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/recurring-payments/bulk-charges', unsure: 'Where the code sits in the body is not documented.' },
  { code: 'PLAN_RULE_VIOLATION', name: 'PLAN_RULE_VIOLATION', http: 405, message: null, group: 'middleware-charges', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/recurring-payments/bulk-charges', unsure: 'Where the code sits in the body is not documented.' },
  { code: 'UNPROCESSABLE', name: 'UNPROCESSABLE', http: 405, message: null, group: 'middleware-charges', surface: 'middleware', source: 'https://api-docs.migopayments.com/en/recurring-payments/bulk-charges', unsure: 'Where the code sits in the body is not documented.' },
] as const;
