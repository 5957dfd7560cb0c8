/**
 * Every named mutation changes what it claims: for each one a probe checks the documented rule, which must hold
 * with the mutation off and break with it on. The TLS mutations are probed in https.test.ts.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { catalogEntry } from '../../schemas/error-catalog';
import { validate } from '../../schemas/registry';
import { MUTATIONS, startSimulator, TEST_CARDS } from '../../simulator';
import { expect, Sim, test } from './sim';

type Probe = (sim: Sim) => Promise<boolean>;

const ALT = '/api/v1/integrations/transactions';
const LINK = { amount: 10, userId: '+50212345678', channel: 'web' };

async function createLinkBody(sim: Sim, headers = sim.token()) {
  return sim.mw('POST', '/transactions', { headers, json: LINK });
}

async function unknownWalletRoute(sim: Sim) {
  return sim.wg('GET', '/definitely/not/here');
}

async function card(sim: Sim) {
  const { accessToken } = await sim.walletLogin();
  const auth = { authorization: `Bearer ${accessToken}` };
  const user = await sim.wg('POST', '/users', {
    headers: auth,
    json: { username: 'probe@example.com', firstName: 'P', lastName: 'Q' },
  });
  const userId = (user.body as { data: { userId: string } }).data.userId;
  const created = await sim.wg('POST', `/users/${userId}/cards/virtuals`, { headers: auth });
  return { auth, created };
}

async function expiredSession(sim: Sim) {
  await sim.control('PUT', '/tokens', { accessTtlSec: 60 });
  const session = await sim.walletLogin();
  await sim.control('POST', '/clock', { advanceSec: 61 });
  return sim.wg('GET', '/configs', {
    headers: { authorization: `Bearer ${session.accessToken}`, applicationId: sim.credentials.applicationId },
  });
}

async function cmsCardholders(sim: Sim, userHeader: (token: string) => Record<string, string>) {
  const { appToken, userToken } = await sim.cmsSession();
  return sim.cms('GET', `/app/partners/${sim.credentials.partnerId}/cardholders`, {
    headers: { authorization: `Bearer ${appToken}`, ...userHeader(userToken) },
  });
}

/** Pays a link with `pan` and returns the checkout result; `answers` feed the callback receiver. */
async function checkout(
  sim: Sim,
  pan: string,
  options: {
    challenge?: 'approve' | 'fail';
    answers?: Array<number | 'hang'>;
    callbacks?: number;
    duplicates?: number;
  } = {},
) {
  const receiver = await sim.startReceiver(options.answers ?? []);
  try {
    await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
      callback: { url: receiver.url, duplicates: options.duplicates ?? 0 },
      returnUrl: 'https://shop.example/return',
    });
    const link = await sim.createLink();
    const paid = await sim.pay(link.uid, pan, options.challenge ? { challenge: options.challenge } : {});
    if (options.callbacks) await receiver.until(options.callbacks);
    return { link, paid, callbacks: receiver.received };
  } finally {
    await receiver.stop();
  }
}

