/**
 * The hosted checkout over HTTP (the form a browser posts): every test card's outcome, the 3-D Secure challenge, the
 * return URL, and the PCI rule that a PAN or CVC never leaves the `/pay` request.
 */
import { TEST_CARDS, type TestCardKey } from '../../simulator';
import { expect, expectSchema, test } from './sim';

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
    const challengePage = paid.seen[1]?.text ?? '';
    expect(challengePage).toContain('id="challenge-approve"');
    expect(challengePage).toContain('id="challenge-fail"');
  }
});

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
