/**
 * The Merchant Generic Callback: body, per-client configuration, at-least-once delivery (retries on non-2xx,
 * timeouts and network errors; duplicates), the three signing modes, and the delivery log.
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:net';
import { TEST_CARDS } from '../../simulator';
import type { DeliveryRecord } from '../../simulator/callback-sender';
import { expect, expectSchema, test, TEST_RETRY_SCHEDULE_MS, type Receiver, type Sim } from './sim';

type Delivery = DeliveryRecord;

async function configure(sim: Sim, callback: Record<string, unknown>) {
  await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, { callback });
}

async function approvedPayment(sim: Sim) {
  const link = await sim.createLink();
  const paid = await sim.pay(link.uid, TEST_CARDS.approved.pan);
  expect(paid.status).toBe(303);
  return link;
}

async function deliveries(sim: Sim, uid: string): Promise<Delivery[]> {
  return (await sim.control('GET', `/deliveries?uid=${uid}`)) as Delivery[];
}

/** Waits (event-driven via the receiver) and then reads the log, which is written right after each answer. */
async function settled(sim: Sim, receiver: Receiver, uid: string, count: number): Promise<Delivery[]> {
  await receiver.until(count);
  await expect.poll(async () => (await deliveries(sim, uid)).length).toBe(count);
  return deliveries(sim, uid);
}

let receiver: Receiver | undefined;
test.afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

test('a non-2xx answer is retried on the schedule until a 2xx, with the same body', async ({ sim }) => {
  receiver = await sim.startReceiver([503, 500]);
  await configure(sim, { url: receiver.url });
  const link = await approvedPayment(sim);
  const log = await settled(sim, receiver, link.uid, 3);
  expect(log.map((d) => [d.attempt, d.responseStatus])).toEqual([
    [1, 503],
    [2, 500],
    [3, 200],
  ]);
  expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
  for (const request of receiver.received) expectSchema('merchant-callback', request.body);
  expect(new Set(log.map((d) => d.eventId)).size).toBe(1);
});