/** Each probe answers "does the documented rule hold?". */
const PROBES: Record<string, Probe> = {
  'payment-link-lowercase-url': async (sim) =>
    validate('payment-link', (await createLinkBody(sim)).body).valid,
  'payment-link-envelope': async (sim) => validate('payment-link', (await createLinkBody(sim)).body).valid,
  'payment-link-bearer-refused': async (sim) =>
    (await createLinkBody(sim, sim.token('bearer'))).status === 200,
  'payment-link-raw-token-refused': async (sim) =>
    (await createLinkBody(sim, sim.token('raw'))).status === 200,
  'missing-token-accepted': async (sim) => (await createLinkBody(sim, {})).status === 401,
  'wrong-token-accepted': async (sim) =>
    (await createLinkBody(sim, { authorization: '0'.repeat(64) })).status === 401,
  'hook-wrong-keys-accepted': async (sim) => {
    const wrong = {
      privateKey: '11111111-1111-4111-8111-111111111111',
      publicKey: sim.credentials.publicKey,
    };
    return (await sim.mw('POST', '/transactions-hook', { json: { ...wrong, ...LINK } })).status === 401;
  },
  'numeric-error-codes': async (sim) =>
    typeof ((await unknownWalletRoute(sim)).body as { errors?: Array<{ code: unknown }> }).errors?.[0]
      ?.code === 'string',
  'success-true-with-errors': async (sim) =>
    ((await unknownWalletRoute(sim)).body as { success: unknown }).success === false,
  'success-false-without-errors': async (sim) =>
    validate('gateway-error', (await unknownWalletRoute(sim)).body).valid,
  'catalog-status-wrong': async (sim) => {
    const { auth, created } = await card(sim);
    const cardId = (created.body as { data: { cardId: number } }).data.cardId;
    const reply = await sim.wg('POST', `/cards/${cardId}/funds`, {
      headers: auth,
      json: { amount: 0, operation: 'ADD_FUNDS', channel: 'WEB', reference: 'zero' },
    });
    return reply.status === catalogEntry('7001').http;
  },
  'catalog-message-changed': async (sim) =>
    ((await unknownWalletRoute(sim)).body as { errors: Array<{ message: string }> }).errors[0]?.message ===
    catalogEntry('7010').message,
  'unknown-route-wrong-code': async (sim) =>
    ((await unknownWalletRoute(sim)).body as { errors: Array<{ code: string }> }).errors[0]?.code === '7010',
  'middleware-error-without-own-code': async (sim) =>
    validate(
      'middleware-error',
      (await sim.mw('POST', '/transactions', { headers: sim.token(), json: {} })).body,
    ).valid,
  'refresh-token-reusable': async (sim) => {
    const { refreshToken } = await sim.walletLogin();
    await sim.wg('POST', '/auth/refresh', { json: { refreshToken } });
    return (await sim.wg('POST', '/auth/refresh', { json: { refreshToken } })).status === 401;
  },
  'refresh-not-rotating': async (sim) => {
    const { refreshToken } = await sim.walletLogin();
    const reply = await sim.wg('POST', '/auth/refresh', { json: { refreshToken } });
    return (reply.body as { data: { refreshToken: string } }).data.refreshToken !== refreshToken;
  },
  'no-token-expired-code': async (sim) => validate('token-expired', (await expiredSession(sim)).body).valid,
  'expired-token-accepted': async (sim) => (await expiredSession(sim)).status === 401,
  'login-bad-signature-accepted': async (sim) => {
    const signature = sign(
      null,
      Buffer.from('not the slug'),
      createPrivateKey(sim.credentials.walletPrivateKey),
    );
    const reply = await sim.wg('POST', '/auth/login', {
      json: { merchant: sim.credentials.walletMerchant, signature: signature.toString('base64') },
    });
    return reply.status === 401;
  },
  'configs-application-id-optional': async (sim) => {
    const { accessToken } = await sim.walletLogin();
    return (
      (await sim.wg('GET', '/configs', { headers: { authorization: `Bearer ${accessToken}` } })).status ===
      400
    );
  },
  'cms-raw-user-token-accepted': async (sim) =>
    (await cmsCardholders(sim, (token) => ({ 'x-user-token': token }))).status === 401,
  'cms-user-token-optional': async (sim) => (await cmsCardholders(sim, () => ({}))).status === 401,
  'callback-without-uid': async (sim) => {
    const { callbacks } = await checkout(sim, TEST_CARDS.approved.pan, { callbacks: 1 });
    return validate('merchant-callback', callbacks[0]?.body).valid;
  },
  'redelivery-new-uid': async (sim) => {
    const { callbacks } = await checkout(sim, TEST_CARDS.approved.pan, { answers: [500], callbacks: 2 });
    return (callbacks[0]?.body as { uid: string }).uid === (callbacks[1]?.body as { uid: string }).uid;
  },
  'callback-not-sent': async (sim) => {
    // The rule holds when the sender logs an attempt for the paid link (within a second: it sends at once).
    const { link } = await checkout(sim, TEST_CARDS.approved.pan, { callbacks: 0 });
    for (const deadline = Date.now() + 1000; Date.now() < deadline;) {
      const log = (await sim.control('GET', `/deliveries?uid=${link.uid}`)) as unknown[];
      if (log.length > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  },
  'callback-no-retry': async (sim) => {
    // The duplicate is sent after the original delivery ends, so its arrival tells whether a retry came first.
    const receiver = await sim.startReceiver([500]);
    try {
      await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
        callback: { url: receiver.url, duplicates: 1 },
      });
      const link = await sim.createLink();
      await sim.pay(link.uid, TEST_CARDS.approved.pan);
      let log: Array<{ attempt: number; duplicate: number }> = [];
      await expect
        .poll(async () => {
          log = (await sim.control('GET', `/deliveries?uid=${link.uid}`)) as typeof log;
          return log.some((d) => d.duplicate === 1);
        })
        .toBe(true);
      return log.some((d) => d.duplicate === 0 && d.attempt === 2);
    } finally {
      await receiver.stop();
    }
  },
  'callback-reference-differs': async (sim) => {
    const { link, callbacks } = await checkout(sim, TEST_CARDS.approved.pan, { callbacks: 1 });
    return (callbacks[0]?.body as { reference: string }).reference === link.reference;
  },
  'callback-status-uppercase': async (sim) => {
    const { callbacks } = await checkout(sim, TEST_CARDS.approved.pan, { callbacks: 1 });
    return (callbacks[0]?.body as { status: string }).status === 'approved';
  },
  'declined-card-approved': async (sim) =>
    (await checkout(sim, TEST_CARDS.declinedInsufficientFunds.pan)).paid.returnUrl?.searchParams.get(
      'status',
    ) === 'denied',
  'three-ds-skipped': async (sim) => (await checkout(sim, TEST_CARDS.threeDsApproved.pan)).paid.challenged,
  'three-ds-failure-approved': async (sim) =>
    (
      await checkout(sim, TEST_CARDS.threeDsApproved.pan, { challenge: 'fail' })
    ).paid.returnUrl?.searchParams.get('status') === 'denied',
  'return-url-missing-reference': async (sim) =>
    (await checkout(sim, TEST_CARDS.approved.pan)).paid.returnUrl?.searchParams.has('reference') === true,
  'pan-in-card-response': async (sim) => !/[0-9]{12,19}/.test((await card(sim)).created.text),
  'pan-in-return-url': async (sim) =>
    !String((await checkout(sim, TEST_CARDS.approved.pan)).paid.returnUrl).includes(TEST_CARDS.approved.pan),
  'cvv-in-callback': async (sim) => {
    const { callbacks } = await checkout(sim, TEST_CARDS.approved.pan, { callbacks: 1 });
    return !('cvv' in (callbacks[0]?.body as object));
  },
  'dismiss-approved-ok': async (sim) => {
    const { uid } = await sim.createAlternative();
    await sim.control('POST', `/alternative/${uid}/complete`, { status: 'APPROVED' });
    return (await sim.mw('POST', `${ALT}/${uid}/dismiss`, { headers: sim.token('bearer') })).status === 409;
  },
  'dismiss-unknown-gateway-code': async (sim) =>
    validate(
      'middleware-error',
      (await sim.mw('POST', `${ALT}/trx_ffffffffffff/dismiss`, { headers: sim.token('bearer') })).body,
    ).valid,
  'alternative-status-lowercase': async (sim) => {
    const { uid } = await sim.createAlternative();
    await sim.mw('POST', `${ALT}/${uid}/payments`, {
      headers: sim.token('bearer'),
      json: { processor: 'zigi', data: {} },
    });
    return validate(
      'alt-dismiss',
      (await sim.mw('POST', `${ALT}/${uid}/dismiss`, { headers: sim.token('bearer') })).body,
    ).valid;
  },
  'unknown-payload-kind': async (sim) => {
    const { uid } = await sim.createAlternative();
    const reply = await sim.mw('POST', `${ALT}/${uid}/payments`, {
      headers: sim.token('bearer'),
      json: { processor: 'quickPayQR', data: {} },
    });
    return validate('alt-payment', reply.body).valid;
  },
  'health-without-status-code': async (sim) =>
    validate('health', (await sim.wg('GET', '/health')).body).valid,
  'validation-own-code-wrong': async (sim) => {
    const { uid } = await sim.createAlternative();
    const refused = await sim.mw('POST', `${ALT}/${uid}/payments`, {
      headers: sim.token('bearer'),
      json: { processor: 'no-such-processor', data: {} },
    });
    return refused.status === 400 && (refused.body as { ownCode?: unknown }).ownCode === 5000;
  },
  'dismiss-without-effect': async (sim) => {
    const { uid } = await sim.createAlternative();
    await sim.mw('POST', `${ALT}/${uid}/dismiss`, { headers: sim.token('bearer') });
    return ((await sim.control('GET', `/alternative/${uid}`)) as { status: string }).status === 'DISMISSED';
  },
  'insufficient-funds-message-changed': async (sim) => {
    const { auth, created } = await card(sim);
    const { cardId } = (created.body as { data: { cardId: number } }).data;
    const refused = await sim.wg('POST', `/cards/${cardId}/funds`, {
      headers: auth,
      json: { amount: 1, operation: 'WITHDRAW_FUNDS', channel: 'WEB', reference: 'probe-7303' },
    });
    const [error] = (refused.body as { errors: { code: string; message: string }[] }).errors;
    return (
      error?.code === '7303' && error.message === 'Over-spend attempt; you cannot overdraw a card balance'
    );
  },
  'token-expired-only-in-text': async (sim) => {
    const expired = await expiredSession(sim);
    return (expired.body as { message?: unknown }).message === 'TOKEN_EXPIRED';
  },
  'checkout-receipt-unreadable': async (sim) => {
    const { paid } = await checkout(sim, TEST_CARDS.approvedMastercard.pan);
    // The rule holds when the submit goes straight back (303), or every answer after it decodes.
    const receipt = /fetch\('([^']+)'\)/.exec(paid.seen.at(-1)?.text ?? '')?.[1];
    if (!receipt) return paid.status === 303;
    const answer = await sim.web('GET', receipt);
    return answer.headers['content-encoding'] !== 'gzip' || answer.text.startsWith('\x1f');
  },
};

