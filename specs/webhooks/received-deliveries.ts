/**
 * Waiting on Merchant Generic Callback deliveries as the worker's receiver records them, without sleeping, and
 * asserting one the way a merchant's handler must read it. The receiver's own `waitFor` matches on `uid`; these
 * helpers also see deliveries whose body lost its `uid` (or carries another one), so a broken sender fails a
 * spec at once with what arrived instead of after the whole callback timeout.
 */
import { expect, expectUnderReadings } from '../../fixtures';
import type { Readings } from '../../schemas/readings';
import { validate } from '../../schemas/registry';

/** The fields specs read of a recorded delivery (the receiver's `CallbackDelivery`, structurally). */
export interface RecordedDelivery {
  seq: number;
  uid?: string;
  status?: string;
  body: unknown;
  headers: Record<string, string>;
  valid: boolean;
  problems: string[];
  answeredWith: number;
  duplicateOf?: number;
}

/** The receiver as these helpers use it (the `callbacks` fixture); `D` is its own delivery type. */
export interface DeliverySource<D extends RecordedDelivery> {
  readonly deliveries: D[];
  on(event: 'delivery', listener: (delivery: NoInfer<D>) => void): unknown;
  off(event: 'delivery', listener: (delivery: NoInfer<D>) => void): unknown;
}

export interface CallbackFields {
  uid: string;
  /** The reference of the transaction: the create response's for a Payment Link. */
  reference: string;
  /** The outcome, lowercase (the reading callback-status-case says how the callback writes it). */
  status: string;
  /** Only Payment Links return a reference (choose-flow page): whether others carry one is a reading. */
  flow: 'payment-link' | 'alternative';
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** One line per delivery, for failure messages (never the body: it is checked, not quoted). */
export function describeDeliveries(deliveries: readonly RecordedDelivery[]): string {
  if (deliveries.length === 0) return 'none';
  return deliveries
    .map(
      (d) =>
        `#${d.seq} uid=${d.uid ?? '(none)'} status=${d.status ?? '(none)'} answered ${d.answeredWith}` +
        (d.valid ? '' : ` invalid: ${d.problems.join('; ')}`) +
        (d.duplicateOf !== undefined ? ` duplicate of #${d.duplicateOf}` : ''),
    )
    .join(' | ');
}

/**
 * The first `count` deliveries since the receiver's last reset that `accept` lets through (all by default),
 * including those that already arrived. Rejects after `timeoutMs` naming everything that did arrive.
 */
export function collectDeliveries<D extends RecordedDelivery>(
  source: DeliverySource<D>,
  count: number,
  options: { timeoutMs: number; accept?: (delivery: D) => boolean; what?: string },
): Promise<D[]> {
  const accept = options.accept ?? (() => true);
  const what = options.what ?? `${count} Merchant Generic Callback deliver${count === 1 ? 'y' : 'ies'}`;
  const seen = source.deliveries.filter(accept);
  if (seen.length >= count) return Promise.resolve(seen.slice(0, count));
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      source.off('delivery', listener);
    };
    const listener = (delivery: D) => {
      if (!accept(delivery)) return;
      seen.push(delivery);
      if (seen.length < count) return;
      done();
      resolve(seen.slice(0, count));
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `Expected ${what} within ${options.timeoutMs} ms; got ${seen.length}. All deliveries since the test began: ${describeDeliveries(source.deliveries)}. ` +
            "Check the client's callback URL and that the sender delivers every event.",
        ),
      );
    }, options.timeoutMs);
    source.on('delivery', listener);
  });
}

/**
 * Whether a delivery may be the callback of `uid`: it carries that uid, or it is a JSON object without a
 * readable uid (a callback that lost it must fail the spec, not be waited past). Deliveries of other
 * transactions, and bodiless requests such as a tunnel's health probe, are not.
 */
export function mayBeCallbackOf(uid: string): (delivery: RecordedDelivery) => boolean {
  return (d) =>
    d.uid === uid ||
    (d.uid === undefined && typeof d.body === 'object' && d.body !== null && !Array.isArray(d.body));
}

/** The first delivery that may be the callback of `uid` (see `mayBeCallbackOf`). */
export async function firstDeliveryFor<D extends RecordedDelivery>(
  source: DeliverySource<D>,
  uid: string,
  timeoutMs: number,
): Promise<D> {
  const [delivery] = await collectDeliveries(source, 1, {
    timeoutMs,
    accept: mayBeCallbackOf(uid),
    what: `a Merchant Generic Callback for uid ${uid}`,
  });
  return delivery!;
}

/** What is wrong with a callback body under a profile (status case and reference are readings), if anything. */
function callbackProblem(body: unknown, expected: CallbackFields, readings: Readings): string | undefined {
  const schema = validate('merchant-callback', body, readings).errors.map(
    (e) => `${e.path || '/'} ${e.message}`,
  );
  if (schema.length > 0) return `the merchant-callback schema fails: ${schema.join('; ')}`;
  const got = body as { uid?: unknown; reference?: unknown; status?: unknown };
  if (got.uid !== expected.uid)
    return `uid is ${JSON.stringify(got.uid)}, not the create response's ${expected.uid}`;
  const referenceRequired =
    expected.flow === 'payment-link' || readings['callback-reference'] === 'every-flow';
  if ((referenceRequired || got.reference !== undefined) && got.reference !== expected.reference)
    return `reference is ${JSON.stringify(got.reference)}, not the transaction's ${expected.reference}`;
  const status =
    readings['callback-status-case'] === 'uppercase'
      ? expected.status.toUpperCase()
      : expected.status.toLowerCase();
  if (got.status !== status) return `status is ${JSON.stringify(got.status)}, not ${status}`;
  return undefined;
}

/**
 * A delivery a merchant can act on: a valid `merchant-callback` body under the run's profile, carrying the uid
 * and reference of the transaction and the expected outcome, answered 2xx by the receiver. A body that only a
 * different status case or reference rule explains fails as AssumptionDiffers.
 */
export function expectCallback(
  delivery: RecordedDelivery,
  expected: CallbackFields,
  readings: Readings,
): void {
  const label = `Merchant Generic Callback #${delivery.seq}`;
  expectUnderReadings(
    readings,
    `${label} carries the transaction's uid, reference and outcome`,
    (profile) => callbackProblem(delivery.body, expected, profile),
    ['callback-status-case', 'callback-reference'],
  );
  expect(delivery.problems, `${label} passes the receiver's checks`).toEqual([]);
  expect(is2xx(delivery.answeredWith), `${label} was answered 2xx (got ${delivery.answeredWith})`).toBe(true);
}
