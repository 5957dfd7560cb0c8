/**
 * The hosted checkout over HTTP (what a browser posts), in both layouts: every test card's outcome, the 3-D Secure
 * challenge, the return URL, and the PCI rule that a PAN or CVC never leaves the `/pay` request (or, with hosted
 * fields, the single-use tokens `/pay` redeems). The frames layout's own rules follow: the fields on another origin,
 * the pages' policies, tokens bound to their order and field and redeemed once, the challenge framed.
 */
import {
  CHECKOUT_LAYOUTS,
  SimulatorOptionsError,
  startSimulator,
  TEST_CARDS,
  type TestCardKey,
} from '../../simulator';
import { call, expect, expectSchema, test } from './sim';

const CVC = '4417';
/** The CVC as a value of its own (ids and references may contain the same digits). */
const STANDALONE_CVC = new RegExp(`(?<![\\w.])${CVC}(?![\\w.])`);

const EXPECTED: Record<TestCardKey, { status: 'approved' | 'denied'; challenged: boolean }> = {
  approved: { status: 'approved', challenged: false },
  declinedGeneric: { status: 'denied', challenged: false },
  declinedInsufficientFunds: { status: 'denied', challenged: false },
  declinedExpiredCard: { status: 'denied', challenged: false },
  threeDsApproved: { status: 'approved', challenged: true },
  threeDsFailed: { status: 'denied', challenged: true },
  approvedMastercard: { status: 'approved', challenged: false },
};

for (const layout of CHECKOUT_LAYOUTS) {
  test.describe(`${layout} layout`, () => {
    test.use({ checkoutLayout: layout });

    test('every test card ends as documented, and nothing the payer sees or Migo sends contains the PAN or CVC', async ({
      sim,
    }) => {
      const receiver = await sim.startReceiver();
      try {
        await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
          callback: { url: receiver.url },
          returnUrl: 'https://shop.example/migo/return',
        });
        const keys = Object.keys(TEST_CARDS) as TestCardKey[];
        for (const [i, key] of keys.entries()) {
          const card = TEST_CARDS[key];
          const link = await sim.createLink();
          const paid = await sim.pay(link.uid, card.pan, { cvc: CVC });
          expect([paid.returnUrl?.searchParams.get('status'), paid.challenged], key).toEqual([
            EXPECTED[key].status,
            EXPECTED[key].challenged,
          ]);
          const query = Object.fromEntries(paid.returnUrl?.searchParams ?? []);
          expectSchema('return-url-query', query);
          expect(query).toEqual({ uid: link.uid, status: EXPECTED[key].status, reference: link.reference });
          await receiver.until(i + 1);
          const callback = receiver.received[i];
          expect(callback?.body).toEqual({
            uid: link.uid,
            reference: link.reference,
            status: EXPECTED[key].status,
          });
          for (const seen of [
            ...paid.seen.map((r) => `${r.text} ${String(r.headers.location ?? '')}`),
            callback?.raw ?? '',
          ]) {
            expect(seen).not.toContain(card.pan);
            expect(seen).not.toMatch(STANDALONE_CVC);
          }
        }
        const log = JSON.stringify(await sim.control('GET', '/deliveries'));
        for (const card of Object.values(TEST_CARDS)) expect(log).not.toContain(card.pan);
      } finally {
        await receiver.stop();
      }
    });

    test('the 3-D Secure challenge: approve gives approved, fail gives denied', async ({ sim }) => {
      for (const [choice, status] of [
        ['approve', 'approved'],
        ['fail', 'denied'],
      ] as const) {
        const link = await sim.createLink();
        const paid = await sim.pay(link.uid, TEST_CARDS.threeDsApproved.pan, { challenge: choice });
        expect(paid.challenged).toBe(true);
        expect(paid.returnUrl?.searchParams.get('status')).toBe(status);
        const challengePage =
          paid.seen.find((seen) => seen.text.includes('id="challenge-approve"'))?.text ?? '';
        expect(challengePage).toContain('id="challenge-approve"');
        expect(challengePage).toContain('id="challenge-fail"');
      }
    });
  });
}

test('an unknown (well-formed) card is declined', async ({ sim }) => {
  const link = await sim.createLink();
  const paid = await sim.pay(link.uid, '4242424242424242');
  expect(paid.returnUrl?.searchParams.get('status')).toBe('denied');
});