test('there are at least 32 mutations and every one has a probe (here or in https.test.ts)', () => {
  expect(MUTATIONS.length).toBeGreaterThanOrEqual(32);
  const plain = MUTATIONS.filter((m) => !('httpsOnly' in m)).map((m) => m.name);
  expect(Object.keys(PROBES).sort()).toEqual([...plain].sort());
  for (const m of MUTATIONS) {
    expect(m.rule.length, m.name).toBeGreaterThan(10);
    expect(m.docs, m.name).toMatch(/^https:\/\/api-docs\.migopayments\.com\/en\//);
    expect(Array.isArray(m.caughtBy), m.name).toBe(true);
  }
});

for (const mutation of MUTATIONS.filter((m) => !('httpsOnly' in m))) {
  test(`mutation ${mutation.name} breaks its rule`, async ({ sim }) => {
    const probe = PROBES[mutation.name];
    if (!probe) throw new Error(`no probe for ${mutation.name}`);
    expect(await probe(sim), 'the rule holds with the mutation off').toBe(true);
    await sim.mutate(mutation.name);
    expect(await probe(sim), 'the rule is broken with the mutation on').toBe(false);
  });
}

test.describe('mutation control', () => {
  test('GET lists names, rules, docs and which are on; PUT replaces the set', async ({ sim }) => {
    await sim.mutate('hsts-missing', 'payment-link-envelope');
    const list = (await sim.control('GET', '/mutations')) as Array<{
      name: string;
      enabled: boolean;
      rule: string;
    }>;
    expect(list).toHaveLength(MUTATIONS.length);
    expect(list.filter((m) => m.enabled).map((m) => m.name)).toEqual([
      'payment-link-envelope',
      'hsts-missing',
    ]);
    const bad = await sim.mw('PUT', '/__sim/mutations', {
      json: { enabled: ['payment-link-envelope', 'made-up'] },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toContain('"made-up"');
    const still = (await sim.control('GET', '/mutations')) as Array<{ enabled: boolean }>;
    expect(still.filter((m) => m.enabled)).toHaveLength(2);
  });

  test('startup mutations are on from the start and survive a reset; unknown names are refused', async () => {
    const running = await startSimulator({ mutations: ['payment-link-lowercase-url'] });
    try {
      const sim = new Sim(running);
      expect((await createLinkBody(sim)).body).toHaveProperty('url');
      await sim.control('POST', '/reset');
      expect((await createLinkBody(sim)).body).toHaveProperty('url');
    } finally {
      await running.close();
    }
    await expect(startSimulator({ mutations: ['nope'] })).rejects.toThrow(
      /unknown mutation "nope".*--list-mutations/,
    );
  });
});
