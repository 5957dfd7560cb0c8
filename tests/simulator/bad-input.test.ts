/**
 * Bad input never crashes or hangs the simulator: each gets an error in the surface's own envelope that names
 * what is wrong (Middleware ownCode 5000, Wallet Gateway / CMS catalog codes, an HTML page on the checkout).
 */
import { catalogEntry } from '../../schemas/error-catalog';
import { expect, expectSchema, test, type Reply, type Sim } from './sim';

const ONE_MB = 'x'.repeat(1_000_000);

/** The status the simulator answers for a catalog code: documented, else its assumed one. */
function statusOf(code: '7000' | '7001' | '7002' | '7100' | '7200' | '7303'): number {
  const row = catalogEntry(code);
  return row.http ?? ('assumedHttp' in row ? row.assumedHttp : 500);
}

function expectMiddleware400(reply: Reply, fragment: string | RegExp) {
  expect(reply.status, reply.text).toBe(400);
  expectSchema('middleware-error', reply.body);
  expect(reply.body).toMatchObject({ ownCode: 5000 });
  expect((reply.body as { message: string }).message).toMatch(fragment);
}

function expectGateway(
  reply: Reply,
  code: '7000' | '7001' | '7002' | '7100' | '7200' | '7303',
  fragment?: RegExp,
) {
  expect(reply.status, reply.text).toBe(statusOf(code));
  expectSchema('gateway-error', reply.body);
  const body = reply.body as { errors: Array<{ code: string; message: string }>; message: string };
  expect(body.errors[0]?.code).toBe(code);
  const message = catalogEntry(code).message;
  if (message) expect(body.errors[0]?.message).toBe(message);
  if (fragment) expect(body.message).toMatch(fragment);
}

async function stillServing(sim: Sim) {
  expect((await sim.wg('GET', '/health')).status).toBe(200);
}

test.describe('Middleware', () => {
  test('invalid JSON, a wrong content type, an empty or 1 MB body, and prototype poisoning are 400 / 5000', async ({
    sim,
  }) => {
    const headers = { ...sim.token(), 'content-type': 'application/json' };
    expectMiddleware400(
      await sim.mw('POST', '/transactions', { headers, raw: '{"amount": 1,' }),
      /not valid JSON/,
    );
    expectMiddleware400(
      await sim.mw('POST', '/transactions', {
        headers: { ...sim.token(), 'content-type': 'application/xml' },
        raw: '<a/>',
      }),
      /Content-Type/,
    );
    expectMiddleware400(
      await sim.mw('POST', '/transactions', {
        headers: { ...sim.token(), 'content-type': 'text/plain' },
        raw: 'amount=1',
      }),
      /body/,
    );
    expectMiddleware400(await sim.mw('POST', '/transactions', { headers: sim.token() }), /body/);
    expectMiddleware400(
      await sim.mw('POST', '/transactions', { headers, raw: JSON.stringify({ pad: ONE_MB }) }),
      /larger than/,
    );
    expectMiddleware400(
      await sim.mw('POST', '/transactions', {
        headers,
        raw: '{"amount":1,"userId":"u","channel":"web","__proto__":{"x":1}}',
      }),
      /.+/,
    );
    await stillServing(sim);
  });

  test('an unparseable URL or an over-long path parameter is 400 in the envelope', async ({ sim }) => {
    expectMiddleware400(
      await sim.mw('POST', '/transactions/%E0%A4%A', { headers: sim.token() }),
      /percent-encoding/,
    );
    expectMiddleware400(
      await sim.mw('POST', `/api/v1/integrations/transactions/${'a'.repeat(500)}/dismiss`, {
        headers: sim.token(),
      }),
      /too long/,
    );
    expectGateway(await sim.wg('GET', '/users/%E0%A4%A'), '7000', /percent-encoding/);
  });

  test('a missing or mistyped field is named (no coercion)', async ({ sim }) => {
    const post = (json: unknown) => sim.mw('POST', '/transactions', { headers: sim.token(), json });
    expectMiddleware400(await post({ userId: 'u', channel: 'web' }), /amount is required/);
    expectMiddleware400(await post({ amount: '10', userId: 'u', channel: 'web' }), /amount must be number/);
    expectMiddleware400(await post({ amount: -1, userId: 'u', channel: 'web' }), /amount/);
    expectMiddleware400(await post({ amount: 1, userId: 'u', channel: 'web', currency: 'gtq' }), /currency/);
  });

  test('Alternative Payments: amount rules, unknown or disabled processors, missing processor data', async ({
    sim,
  }) => {
    const create = (amount: number) =>
      sim.mw('POST', '/api/v1/integrations/transactions', {
        headers: sim.token('bearer'),
        json: { amount, channel: 'web', client: sim.credentials.clientSlug, userId: 'u' },
      });
    expectMiddleware400(await create(10.12345), /4 decimals/);
    expectMiddleware400(await create(1e12), /between/);
    const { uid } = await sim.createAlternative();
    const pay = (json: unknown) =>
      sim.mw('POST', `/api/v1/integrations/transactions/${uid}/payments`, {
        headers: sim.token('bearer'),
        json,
      });
    expectMiddleware400(await pay({ processor: 'bitcoinQR', data: {} }), /not a known processor/);
    expectMiddleware400(await pay({ processor: 'fri', data: {} }), /data\.user or data\.phoneNumber/);
    expectMiddleware400(await pay({ processor: 'quickPayQR' }), /data is required/);
    await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, { paymentMethods: ['zigi'] });
    const { uid: zigiOnly } = await sim.createAlternative();
    const disabled = await sim.mw('POST', `/api/v1/integrations/transactions/${zigiOnly}/payments`, {
      headers: sim.token('bearer'),
      json: { processor: 'akisiQR', data: {} },
    });
    expectMiddleware400(disabled, /not in this transaction's paymentMethods \(zigi\)/);
    const unknown = await sim.mw('POST', '/api/v1/integrations/transactions/trx_000000000000/payments', {
      headers: sim.token('bearer'),
      json: { processor: 'zigi', data: {} },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ownCode: 2000 });
  });
});

