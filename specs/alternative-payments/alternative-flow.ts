/**
 * What the Alternative Payments specs share: creating a transaction the documented way and choosing processors from
 * its `paymentMethods` (the runtime source of truth, payment-intents page), never from a hard-coded list.
 */
import { expectReading, type MigoFixtures } from '../../fixtures';
import type { Readings } from '../../schemas/readings';
import { OTHER_MEANING_OWN_CODES, VALIDATION_REFUSAL } from '../documented';

type Fixtures = MigoFixtures;
type Api = Fixtures['api'];
export type Exchange = Awaited<ReturnType<Api['alternative']['create']>>;

export interface CreatedTransaction {
  uid: string;
  paymentMethods: string[];
  expireAt: number;
}

/** Processors the process-payment page lists as needing no `data`. */
export const NO_DATA_PROCESSORS = ['zigi', 'akisiQR', 'bancoIndustrial', 'quickPayQR', 'pronet'] as const;

/** Processors whose payment-intents answer is special-cased with `requiredFields` (payment-intents page). */
export const SPECIAL_CASED_INTENTS = ['fri', 'nequi', 'globalPay-PSE'] as const;

/**
 * Where the docs do not say which processor cancels how, these are the simulator's model (simulator/processors.ts):
 * a spec relying on them runs against the simulator only. zigi is the exception: the refunds page names it as the
 * example of a cancellable in-flight request ("Cancel applies to an in-flight async request (e.g. Zigi)"), which
 * this suite reads as zigi having the dedicated cancel hook of the dismiss matrix. That reading is UNSURE (the
 * page does not say which dismiss row zigi takes): a failure of that row against Migo may mean zigi cancels
 * through the generic upstream path instead.
 */
export const CANCEL_HOOK_PROCESSOR = 'zigi';
export const MODELLED_NO_CANCEL_PROCESSOR = 'akisiQR';
export const MODELLED_UPSTREAM_CANCEL_PROCESSOR = 'bamPaymentButton';

export const LOCAL_MODEL_ONLY =
  "which processor cancels how is not documented: this row relies on the simulator's processor model";

export async function createTransaction(
  api: Api,
  userId: string,
  amount: number,
): Promise<CreatedTransaction> {
  const created = await api.alternative.create({ amount, channel: 'web', userId });
  expect200(created, 'create the Alternative Payments transaction');
  const { data } = created.body as { data: CreatedTransaction };
  return data;
}

/** A uid Migo never issued, shaped like a real one: the real uid with its id part reversed, plus a digit. */
export function unknownTransactionUid(uid: string): string {
  return uid.replace(/[0-9a-f]+$/i, (id) => [...id].reverse().join('') + '0');
}

/** The first enabled processor that needs no `data`, so a spec can reach IN_PROGRESS anywhere. */
export function noDataProcessor(txn: CreatedTransaction): string | undefined {
  return NO_DATA_PROCESSORS.find((p) => txn.paymentMethods.includes(p));
}

export function notEnabled(processor: string, txn: CreatedTransaction): string {
  return `${processor} is not in this merchant's paymentMethods (${txn.paymentMethods.join(', ') || 'none'}): ask Migo to enable it to run this row`;
}

export function expect200(x: Exchange, what: string): void {
  if (x.status !== 200)
    throw new Error(`could not ${what}: ${x.endpoint} answered ${x.status} ${x.text.slice(0, 200)}`);
}

/**
 * The Middleware error envelope's ownCode as a number, or undefined when the body is not one. A JSON number or a
 * string of digits (the reading middleware-own-code-type): the exchange's schema check has judged which one.
 */
export function ownCodeOf(x: Pick<Exchange, 'body'>): number | undefined {
  const ownCode = (x.body as { ownCode?: unknown } | undefined)?.ownCode;
  if (typeof ownCode === 'number') return ownCode;
  return typeof ownCode === 'string' && /^[0-9]+$/.test(ownCode) ? Number(ownCode) : undefined;
}

/**
 * How a dismiss of an IN_PROGRESS CANCEL_HOOK_PROCESSOR transaction must end under the reading zigi-dismiss: its
 * dedicated cancel hook (CANCELLED, as JSON {message, transaction}) or the generic upstream cancel (the text OK).
 */
export function expectCancelHookDismiss(readings: Readings, dismissed: Exchange, uid: string): void {
  const body = dismissed.body as {
    message?: unknown;
    transaction?: { uid?: unknown; status?: unknown };
  } | null;
  const seen = dismissed.text.slice(0, 80);
  expectReading(
    readings,
    'zigi-dismiss',
    `the dismiss of an IN_PROGRESS ${CANCEL_HOOK_PROCESSOR} transaction`,
    (option) => {
      if (option === 'upstream-cancel')
        return dismissed.text.trim() === 'OK' ? undefined : `answered ${seen}, not the text OK`;
      return typeof body === 'object' &&
        body !== null &&
        typeof body.message === 'string' &&
        body.transaction?.uid === uid &&
        body.transaction.status === 'CANCELLED'
        ? undefined
        : `answered ${seen}, not {message, transaction: {uid, status: "CANCELLED"}}`;
    },
  );
}

/** The WG/CMS code range, which a Middleware ownCode never falls in (error-handling page: the ranges do not overlap). */
const GATEWAY_RANGE = { min: 7000, max: 8099 };

/**
 * A Middleware validation refusal as the reading middleware-validation-status says: 400 with the documented
 * ownCode 5000 (dismiss page, "400/5000"), or 422 with an ownCode of its own (none is documented for it: any
 * outside the WG range and not one documented with another meaning). Not just "some number".
 */
export function expectValidationRefusal(readings: Readings, x: Exchange, what: string): void {
  const ownCode = ownCodeOf(x);
  expectReading(readings, 'middleware-validation-status', what, (option) => {
    if (x.status !== Number(option)) return `HTTP ${x.status}, not ${option}`;
    if (option === String(VALIDATION_REFUSAL.status))
      return ownCode === VALIDATION_REFUSAL.ownCode
        ? undefined
        : `ownCode ${JSON.stringify(ownCode)}, not the documented validation ownCode ${VALIDATION_REFUSAL.ownCode} (${VALIDATION_REFUSAL.page})`;
    if (ownCode === undefined) return 'no ownCode';
    if (ownCode >= GATEWAY_RANGE.min && ownCode <= GATEWAY_RANGE.max)
      return `ownCode ${ownCode} lies in the Wallet Gateway range ${GATEWAY_RANGE.min}–${GATEWAY_RANGE.max}`;
    return (OTHER_MEANING_OWN_CODES as readonly number[]).includes(ownCode)
      ? `ownCode ${ownCode} is documented with another meaning`
      : undefined;
  });
}
