/**
 * Every simulator route, driven over real HTTP, with every response validated against the contract schemas of
 * interfaces section A (the same `validate()` the specs use).
 */
import { TEST_CARDS } from '../../simulator';
import { expect, expectSchema, test } from './sim';

test.describe('Middleware: Payment Links', () => {
  test('POST /transactions answers {uid, reference, URL} opening the hosted checkout', async ({ sim }) => {
    const reply = await sim.mw('POST', '/transactions', {
      headers: sim.token(),
      json: {
        amount: 125.5,
        userId: '+50212345678',
        channel: 'wa',
        client: sim.credentials.clientSlug,
        currency: 'GTQ',
      },
    });
    expect(reply.status).toBe(200);
    expectSchema('payment-link', reply.body);
    const link = reply.body as { uid: string; reference: string; URL: string };
    expect(link.uid).toMatch(/^trx_[0-9a-f]{12}$/);
    expect(link.reference).toMatch(/^MIGOLOCALSIM[0-9]{6}SB$/);
    expect(link.URL).toBe(`${sim.urls.webview}/?orderId=${link.uid}`);
    const checkout = await sim.web('GET', `/?orderId=${link.uid}`);
    expect(checkout.status).toBe(200);
    expect(checkout.text).toContain('id="card-number"');
  });

  test('POST /transactions works without client (the recipes omit it)', async ({ sim }) => {
    const reply = await sim.mw('POST', '/transactions', {
      headers: sim.token('bearer'),
      json: {
        amount: 50000,
        currency: 'DOP',
        country: 'DO',
        channel: 'wa',
        userId: '+1809000000',
        externalId: 'order-1',
      },
    });
    expect(reply.status).toBe(200);
    expectSchema('payment-link', reply.body);
  });

  test('POST /transactions-hook creates a link with the body key pair', async ({ sim }) => {
    const { privateKey, publicKey, clientSlug } = sim.credentials;
    const reply = await sim.mw('POST', '/transactions-hook', {
      json: { privateKey, publicKey, amount: 10, userId: 'u-1', channel: 'web', client: clientSlug },
    });
    expect(reply.status).toBe(200);
    expectSchema('payment-link', reply.body);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
  });

  test('OPTIONS preflight on the Payment Link routes allows a browser POST', async ({ sim }) => {
    const reply = await sim.mw('OPTIONS', '/transactions-hook', {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(reply.status).toBe(204);
    expect(String(reply.headers['access-control-allow-methods'])).toContain('POST');
  });

  test('an unknown Middleware route is 404', async ({ sim }) => {
    const reply = await sim.mw('GET', '/v1/nothing-here');
    expect(reply.status).toBe(404);
    expectSchema('auth-error', reply.body);
  });
});

test.describe('Middleware: Alternative Payments', () => {
  test('create answers the transaction, its payment methods and the seconds until expiry', async ({
    sim,
  }) => {
    const reply = await sim.mw('POST', '/api/v1/integrations/transactions', {
      headers: sim.token('bearer'),
      json: {
        amount: 50,
        channel: 'web',
        client: sim.credentials.clientSlug,
        userId: '+50224865444',
        customKeys: { orderId: 'o-1' },
      },
    });
    expect(reply.status).toBe(200);
    expectSchema('alt-transaction', reply.body);
    const data = (reply.body as { data: { paymentMethods: string[]; expireAt: number } }).data;
    expect(data.paymentMethods).toContain('quickPayQR');
    expect(data.expireAt).toBeGreaterThan(0);
  });

  test('payment-intents: fri answers the documented requiredFields, others data null', async ({ sim }) => {
    const { uid } = await sim.createAlternative();
    const fri = await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/payment-intents`, {
      headers: sim.token('bearer'),
      json: { processor: 'fri' },
    });
    expect(fri.status).toBe(200);
    expectSchema('alt-payment-intent', fri.body);
    expect(fri.body).toMatchObject({
      success: true,
      data: { requiredFields: { phoneNumber: { required: false } } },
    });
    for (const processor of ['nequi', 'globalPay-PSE']) {
      const special = await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/payment-intents`, {
        headers: sim.token('bearer'),
        json: { processor },
      });
      expectSchema('alt-payment-intent', special.body);
      expect((special.body as { data: unknown }).data).not.toBeNull();
    }
    const plain = await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/payment-intents`, {
      headers: sim.token('bearer'),
      json: { processor: 'akisiQR' },
    });
    expectSchema('alt-payment-intent', plain.body);
    expect(plain.body).toEqual({ success: true, data: null });
  });

  test('payments: every payload kind is produced by some processor', async ({ sim }) => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['quickPayQR', {}, 'json'],
      ['akisiQR', {}, 'qr'],
      ['bamPaymentButton', { installments: 3 }, 'url'],
      ['zigi', {}, 'html'],
      ['fri', { phoneNumber: '+50255555555' }, 'url'],
      ['nequi', { phoneNumber: '3001234567' }, 'payButton'],
      ['bancoIndustrial', {}, 'base64'],
    ];
    const kinds = new Set<string>();
    for (const [processor, data, kind] of cases) {
      const { uid } = await sim.createAlternative();
      const reply = await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/payments`, {
        headers: sim.token('bearer'),
        json: { processor, data },
      });
      expect(reply.status, `${processor}: ${reply.text}`).toBe(200);
      expectSchema('alt-payment', reply.body);
      expect((reply.body as { data: { type: string } }).data.type, processor).toBe(kind);
      kinds.add(kind);
    }
    expect([...kinds].sort()).toEqual(['base64', 'html', 'json', 'payButton', 'qr', 'url']);
  });

  test('dismiss of a new transaction answers the text OK', async ({ sim }) => {
    const { uid } = await sim.createAlternative();
    const reply = await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/dismiss`, {
      headers: sim.token('bearer'),
      json: { reason: 'user_cancelled' },
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('OK');
    expect(String(reply.headers['content-type'])).toContain('text/plain');
    expectSchema('alt-dismiss', reply.text);
  });
});

test.describe('Wallet Gateway', () => {
  test('GET /health answers the quickstart form', async ({ sim }) => {
    const reply = await sim.wg('GET', '/health');
    expect(reply.status).toBe(200);
    expectSchema('health', reply.body);
    expect(reply.body).toEqual({ statusCode: 200, message: 'ok', data: {} });
  });

  test('login, refresh, configs, users, virtual card and funds', async ({ sim }) => {
    const session = await sim.walletLogin();
    const auth = { authorization: `Bearer ${session.accessToken}` };

    const refreshed = await sim.wg('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(refreshed.status).toBe(200);
    expectSchema('login-response', refreshed.body);

    const config = await sim.wg('GET', '/configs', {
      headers: { ...auth, applicationId: sim.credentials.applicationId },
    });
    expect(config.status).toBe(200);
    expectSchema('custom-response', config.body);
    const patched = await sim.wg('PATCH', '/configs', {
      headers: { ...auth, applicationId: sim.credentials.applicationId },
      json: { webview: { primaryColor: '#112233' } },
    });
    expect(patched.status).toBe(200);
    expectSchema('custom-response', patched.body);
    expect(patched.body).toMatchObject({ data: { webview: { primaryColor: '#112233' } } });

    const user = await sim.wg('POST', '/users', {
      headers: auth,
      json: {
        deviceId: 'device-abc-123',
        invitationCode: 'INV-9F4D2A',
        username: 'test+1@example.com',
        password: 'Str0ng-P@ssw0rd',
        confirmPassword: 'Str0ng-P@ssw0rd',
      },
    });
    expect(user.status).toBe(200);
    expectSchema('custom-response', user.body);
    const userId = (user.body as { data: { userId: unknown } }).data.userId;
    expect(typeof userId).toBe('string');

    const card = await sim.wg('POST', `/users/${userId}/cards/virtuals`, { headers: auth });
    expect(card.status).toBe(200);
    expectSchema('virtual-card', card.body);
    const cardId = (card.body as { data: { cardId: number } }).data.cardId;

    const funds = await sim.wg('POST', `/cards/${cardId}/funds`, {
      headers: auth,
      json: {
        amount: 100.1234,
        operation: 'ADD_FUNDS',
        channel: 'WEB',
        reference: 'top-up-1',
        description: 'first load',
      },
    });
    expect(funds.status).toBe(200);
    expectSchema('custom-response', funds.body);
    expect(funds.body).toMatchObject({ data: { balance: 100.1234 } });
  });

  test('an unknown route is 404 with 7010 "Not found, verify endpoint"', async ({ sim }) => {
    const reply = await sim.wg('GET', '/no/such/route');
    expect(reply.status).toBe(404);
    expectSchema('gateway-error', reply.body);
    expect(reply.body).toMatchObject({ errors: [{ code: '7010', message: 'Not found, verify endpoint' }] });
  });

  test('a path joined without /rest is an unknown route', async ({ sim }) => {
    const origin = new URL(sim.urls.walletGateway).origin;
    const reply = await fetch(`${origin}/health`);
    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({ errors: [{ code: '7010' }] });
  });
});

test.describe('CMS', () => {
  test('app login, user login and the partner cardholder routes', async ({ sim }) => {
    const app = await sim.cms('POST', '/app/auth/login', { json: { merchant: sim.credentials.cmsMerchant } });
    expect(app.status).toBe(200);
    expectSchema('cms-app-login-response', app.body);
    const appToken = (app.body as { data: { accessToken: string } }).data.accessToken;

    const user = await sim.cms('POST', '/app/users/login', {
      headers: { authorization: `Bearer ${appToken}` },
      json: { email: sim.credentials.cmsEmail, password: sim.credentials.cmsPassword },
    });
    expect(user.status).toBe(200);
    expectSchema('cms-user-login-response', user.body);
    const userToken = (user.body as { data: { accessToken: string } }).data.accessToken;

    const headers = { authorization: `Bearer ${appToken}`, 'x-user-token': `Bearer ${userToken}` };
    const path = `/app/partners/${sim.credentials.partnerId}/cardholders`;
    const created = await sim.cms('POST', path, {
      headers,
      json: {
        name: 'Ana',
        lastName: 'Tester',
        address: 'Zona 10, Guatemala',
        countryOfBirth: 'GT',
        dateOfBirth: '1990-04-01',
        maritalStatus: 'soltero',
        gender: 'F',
        phoneNumber: '+50255555555',
        email: 'ana.tester@example.com',
        documentType: 'DPI',
        documentNumber: '1234567890101',
        cardId: 100001,
      },
    });
    expect(created.status).toBe(200);
    expectSchema('custom-response', created.body);

    const listed = await sim.cms('GET', `${path}?page=1&limit=10&searchText=ana&sortBy=name&sortOrder=ASC`, {
      headers,
    });
    expect(listed.status).toBe(200);
    expectSchema('custom-response', listed.body);
    expect(listed.body).toMatchObject({ data: { total: 1, items: [{ email: 'ana.tester@example.com' }] } });
  });

  test('an unknown CMS route is 404 with 7010', async ({ sim }) => {
    const reply = await sim.cms('POST', '/app/unknown');
    expect(reply.status).toBe(404);
    expectSchema('gateway-error', reply.body);
    expect(reply.body).toMatchObject({ errors: [{ code: '7010' }] });
  });
});

test.describe('Hosted checkout and the callback', () => {
  test('an approved card redirects to the return URL and the callback follows', async ({ sim }) => {
    const receiver = await sim.startReceiver();
    try {
      await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
        callback: { url: receiver.url },
        returnUrl: 'https://shop.example/return?cart=7',
      });
      const link = await sim.createLink();
      const paid = await sim.pay(link.uid, TEST_CARDS.approved.pan);
      expect(paid.status).toBe(303);
      const query = Object.fromEntries(paid.returnUrl?.searchParams ?? []);
      expect(query).toEqual({ cart: '7', uid: link.uid, status: 'approved', reference: link.reference });
      const { cart: _cart, ...documented } = query;
      expectSchema('return-url-query', documented);
      await receiver.until(1);
      expectSchema('merchant-callback', receiver.received[0]?.body);
      expect(receiver.received[0]?.body).toEqual({
        uid: link.uid,
        reference: link.reference,
        status: 'approved',
      });
    } finally {
      await receiver.stop();
    }
  });

  test('without a configured return URL the checkout lands on its own result page', async ({ sim }) => {
    const link = await sim.createLink();
    const paid = await sim.pay(link.uid, TEST_CARDS.declinedGeneric.pan);
    expect(paid.returnUrl?.origin + (paid.returnUrl?.pathname ?? '')).toBe(`${sim.urls.webview}/return`);
    const page = await sim.web('GET', `${paid.returnUrl?.pathname}${paid.returnUrl?.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Payment declined</h1>');
  });
});
