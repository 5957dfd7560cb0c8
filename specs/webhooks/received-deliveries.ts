/**
 * Waiting on Merchant Generic Callback deliveries as the worker's receiver records them, without sleeping, and
 * asserting one the way a merchant's handler must read it. The receiver's own `waitFor` matches on `uid`; these
 * helpers also see deliveries whose body lost its `uid` (or carries another one), so a broken sender fails a
 * spec at once with what arrived instead of after the whole callback timeout.
 */
import { expect } from '../../fixtures';
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
  reference: string;
  status: string;
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

/**
 * A delivery a merchant can act on: a valid `merchant-callback` body (lowercase status), carrying the uid and
 * reference of the create response and the expected outcome, answered 2xx by the receiver.
 */
export function expectCallback(delivery: RecordedDelivery, expected: CallbackFields): void {
  const label = `Merchant Generic Callback #${delivery.seq}`;
  expect(delivery.problems, `${label} passes the receiver's checks`).toEqual([]);
  const schema = validate('merchant-callback', delivery.body);
  expect(
    schema.errors.map((e) => `${e.path || '/'} ${e.message}`),
    `${label} matches the merchant-callback schema`,
  ).toEqual([]);
  const body = delivery.body as Partial<CallbackFields>;
  expect(body.uid, `${label} carries the uid of the create response`).toBe(expected.uid);
  expect(body.reference, `${label} carries the reference of the create response`).toBe(expected.reference);
  expect(body.status, `${label} carries the outcome, lowercase`).toBe(expected.status);
  expect(is2xx(delivery.answeredWith), `${label} was answered 2xx (got ${delivery.answeredWith})`).toBe(true);
}