test.describe('Wallet Gateway', () => {
  async function cardSession(sim: Sim) {
    const { accessToken } = await sim.walletLogin();
    const headers = { authorization: `Bearer ${accessToken}` };
    const user = await sim.wg('POST', '/users', {
      headers,
      json: { username: 'ana@example.com', firstName: 'Ana' },
    });
    const userId = (user.body as { data: { userId: string } }).data.userId;
    const card = await sim.wg('POST', `/users/${userId}/cards/virtuals`, { headers });
    return { headers, cardId: (card.body as { data: { cardId: number } }).data.cardId };
  }

  test('funds: 7001 amount ≤ 0, 7002 malformed amount, 7000 bad fields, 7200 unknown card, 7303 overdraw', async ({
    sim,
  }) => {
    const { headers, cardId } = await cardSession(sim);
    const funds = (json: Record<string, unknown>, card: number | string = cardId) =>
      sim.wg('POST', `/cards/${card}/funds`, {
        headers,
        json: { operation: 'ADD_FUNDS', channel: 'WEB', reference: 'r-1', ...json },
      });
    expectGateway(await funds({ amount: 0 }), '7001');
    expectGateway(await funds({ amount: -5 }), '7001');
    expectGateway(await funds({ amount: '12.50' }), '7002');
    expectGateway(await funds({ amount: 1.23456 }), '7002');
    expectGateway(await funds({ amount: 10, operation: 'STEAL_FUNDS' }), '7000', /operation/);
    expectGateway(await funds({ amount: 10, reference: undefined }), '7000', /reference is required/);
    expectGateway(await funds({ amount: 10, description: 'd'.repeat(51) }), '7000', /description/);
    expectGateway(await funds({ amount: 10, currency: 'USD' }), '7000', /currency/);
    expectGateway(await funds({ amount: 10 }, 999_999_999), '7200');
    expectGateway(await funds({ amount: 10 }, 'abc'), '7000', /cardId/);
    expect((await funds({ amount: 25.5 })).status).toBe(200);
    expectGateway(await funds({ amount: 25.5001, operation: 'WITHDRAW_FUNDS' }), '7303');
    const exact = await funds({ amount: 25.5, operation: 'WITHDRAW_FUNDS' });
    expect(exact.body).toMatchObject({ data: { balance: 0 } });
  });

  test('users: unknown user 7100, mismatched passwords and bad bodies 7000', async ({ sim }) => {
    const { accessToken } = await sim.walletLogin();
    const headers = { authorization: `Bearer ${accessToken}` };
    expectGateway(
      await sim.wg('POST', '/users/00000000-0000-4000-8000-000000000000/cards/virtuals', { headers }),
      '7100',
    );
    const invited = {
      deviceId: 'd',
      invitationCode: 'INV-1',
      username: 'a@example.com',
      password: 'p1',
      confirmPassword: 'p2',
    };
    expectGateway(await sim.wg('POST', '/users', { headers, json: invited }), '7000', /confirmPassword/);
    expectGateway(
      await sim.wg('POST', '/users', { headers, json: { ...invited, username: 'not-an-email' } }),
      '7000',
      /username/,
    );
    expectGateway(await sim.wg('POST', '/users', { headers, json: {} }), '7000', /username/);
    expectGateway(await sim.wg('POST', '/users', { headers, json: [1, 2] }), '7000');
  });

  test('invalid JSON, a wrong content type and a 1 MB body are 400 / 7000', async ({ sim }) => {
    const json = { 'content-type': 'application/json' };
    expectGateway(await sim.wg('POST', '/auth/login', { headers: json, raw: '{' }), '7000', /not valid JSON/);
    expectGateway(
      await sim.wg('POST', '/auth/login', { headers: { 'content-type': 'application/x-yaml' }, raw: 'a: 1' }),
      '7000',
      /Content-Type/,
    );
    expectGateway(
      await sim.wg('POST', '/auth/login', { headers: json, raw: JSON.stringify({ merchant: ONE_MB }) }),
      '7000',
      /larger than/,
    );
    await stillServing(sim);
  });
});