test('the card form is labelled and posts the fields the payer fills', async ({ sim }) => {
  const link = await sim.createLink({ amount: 99.9, currency: 'USD' });
  const page = await sim.web('GET', new URL(link.URL).pathname + new URL(link.URL).search);
  expect(page.status).toBe(200);
  expect(String(page.headers['cache-control'])).toBe('no-store');
  for (const id of ['card-number', 'card-expiry', 'card-cvc', 'card-holder']) {
    expect(page.text).toContain(`<label for="${id}">`);
    expect(page.text).toContain(`id="${id}"`);
  }
  expect(page.text).toContain('id="pay"');
  expect(page.text).toContain('USD 99.90');
  expect(page.text).toContain(link.reference);
});

test('a reused or reset simulator forgets the link', async ({ sim }) => {
  const link = await sim.createLink();
  await sim.control('POST', '/reset');
  expect((await sim.web('GET', `/?orderId=${link.uid}`)).status).toBe(404);
});

test.describe('frames layout: hosted fields', () => {
  test.use({ checkoutLayout: 'frames' });

  const tokenize = (sim: { running: { checkout: { fieldsOrigin?: string } } }, json: object) =>
    call('POST', `${sim.running.checkout.fieldsOrigin}/tokens`, { json });

  test('the checkout page holds no card input, only one frame per field from another origin', async ({
    sim,
  }) => {
    const fieldsOrigin = sim.running.checkout.fieldsOrigin ?? '';
    expect(new URL(fieldsOrigin).origin).not.toBe(new URL(sim.urls.webview).origin);
    // Another site, not just another port, so Chromium puts the fields in their own process, as real ones are.
    expect(new URL(fieldsOrigin).hostname).not.toBe(new URL(sim.urls.webview).hostname);
    const link = await sim.createLink();
    const page = await sim.web('GET', `/?orderId=${link.uid}`);
    expect(page.status).toBe(200);
    for (const id of ['card-number', 'card-expiry', 'card-cvc'])
      expect(page.text).not.toContain(`id="${id}"`);
    for (const [name, title] of [
      ['number', 'Card number'],
      ['expiry', 'Expiry (MM/YY)'],
      ['cvc', 'CVC'],
    ])
      expect(page.text).toContain(
        `<iframe name="${name}" title="${title}" src="${fieldsOrigin}/fields/${name}?orderId=${link.uid}">`,
      );
    expect(page.text).toContain('id="card-holder"');
    expect(page.text).toContain('id="pay"');
    const nonce = /<script nonce="([^"]+)">/.exec(page.text)?.[1];
    expect(nonce, 'the page runs one inline script under a nonce').toBeTruthy();
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; frame-src ${fieldsOrigin}`,
    );

    const field = await call('GET', `${fieldsOrigin}/fields/number?orderId=${link.uid}`);
    expect(field.status).toBe(200);
    expect(field.text).toContain('<label for="card-number">Card number</label><input id="card-number"');
    expect(String(field.headers['content-security-policy'])).toContain(
      `connect-src 'self'; frame-ancestors ${new URL(sim.urls.webview).origin}`,
    );
    expect((await call('GET', `${fieldsOrigin}/fields/pin?orderId=${link.uid}`)).status).toBe(404);
    expect((await call('GET', `${fieldsOrigin}/fields/number?orderId=trx_000000000000`)).status).toBe(404);
  });

  test('a token is redeemed once, only by its own order and field', async ({ sim }) => {
    const link = await sim.createLink();
    const other = await sim.createLink();
    const tokens: Record<string, string> = {};
    for (const [field, value] of [
      ['number', TEST_CARDS.approved.pan],
      ['expiry', '12/30'],
      ['cvc', CVC],
    ]) {
      const reply = await tokenize(sim, { orderId: link.uid, field, value });
      expect(reply.status, reply.text).toBe(201);
      expect(reply.text).toMatch(/^\{"token":"tok_[0-9a-f]{24}"\}$/);
      tokens[`${field}Token`] = (reply.body as { token: string }).token;
    }
    const submit = (orderId: string, fields: Record<string, string>) =>
      sim.web('POST', '/pay', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        raw: new URLSearchParams({ orderId, holder: 'Ana Tester', ...fields }).toString(),
      });
    // Swapped fields and another order's tokens are refused, and spend the tokens they name.
    const swapped = await submit(link.uid, {
      ...tokens,
      numberToken: tokens.cvcToken!,
      cvcToken: tokens.numberToken!,
    });
    expect(swapped.status).toBe(400);
    expect(swapped.text).toContain('The card details were not received: enter them again.');
    for (const [field, value] of [
      ['number', TEST_CARDS.approved.pan],
      ['expiry', '12/30'],
      ['cvc', CVC],
    ])
      tokens[`${field}Token`] = (
        (await tokenize(sim, { orderId: link.uid, field, value })).body as { token: string }
      ).token;
    expect((await submit(other.uid, tokens)).status).toBe(400);
    expect((await submit(link.uid, tokens)).status, 'spent by the refused submit').toBe(400);
    const paid = await sim.pay(link.uid, TEST_CARDS.approved.pan);
    expect(paid.returnUrl?.searchParams.get('status')).toBe('approved');
    const again = await tokenize(sim, { orderId: link.uid, field: 'number', value: TEST_CARDS.approved.pan });
    expect(again.status, 'a paid link takes no more card data').toBe(404);
  });

  test('bad tokenization requests are refused naming the problem, never echoing the value', async ({
    sim,
  }) => {
    const link = await sim.createLink();
    for (const [json, status, message] of [
      [{ orderId: link.uid, field: 'pin', value: '1234' }, 400, 'field must be one of number, expiry, cvc.'],
      [
        { orderId: link.uid, field: 'cvc', value: 123 },
        400,
        'The cvc must be text of at most 64 characters.',
      ],
      [{ orderId: link.uid, field: 'number', value: '4'.repeat(65) }, 400, 'The number must be text'],
      [
        { orderId: 'trx_000000000000', field: 'number', value: '4000' },
        404,
        'does not exist or was already used',
      ],
    ] as const) {
      const reply = await tokenize(sim, json);
      expect(reply.status, JSON.stringify(json)).toBe(status);
      expect((reply.body as { message: string }).message).toContain(message);
      expect(reply.text).not.toContain('4444');
    }
  });

  test('an invalid card comes back to the frames page with the problem and empty fields', async ({ sim }) => {
    const link = await sim.createLink();
    const paid = await sim.pay(link.uid, '4000000000001001', { cvc: CVC });
    expect(paid.status).toBe(400);
    const page = paid.seen.at(-1)?.text ?? '';
    expect(page).toContain('<p role="alert" id="form-error">Enter a valid card number.</p>');
    expect(page).toContain('<iframe name="number"');
    expect(page).not.toContain('4000000000001001');
    expect(page).not.toMatch(STANDALONE_CVC);
  });

  test("the 3-D Secure challenge is the issuer's page in an iframe, answering to the checkout's top window", async ({
    sim,
  }) => {
    const fieldsOrigin = sim.running.checkout.fieldsOrigin ?? '';
    const link = await sim.createLink();
    const paid = await sim.pay(link.uid, TEST_CARDS.threeDsApproved.pan);
    expect(paid.returnUrl?.searchParams.get('status')).toBe('approved');
    const [, , , , framing, issuer] = paid.seen;
    expect(framing?.text).toMatch(
      new RegExp(
        `<iframe name="challenge" title="3-D Secure verification" src="${fieldsOrigin}/challenge\\?session=[0-9a-f]{24}">`,
      ),
    );
    expect(framing?.headers['content-security-policy']).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src ${fieldsOrigin}`,
    );
    expect(issuer?.text).toContain(
      `<form method="post" action="${sim.urls.webview}/challenge" target="_top">`,
    );
    expect(String(issuer?.headers['content-security-policy'])).toContain(
      `frame-ancestors ${new URL(sim.urls.webview).origin}`,
    );
  });
});

test('the frames layout takes one more port: the hosted fields listen on port+4', async () => {
  await expect(startSimulator({ checkout: 'frames', port: 65532 })).rejects.toThrow(
    'port must be 0 (free ports) or an integer from 1 to 65531; the surfaces use port … port+4. Got 65532.',
  );
  const probe = await startSimulator();
  const base = Number(new URL(probe.urls.webview).port) + 200;
  await probe.close();
  let running;
  try {
    running = await startSimulator({ port: base, checkout: 'frames' });
  } catch {
    test.skip(true, `ports ${base}…${base + 4} were not free on this machine`);
    return;
  }
  try {
    expect(running.urls.webview).toBe(`http://127.0.0.1:${base + 3}`);
    expect(running.checkout).toEqual({ layout: 'frames', fieldsOrigin: `http://localhost:${base + 4}` });
  } finally {
    await running.close();
  }
});

test('an unknown checkout layout is refused naming the layouts', async () => {
  await expect(startSimulator({ checkout: 'iframes' as never })).rejects.toThrow(SimulatorOptionsError);
  await expect(startSimulator({ checkout: 'iframes' as never })).rejects.toThrow(
    'checkout must be "page" or "frames" (the single-page form, or hosted fields in iframes); got "iframes".',
  );
});