test('after the last retry the delivery gives up (1 + schedule length attempts)', async ({ sim }) => {
  receiver = await sim.startReceiver([500, 500, 500, 500, 500]);
  await configure(sim, { url: receiver.url });
  const link = await approvedPayment(sim);
  const log = await settled(sim, receiver, link.uid, TEST_RETRY_SCHEDULE_MS.length + 1);
  expect(log.every((d) => d.responseStatus === 500)).toBe(true);
  expect(log.map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
});

test('a timeout is a failed attempt and is retried', async ({ sim }) => {
  receiver = await sim.startReceiver(['hang']);
  // The first answer never comes, whatever the timeout; the retry must be answered within it, so it is far above
  // what one local delivery takes even on a loaded machine (100 ms was not, beside a second npm test).
  await configure(sim, { url: receiver.url, timeoutMs: 2000 });
  const link = await approvedPayment(sim);
  const log = await settled(sim, receiver, link.uid, 2);
  expect(log[0]?.error).toContain('timeout');
  expect(log[1]?.responseStatus).toBe(200);
});

test('a network error is recorded and retried', async ({ sim }) => {
  // A port that was just free: nothing listens on it.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await configure(sim, { url: `http://127.0.0.1:${port}/hook` });
  const link = await approvedPayment(sim);
  await expect
    .poll(async () => (await deliveries(sim, link.uid)).length)
    .toBe(TEST_RETRY_SCHEDULE_MS.length + 1);
  for (const d of await deliveries(sim, link.uid)) expect(d.error).toMatch(/ECONNREFUSED/);
});

test('duplicates: n extra deliveries of the same event', async ({ sim }) => {
  receiver = await sim.startReceiver();
  await configure(sim, { url: receiver.url, duplicates: 2, signing: { mode: 'ed25519' } });
  const link = await approvedPayment(sim);
  const log = await settled(sim, receiver, link.uid, 3);
  expect(log.map((d) => d.duplicate)).toEqual([0, 1, 2]);
  expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
  expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
});

test('signing none (the documented default) adds no headers', async ({ sim }) => {
  receiver = await sim.startReceiver();
  await configure(sim, { url: receiver.url });
  await approvedPayment(sim);
  await receiver.until(1);
  const headers = receiver.received[0]?.headers ?? {};
  expect(headers['content-type']).toBe('application/json');
  expect(
    Object.keys(headers).filter(
      (h) => h.startsWith('webhook-') || h === 'x-api-key' || h === 'authorization',
    ),
  ).toEqual([]);
});

test('signing static-header and configured headers, method and URL are used', async ({ sim }) => {
  receiver = await sim.startReceiver();
  await configure(sim, {
    url: receiver.url,
    method: 'PUT',
    headers: { 'x-merchant': 'shop-7' },
    signing: { mode: 'static-header', header: 'x-api-key', value: 'merchant-static-secret' },
  });
  await approvedPayment(sim);
  await receiver.until(1);
  const request = receiver.received[0];
  expect(request?.method).toBe('PUT');
  expect(request?.headers['x-api-key']).toBe('merchant-static-secret');
  expect(request?.headers['x-merchant']).toBe('shop-7');
});

test('signing ed25519 follows Standard Webhooks and verifies with the published key; the id is stable across retries', async ({
  sim,
}) => {
  receiver = await sim.startReceiver([500]);
  await configure(sim, { url: receiver.url, signing: { mode: 'ed25519' } });
  const link = await approvedPayment(sim);
  await receiver.until(2);
  const key = createPublicKey(sim.credentials.webhookPublicKey);
  for (const request of receiver.received) {
    const id = String(request.headers['webhook-id']);
    const timestamp = String(request.headers['webhook-timestamp']);
    const [version, signature] = String(request.headers['webhook-signature']).split(',');
    expect(version).toBe('v1a');
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    const signed = Buffer.from(`${id}.${timestamp}.${request.raw}`);
    expect(verify(null, signed, key, Buffer.from(signature ?? '', 'base64'))).toBe(true);
    expect(
      verify(
        null,
        Buffer.from(`${id}.${timestamp}.${request.raw} `),
        key,
        Buffer.from(signature ?? '', 'base64'),
      ),
    ).toBe(false);
  }
  expect(receiver.received[0]?.headers['webhook-id']).toBe(receiver.received[1]?.headers['webhook-id']);
  expect(receiver.received[0]?.body).toMatchObject({ uid: link.uid });
});

test('sending never holds up the response that caused it', async ({ sim }) => {
  receiver = await sim.startReceiver(['hang']);
  await configure(sim, { url: receiver.url, timeoutMs: 60_000 });
  const link = await sim.createLink();
  const paid = await sim.pay(link.uid, TEST_CARDS.approved.pan);
  expect(paid.status).toBe(303);
  await receiver.until(1);
  // The callback request is still unanswered, yet the checkout already redirected the payer.
  expect(await deliveries(sim, link.uid)).toEqual([]);
});

test('alternative payments send the callback with the lowercase terminal status', async ({ sim }) => {
  receiver = await sim.startReceiver();
  await configure(sim, { url: receiver.url });
  const statuses: string[] = [];
  for (const status of ['APPROVED', 'DENIED', 'EXPIRED']) {
    const { uid } = await sim.createAlternative();
    const done = (await sim.control('POST', `/alternative/${uid}/complete`, { status })) as {
      reference: string;
    };
    await receiver.until(statuses.length + 1);
    const body = receiver.received[statuses.length]?.body;
    expect(body).toEqual({ uid, reference: done.reference, status: status.toLowerCase() });
    statuses.push(status);
  }
});

test('no callback is sent when the client has none configured, and complete refuses a finished transaction', async ({
  sim,
}) => {
  const { uid } = await sim.createAlternative();
  await sim.control('POST', `/alternative/${uid}/complete`, { status: 'APPROVED' });
  expect(await deliveries(sim, uid)).toEqual([]);
  const again = await sim.mw('POST', `/__sim/alternative/${uid}/complete`, { json: { status: 'DENIED' } });
  expect(again.status).toBe(409);
});
