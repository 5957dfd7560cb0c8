import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';

/**
 * Card-acceptance TransactionStatus values seen in the docs (lowercase). The list is partial: the callback
 * shows "approved / denied / …" and the lifecycle page names used, authorized, refunded, expired.
 */
export const CARD_TRANSACTION_STATUSES = [
  'approved',
  'denied',
  'used',
  'authorized',
  'refunded',
  'expired',
] as const;
export type KnownCardTransactionStatus = (typeof CARD_TRANSACTION_STATUSES)[number];

/** A lowercase status: unknown lowercase values pass (the full list is cut), an uppercase one fails. */
export const CardTransactionStatusSchema = {
  type: 'string',
  pattern: '^[a-z][a-z_]*$',
  [DOCUMENTED_VALUES]: CARD_TRANSACTION_STATUSES,
  description: `Lowercase card-acceptance status, e.g. approved, denied. Source: ${DOC_PAGES.createPaymentLink} and ${DOC_PAGES.paymentLifecycle}. UNSURE: the full list is cut.`,
} as const;

/** The same statuses written in upper case (reading callback-status-case = uppercase). */
export const UppercaseCardTransactionStatusSchema = {
  type: 'string',
  pattern: '^[A-Z][A-Z_]*$',
  [DOCUMENTED_VALUES]: CARD_TRANSACTION_STATUSES.map((status) => status.toUpperCase()),
  description: `Uppercase card-acceptance status, e.g. APPROVED, DENIED (reading callback-status-case = uppercase). Source: ${DOC_PAGES.altDismissTransaction}.`,
} as const;
