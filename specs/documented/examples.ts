/**
 * Documented examples the specs compare against, copied from the pages (literal data with its page), so no spec
 * takes an expected value from what the simulator serves.
 */
import { PAGES } from './pages';

/** Dismiss of a CREATED or USED transaction: "200 OK (plain text `OK`)" (dismiss page, behaviour matrix). */
export const DISMISS_OK = { status: 200, text: 'OK', page: PAGES.altDismissTransaction } as const;

/**
 * The dismiss page's behaviour matrix: the status a dismiss moves a transaction to (`CREATED`, `USED` →
 * `DISMISSED`), and the states it refuses as ineligible (409, ownCode 4020).
 */
export const DISMISS_MATRIX = {
  dismissedFrom: ['CREATED', 'USED'],
  dismissedStatus: 'DISMISSED',
  ineligible: ['APPROVED', 'DENIED', 'EXPIRED', 'DISMISSED'],
  page: PAGES.altDismissTransaction,
} as const;

/** The WG/CMS error envelope example of the error-catalog page. */
export const CATALOG_ERROR_EXAMPLE = {
  body: {
    success: false,
    message: 'Optional human-readable summary',
    errors: [{ code: '7200', message: 'Card not found in the system.' }],
  },
  page: PAGES.errorCatalog,
} as const;

/** The Payment Link create answer (create-payment-link page): no envelope, uppercase `URL` with `orderId`. */
export const PAYMENT_LINK_EXAMPLE = {
  body: {
    uid: 'trx_8f3c2b1d9e7a',
    reference: 'CLIENT020007SB',
    URL: 'https://sandbox.migopayments.com/?orderId=trx_8f3c2b1d9e7a',
  },
  page: PAGES.createPaymentLink,
} as const;

/**
 * The one documented Middleware validation refusal: "400/5000 Missing transactionId" (dismiss page). Under the
 * reading middleware-validation-status=400 ("400, as the documented ownCode 5000") every validation failure is
 * answered so; under 422 no ownCode is documented, so none is expected beyond the envelope's rules.
 */
export const VALIDATION_REFUSAL = { status: 400, ownCode: 5000, page: PAGES.altDismissTransaction } as const;

/** The documented Middleware ownCodes of other meanings: a validation refusal carrying one is mislabelled. */
export const OTHER_MEANING_OWN_CODES = [2000, 4020, 4021] as const;