test.describe('CMS', () => {
  test('cardholder fields and list parameters are checked', async ({ sim }) => {
    const { appToken, userToken } = await sim.cmsSession();
    const headers = { authorization: `Bearer ${appToken}`, 'x-user-token': `Bearer ${userToken}` };
    const path = `/app/partners/${sim.credentials.partnerId}/cardholders`;
    expectGateway(await sim.cms('POST', path, { headers, json: { name: 'Ana' } }), '7000', /is required/);
    expectGateway(await sim.cms('GET', `${path}?page=0`, { headers }), '7000', /page/);
    expectGateway(await sim.cms('GET', `${path}?limit=1000`, { headers }), '7000', /limit/);
    expectGateway(await sim.cms('GET', `${path}?sortBy=password`, { headers }), '7000', /sortBy/);
  });
});

test.describe('Hosted checkout', () => {
  test('form problems re-render the form with an alert and never echo the card number', async ({ sim }) => {
    const link = await sim.createLink();
    const pan = '4000000000001000';
    for (const [fields, fragment] of [
      [{ cardNumber: '4000000000001001' }, 'valid card number'],
      [{ cardNumber: 'abcd' }, 'valid card number'],
      [{ expiry: '13/30' }, 'MM/YY'],
      [{ expiry: '01/20' }, 'expired'],
      [{ cvc: '12' }, 'security code'],
      [{ holder: '' }, 'name on the card'],
    ] as const) {
      const form = new URLSearchParams({
        orderId: link.uid,
        cardNumber: pan,
        expiry: '12/30',
        cvc: '123',
        holder: 'Ana',
        ...fields,
      });
      const reply = await sim.web('POST', '/pay', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        raw: form.toString(),
      });
      expect(reply.status).toBe(400);
      expect(reply.text).toContain('role="alert"');
      expect(reply.text).toContain(fragment);
      expect(reply.text).not.toContain(fields.cardNumber ?? pan);
      expect(reply.text).not.toContain(pan);
    }
  });

  test('unknown links, spent links, bad sessions and odd bodies get pages, not crashes', async ({ sim }) => {
    expect((await sim.web('GET', '/?orderId=trx_000000000000')).status).toBe(404);
    expect((await sim.web('GET', '/')).status).toBe(404);
    const link = await sim.createLink();
    expect((await sim.pay(link.uid, '4000000000001000')).status).toBe(303);
    expect((await sim.web('GET', `/?orderId=${link.uid}`)).status).toBe(409);
    expect((await sim.pay(link.uid, '4000000000001000')).status).toBe(409);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(
      (await sim.web('POST', '/challenge', { headers: form, raw: 'session=nope&action=approve' })).status,
    ).toBe(404);
    expect(
      (await sim.web('POST', '/pay', { headers: form, raw: `orderId=${'a'.repeat(600_000)}` })).status,
    ).toBe(400);
    expect(
      (
        await sim.web('POST', '/pay', {
          headers: { 'content-type': 'application/json' },
          raw: '{"orderId": 1}',
        })
      ).status,
    ).toBe(404);
    const missing = await sim.web('GET', '/nothing/here');
    expect(missing.status).toBe(404);
    expect(String(missing.headers['content-type'])).toContain('text/html');
    // A repeated query parameter arrives as an array: the first value is used, never a 500.
    const repeated = await sim.web('GET', '/return?status=approved&status=denied&uid=a&uid=b');
    expect(repeated.status).toBe(200);
    expect(repeated.text).toContain('Payment approved');
    expect((await sim.web('GET', `/?orderId=${link.uid}&orderId=x`)).status).toBe(409);
    expect((await sim.web('GET', '/challenge?session=a&session=b')).status).toBe(404);
    const { uid } = await sim.createAlternative();
    const page = await sim.web('GET', `/alternative/${uid}?processor=zigi&processor=%3Cb%3E`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Simulated zigi payment');
    await stillServing(sim);
  });
});

