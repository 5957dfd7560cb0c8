/**
 * The dismiss matrix of the dismiss-transaction page, row by row, with statuses and ownCodes read from the error
 * catalog. Which processor cancels how is the simulator's assumption (simulator/README.md).
 */
import { catalogEntry } from '../../schemas/error-catalog';
import { expect, expectSchema, test, type Sim } from './sim';

const ALT = '/api/v1/integrations/transactions';

async function dismiss(sim: Sim, uid: string) {
  return sim.mw('POST', `${ALT}/${uid}/dismiss`, { headers: sim.token('bearer') });
}

async function inProgress(sim: Sim, processor: string, data: Record<string, unknown> = {}) {
  const { uid } = await sim.createAlternative();
  const paid = await sim.mw('POST', `${ALT}/${uid}/payments`, {
    headers: sim.token('bearer'),
    json: { processor, data },
  });
  expect(paid.status, paid.text).toBe(200);
  return uid;
}

function expectOwnCode(reply: { status: number; body: unknown }, code: '5000' | '2000' | '4020' | '4021') {
  expectSchema('middleware-error', reply.body);
  expect(reply.status).toBe(catalogEntry(code).http);
  expect(reply.body).toMatchObject({ success: false, ownCode: Number(code) });
}

test.describe('POST …/{transactionId}/dismiss', () => {
  test('CREATED → DISMISSED with the text OK; dismissing it again is 409 / 4020', async ({ sim }) => {
    const { uid } = await sim.createAlternative();
    const first = await dismiss(sim, uid);
    expect([first.status, first.text]).toEqual([200, 'OK']);
    expectOwnCode(await dismiss(sim, uid), '4020');
  });

  test('USED (after payment-intents) → DISMISSED with OK', async ({ sim }) => {
    const { uid } = await sim.createAlternative();
    await sim.mw('POST', `${ALT}/${uid}/payment-intents`, {
      headers: sim.token('bearer'),
      json: { processor: 'fri' },
    });
    const reply = await dismiss(sim, uid);
    expect([reply.status, reply.text]).toEqual([200, 'OK']);
  });

  test('IN_PROGRESS with a dedicated cancel hook (zigi, nequi) → CANCELLED as JSON', async ({ sim }) => {
    for (const [processor, data] of [
      ['zigi', {}],
      ['nequi', { phoneNumber: '3001234567' }],
    ] as const) {
      const uid = await inProgress(sim, processor, data);
      const reply = await dismiss(sim, uid);
      expect(reply.status).toBe(200);
      expectSchema('alt-dismiss', reply.body);
      expect(reply.body).toMatchObject({ transaction: { uid, status: 'CANCELLED' } });
      expectOwnCode(await dismiss(sim, uid), '4020');
    }
  });

  test('IN_PROGRESS with a generic upstream cancel (bamPaymentButton, fri, pronet) → DISMISSED with OK', async ({
    sim,
  }) => {
    for (const [processor, data] of [
      ['bamPaymentButton', { installments: 1 }],
      ['fri', { user: 'ana' }],
      ['pronet', {}],
    ] as const) {
      const reply = await dismiss(sim, await inProgress(sim, processor, data));
      expect([reply.status, reply.text], processor).toEqual([200, 'OK']);
    }
  });

  test('IN_PROGRESS without a cancel hook (QR rails, PSE) → 405 / 4021', async ({ sim }) => {
    for (const processor of ['quickPayQR', 'akisiQR', 'bancoIndustrial', 'globalPay-PSE']) {
      expectOwnCode(await dismiss(sim, await inProgress(sim, processor)), '4021');
    }
  });

  test('APPROVED, DENIED and EXPIRED are ineligible: 409 / 4020', async ({ sim }) => {
    for (const status of ['APPROVED', 'DENIED', 'EXPIRED']) {
      const uid = await inProgress(sim, 'quickPayQR');
      await sim.control('POST', `/alternative/${uid}/complete`, { status });
      expectOwnCode(await dismiss(sim, uid), '4020');
    }
  });

  test('a transaction past its expiry (simulator clock) is EXPIRED and ineligible', async ({ sim }) => {
    const { uid, expireAt } = await sim.createAlternative();
    await sim.control('POST', '/clock', { advanceSec: expireAt + 1 });
    expectOwnCode(await dismiss(sim, uid), '4020');
  });

  test('an unknown transaction is 404 / 2000', async ({ sim }) => {
    expectOwnCode(await dismiss(sim, 'trx_000000000000'), '2000');
  });

  test('a missing transactionId is 400 / 5000', async ({ sim }) => {
    expectOwnCode(await sim.mw('POST', `${ALT}//dismiss`, { headers: sim.token('bearer') }), '5000');
    expectOwnCode(await sim.mw('POST', `${ALT}/dismiss`, { headers: sim.token('bearer') }), '5000');
  });

  test('dismiss needs the merchant token', async ({ sim }) => {
    const { uid } = await sim.createAlternative();
    const reply = await sim.mw('POST', `${ALT}/${uid}/dismiss`);
    expect(reply.status).toBe(401);
    expectSchema('auth-error', reply.body);
  });
});
