/**
 * Terminal statuses and what follows them: the transaction changes status and the Merchant Generic Callback is
 * queued (never awaited, so the response that caused it is not held up).
 */
import type { SimulatorContext } from './context';
import type { AlternativeStatus, AlternativeTransaction, PaymentLinkTransaction } from './store';
import { TERMINAL_ALTERNATIVE } from './store';

/** A Payment Link paid (or declined) in the hosted checkout. */
export function finishPaymentLink(
  ctx: SimulatorContext,
  txn: PaymentLinkTransaction,
  status: 'approved' | 'denied',
  cvc?: string,
): void {
  txn.status = status;
  ctx.callbacks.send(ctx.client().callback, {
    uid: txn.uid,
    reference: callbackReference(ctx, txn.reference),
    status: callbackStatus(ctx, status),
    ...(cvc !== undefined && ctx.mutations.has('cvv-in-callback') ? { cvv: cvc } : {}),
  });
}

/** An alternative payment reaching APPROVED / DENIED / EXPIRED (the processor's webhook to Migo, simulated). */
export function finishAlternative(
  ctx: SimulatorContext,
  txn: AlternativeTransaction,
  status: Extract<AlternativeStatus, 'APPROVED' | 'DENIED' | 'EXPIRED'>,
): void {
  txn.status = status;
  // Reading callback-reference = payment-links-only: "only this flow [Payment Link] returns the reference code".
  const withReference = ctx.readings['callback-reference'] === 'every-flow';
  ctx.callbacks.send(ctx.client().callback, {
    uid: txn.uid,
    ...(withReference ? { reference: callbackReference(ctx, txn.reference) } : {}),
    status: callbackStatus(ctx, status),
  });
}

/** The status as the reading callback-status-case writes it. */
function callbackStatus(ctx: SimulatorContext, status: string): string {
  return ctx.readings['callback-status-case'] === 'uppercase' ? status.toUpperCase() : status.toLowerCase();
}

/** The reference the callback carries: the create response's, unless a mutation breaks that rule. */
function callbackReference(ctx: SimulatorContext, reference: string): string {
  return ctx.mutations.has('callback-reference-differs') ? differentReference(reference) : reference;
}

/**
 * Expiry is evaluated when a transaction is next touched (no timers per transaction): past `expireAt`, an unpaid
 * transaction becomes EXPIRED and its callback is sent then.
 */
export function expireIfDue(ctx: SimulatorContext, txn: AlternativeTransaction): void {
  if (!TERMINAL_ALTERNATIVE.has(txn.status) && ctx.clock.nowMs() >= txn.expiresAtMs) {
    finishAlternative(ctx, txn, 'EXPIRED');
  }
}

function differentReference(reference: string): string {
  const changed = reference.replace(/\d(?=SB$)/, (digit) => String((Number(digit) + 1) % 10));
  return changed !== reference ? changed : `${reference}0`;
}
