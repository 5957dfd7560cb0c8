/**
 * Fault injection through `POST /__sim/faults`: each kind, "next N requests" counting, route matching, seeded rates,
 * and `DELETE /__sim/faults`.
 */
import { request } from 'undici';
import { expect, test, type Sim } from './sim';

const LINK = { amount: 10, userId: 'u', channel: 'web' };

function createLink(sim: Sim) {
  return sim.mw('POST', '/transactions', { headers: sim.token(), json: LINK });
}

test.describe('POST /__sim/faults', () => {
  for (const kind of ['500', '502', '503', '504'] as const) {
    test(`${kind}: the next request answers ${kind} with an edge-style body, then the route recovers`, async ({
      sim,
    }) => {
      await sim.control('POST', '/faults', { route: 'POST /transactions', kind });
      const faulted = await createLink(sim);
      expect(faulted.status).toBe(Number(kind));
      expect(faulted.body).toHaveProperty('message');
      expect((await createLink(sim)).status).toBe(200);
    });
  }

  test('429 carries Retry-After', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: 'POST /transactions', kind: '429', retryAfterSec: 7 });
    const reply = await createLink(sim);
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('7');
  });

  test('latency holds the answer back and then serves it normally', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: 'POST /transactions', kind: 'latency', latencyMs: 2500 });
    const order: string[] = [];
    const slow = createLink(sim).then((reply) => {
      order.push('delayed');
      return reply;
    });
    // Sent after the delayed request, answered before it: the fault, not the server, held the first one back.
    await sim.wg('GET', '/health').then(() => order.push('undelayed'));
    expect((await slow).status).toBe(200);
    expect(order).toEqual(['undelayed', 'delayed']);
  });

  test('reset destroys the connection without an answer', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: 'POST /transactions', kind: 'reset' });
    await expect(createLink(sim)).rejects.toThrow(/other side closed|socket hang up|ECONNRESET|SocketError/i);
    expect((await createLink(sim)).status).toBe(200);
  });

  test('malformed answers 200 with a body that is not valid JSON', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: 'POST /transactions', kind: 'malformed' });
    const reply = await createLink(sim);
    expect(reply.status).toBe(200);
    expect(String(reply.headers['content-type'])).toContain('application/json');
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  test('count applies to the next N matching requests only; other routes are untouched', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: 'POST /transactions', kind: '503', count: 2 });
    expect((await sim.wg('GET', '/health')).status).toBe(200);
    expect((await createLink(sim)).status).toBe(503);
    expect((await createLink(sim)).status).toBe(503);
    expect((await createLink(sim)).status).toBe(200);
  });

  test('a route with a path parameter matches its pattern; "*" matches every surface', async ({ sim }) => {
    const { uid } = await sim.createAlternative();
    await sim.control('POST', '/faults', {
      route: 'POST /api/v1/integrations/transactions/{transactionId}/dismiss',
      kind: '502',
    });
    expect(
      (await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/dismiss`, { headers: sim.token() }))
        .status,
    ).toBe(502);
    await sim.control('POST', '/faults', { route: '*', kind: '504', count: 3 });
    expect((await sim.wg('GET', '/health')).status).toBe(504);
    expect((await sim.cms('POST', '/app/auth/login', { json: { merchant: 'x' } })).status).toBe(504);
    expect((await sim.web('GET', '/return')).status).toBe(504);
    expect((await sim.wg('GET', '/health')).status).toBe(200);
  });

  test('the control API itself is never faulted', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: '*', kind: '500', count: 5 });
    expect(await sim.control('GET', '/faults')).toHaveLength(1);
  });

  test('a seeded rate gives the same pattern every time', async ({ sim }) => {
    const pattern = async () => {
      await sim.control('DELETE', '/faults');
      await sim.control('POST', '/faults', { route: 'GET /health', kind: '503', rate: 0.2, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 50; i += 1) statuses.push((await sim.wg('GET', '/health')).status);
      return statuses;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    const faulted = first.filter((s) => s === 503).length;
    expect(faulted).toBeGreaterThan(2);
    expect(faulted).toBeLessThan(25);
  });

  test('DELETE /__sim/faults clears them', async ({ sim }) => {
    await sim.control('POST', '/faults', { route: 'POST /transactions', kind: '500', count: 10 });
    await sim.control('DELETE', '/faults');
    expect((await createLink(sim)).status).toBe(200);
  });

  test('bad fault requests are 400 naming the problem', async ({ sim }) => {
    for (const [body, fragment] of [
      [{ route: 'POST /transactions', kind: '418' }, 'kind must be one of'],
      [{ kind: '500' }, 'route is required'],
      [{ route: 'transactions', kind: '500' }, 'METHOD /path'],
      [{ route: '*', kind: '500', rate: 2 }, 'rate'],
      [{ route: '*', kind: '500', surprise: 1 }, 'unknown field "surprise"'],
    ] as const) {
      const reply = await sim.mw('POST', '/__sim/faults', { json: body });
      expect(reply.status).toBe(400);
      expect((reply.body as { error: string }).error).toContain(fragment);
    }
    const raw = await request(`${sim.urls.middleware}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.statusCode).toBe(400);
    await raw.body.dump();
  });
});