test.describe('Control API', () => {
  test('bad control requests are 400 {error} naming the fix', async ({ sim }) => {
    const slug = sim.credentials.clientSlug;
    const cases: Array<[string, string, unknown, number, RegExp]> = [
      ['PUT', `/clients/${slug}`, { callback: { url: 'ftp://x' } }, 400, /http or https/],
      ['PUT', `/clients/${slug}`, { callback: { method: 'POST' } }, 400, /callback.url is required/],
      [
        'PUT',
        `/clients/${slug}`,
        { callback: { url: 'http://x.test', retryScheduleMs: [-1] } },
        400,
        /retryScheduleMs\[0\]/,
      ],
      [
        'PUT',
        `/clients/${slug}`,
        { callback: { url: 'http://x.test', signing: { mode: 'hmac' } } },
        400,
        /signing.mode/,
      ],
      ['PUT', `/clients/${slug}`, { paymentMethods: ['cash'] }, 400, /unknown processor "cash"/],
      ['PUT', `/clients/${slug}`, { colour: 'red' }, 400, /unknown field "colour"/],
      ['PUT', '/clients/someoneElse', {}, 404, /one client/],
      ['PUT', '/tokens', { accessTtlSec: 0 }, 400, /positive integer/],
      // Beyond these a token's exp or a createdAt is no valid date any more.
      ['PUT', '/tokens', { refreshTtlSec: 1e300 }, 400, /at most/],
      ['POST', '/clock', { advanceSec: 'later' }, 400, /advanceSec/],
      ['POST', '/clock', { advanceSec: 1e300 }, 400, /advanceSec.*from -/],
      ['PUT', '/mutations', { enabled: 'all' }, 400, /enabled/],
      ['POST', '/alternative/trx_000000000000/complete', { status: 'PAID' }, 400, /APPROVED/],
      [
        'POST',
        '/alternative/trx_000000000000/complete',
        { status: 'APPROVED' },
        404,
        /no alternative-payment transaction/,
      ],
    ];
    for (const [method, path, json, status, fragment] of cases) {
      const reply = await sim.wg(method as 'PUT' | 'POST', `/__sim${path}`, { json });
      expect(reply.status, `${method} ${path}`).toBe(status);
      expect((reply.body as { error: string }).error).toMatch(fragment);
    }
    const invalid = await sim.web('POST', '/__sim/clock', {
      headers: { 'content-type': 'application/json' },
      raw: '{',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toHaveProperty('error');
  });
});
