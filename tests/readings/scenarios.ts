/**
 * For every reading a route of the simulator can show: what differs on the wire between its options (`wire`,
 * raw HTTP, no client of ours), and the check of the suite it affects (`check`: the suite's own clients, named
 * checks and spec helpers, under a given profile). detection.test.ts runs each check against a simulator serving
 * each option, under the default profile and under the matching one.
 */
import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { CallbackReceiver } from '../../fixtures/callback-receiver';
import { MigoApi, signLogin } from '../../fixtures/clients';
import { DEFAULT_RETRY } from '../../fixtures/clients/exchange';
import { fromSimulator } from '../../fixtures/target';
import type { ReadingName, Readings } from '../../schemas/readings';
import { expectAcceptedForms, TOKEN_FORMS, type TokenForm } from '../../specs/auth/token-forms';
import { expectCancelHookDismiss } from '../../specs/alternative-payments/alternative-flow';
import { documentedError } from '../../specs/documented';
import { expectCatalogAnswer } from '../../specs/errors/catalog-answer';
import { expectCallback, firstDeliveryFor } from '../../specs/webhooks/received-deliveries';
import { TEST_RETRY_SCHEDULE_MS, type Sim } from '../simulator/sim';

export interface CheckEnv {
  sim: Sim;
  api: MigoApi;
  readings: Readings;
}

export interface Scenario {
  /** What the served option looks like on the wire: a value that differs between any two options. */
  wire(sim: Sim): Promise<unknown>;
  /** The affected check of the suite, under `readings`; throws when it fails. */
  check(env: CheckEnv): Promise<void>;
}

export function apiFor(sim: Sim, request: APIRequestContext, readings: Readings): MigoApi {
  return new MigoApi(
    { request, baseUrls: sim.urls, timeoutMs: 5_000, retry: DEFAULT_RETRY, readings },
    fromSimulator(sim.running),
  );
}

function expectStatus(x: { status: number; endpoint: string; text: string }, status: number): void {
  if (x.status !== status) throw new Error(`${x.endpoint} answered ${x.status} ${x.text.slice(0, 200)}`);
}

const LINK = { amount: 10, userId: '+50212345678', channel: 'web' };
const keys = (body: unknown) => Object.keys((body ?? {}) as object).sort();

async function newUser(api: MigoApi): Promise<string> {
  const user = await api.wallet.createUser({
    firstName: 'Ana',
    lastName: 'Tester',
    username: 'ana@example.com',
  });
  expectStatus(user, 200);
  return (user.body as { data: { userId: string } }).data.userId;
}

async function newCard(api: MigoApi): Promise<number> {
  const card = await api.wallet.createVirtualCard(await newUser(api));
  expectStatus(card, 200);
  return (card.body as { data: { cardId: number } }).data.cardId;
}

/** A raw Wallet Gateway session of the simulator: its login's answer, with the refresh token. */
async function rawRefreshToken(sim: Sim): Promise<string> {
  const { walletMerchant, walletPrivateKey } = sim.credentials;
  const login = await sim.wg('POST', '/auth/login', {
    json: { merchant: walletMerchant, signature: signLogin(walletMerchant, walletPrivateKey) },
  });
  return (login.body as { data: { refreshToken: string } }).data.refreshToken;
}

/** A completed Alternative Payments transaction's first callback, judged by the suite's expectCallback. */
async function callbackCheck({ sim, api, readings }: CheckEnv): Promise<void> {
  const receiver = new CallbackReceiver();
  await receiver.start({ readings });
  try {
    await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
      callback: { url: receiver.url, retryScheduleMs: TEST_RETRY_SCHEDULE_MS },
    });
    const created = await api.alternative.create({ amount: 10, channel: 'web', userId: LINK.userId });
    const { uid } = (created.body as { data: { uid: string } }).data;
    const completed = (await sim.control('POST', `/alternative/${uid}/complete`, { status: 'APPROVED' })) as {
      reference: string;
    };
    const delivery = await firstDeliveryFor(receiver, uid, 5_000);
    expectCallback(
      delivery,
      { uid, reference: completed.reference, status: 'approved', flow: 'alternative' },
      readings,
    );
  } finally {
    await receiver.stop();
  }
}

/** The first callback a raw receiver gets for a completed transaction. */
async function rawCallback(sim: Sim): Promise<Record<string, unknown>> {
  const receiver = await sim.startReceiver();
  try {
    await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, { callback: { url: receiver.url } });
    const { uid } = await sim.createAlternative();
    await sim.control('POST', `/alternative/${uid}/complete`, { status: 'APPROVED' });
    await receiver.until(1);
    return receiver.received[0]!.body as Record<string, unknown>;
  } finally {
    await receiver.stop();
  }
}

async function rawCard(sim: Sim): Promise<{ cardId: number; auth: Record<string, string> }> {
  const { accessToken } = await sim.walletLogin();
  const auth = { authorization: `Bearer ${accessToken}` };
  const user = await sim.wg('POST', '/users', { headers: auth, json: { username: 'ana@example.com' } });
  const { userId } = (user.body as { data: { userId: string } }).data;
  const card = await sim.wg('POST', `/users/${userId}/cards/virtuals`, { headers: auth });
  return { cardId: (card.body as { data: { cardId: number } }).data.cardId, auth };
}

/** Login then refresh through the client: the refresh body and path are what the profile says. */
const REFRESH: Scenario = {
  wire: async (sim) =>
    (await sim.wg('POST', '/auth/refresh', { json: { refreshToken: await rawRefreshToken(sim) } })).status,
  check: async ({ api }) => {
    const wallet = api.newWalletSession();
    expectStatus(await wallet.login(), 200);
    expectStatus(await wallet.refresh(), 200);
  },
};

/** A Payment Link refused as invalid (amount 0): `seen` picks what the reading changes in the answer. */
function refusedLink(seen: (reply: { status: number; body: unknown }) => unknown): Scenario {
  return {
    wire: async (sim) =>
      seen(await sim.mw('POST', '/transactions', { headers: sim.token(), json: { ...LINK, amount: 0 } })),
    check: async ({ api }) => void (await api.paymentLinks.create({ ...LINK, amount: 0 })),
  };
}

const fundsBody = (operation: string, amount: number) => ({
  amount,
  operation,
  channel: 'WEB',
  reference: 'ref-1',
});

export const SCENARIOS: Partial<Record<ReadingName, Scenario>> = {
  'wallet-login-signed-bytes': {
    wire: async (sim) => {
      const { walletMerchant, walletPrivateKey } = sim.credentials;
      const signature = signLogin(walletMerchant, walletPrivateKey, 'merchant-slug');
      return (await sim.wg('POST', '/auth/login', { json: { merchant: walletMerchant, signature } })).status;
    },
    check: async ({ api }) => expectStatus(await api.newWalletSession().login(), 200),
  },
  'wallet-envelope': {
    wire: async (sim) => keys((await sim.wg('GET', '/health')).body),
    check: async ({ api }) => expectStatus(await api.newWalletSession().health(), 200),
  },
  'wallet-refresh-body': REFRESH,
  'wallet-refresh-path': REFRESH,
  'middleware-error-layout': refusedLink((reply) => keys(reply.body)),
  'middleware-own-code-type': refusedLink((reply) => typeof (reply.body as { ownCode: unknown }).ownCode),
  'middleware-validation-status': refusedLink((reply) => reply.status),
  'callback-status-case': {
    wire: async (sim) => (await rawCallback(sim)).status,
    check: callbackCheck,
  },
  'callback-reference': {
    wire: async (sim) => 'reference' in (await rawCallback(sim)),
    check: callbackCheck,
  },
  'payload-type-enum': {
    wire: async (sim) => {
      const { uid } = await sim.createAlternative();
      const paid = await sim.mw('POST', `/api/v1/integrations/transactions/${uid}/payments`, {
        headers: sim.token('bearer'),
        json: { processor: 'push-payment-gateway', data: {} },
      });
      return (paid.body as { data: { type: string } }).data.type;
    },
    check: async ({ api }) => {
      const created = await api.alternative.create({ amount: 10, channel: 'web', userId: LINK.userId });
      const { uid } = (created.body as { data: { uid: string } }).data;
      expectStatus(await api.alternative.pay(uid, 'push-payment-gateway'), 200);
    },
  },
  'payment-link-extra-fields': {
    wire: async (sim) =>
      keys((await sim.mw('POST', '/transactions', { headers: sim.token(), json: LINK })).body),
    check: async ({ api }) => expectStatus(await api.paymentLinks.create(LINK), 200),
  },
  'payment-link-url': {
    wire: async (sim) =>
      keys((await sim.mw('POST', '/transactions', { headers: sim.token(), json: LINK })).body),
    check: async ({ api }) => {
      const link = await api.paymentLinks.create(LINK);
      expectStatus(link, 200);
      if (!api.paymentLinks.linkOf(link).url) throw new Error('no link in the answer');
    },
  },
  'error-code-form': {
    wire: async (sim) => {
      const { cardId, auth } = await rawCard(sim);
      return keys(
        (await sim.wg('POST', `/cards/${cardId}/funds`, { headers: auth, json: fundsBody('ADD_FUNDS', 0) }))
          .body,
      );
    },
    check: async ({ api }) => void (await api.wallet.funds(await newCard(api), fundsBody('ADD_FUNDS', 0))),
  },
  'application-id-header': {
    wire: async (sim) => {
      const { accessToken } = await sim.walletLogin();
      return (
        await sim.wg('GET', '/configs', {
          headers: { authorization: `Bearer ${accessToken}`, applicationId: sim.credentials.applicationId },
        })
      ).status;
    },
    check: async ({ api }) => expectStatus(await api.newWalletSession().configs(), 200),
  },
  'application-id-placement': {
    wire: async (sim) => {
      const { accessToken } = await sim.walletLogin();
      return (
        await sim.wg('POST', '/users', {
          headers: { authorization: `Bearer ${accessToken}` },
          json: { username: 'ana@example.com' },
        })
      ).status;
    },
    check: async ({ api }) => void (await newUser(api)),
  },
  'cms-app-login-body': {
    wire: async (sim) =>
      (await sim.cms('POST', '/app/auth/login', { json: { merchant: sim.credentials.cmsMerchant } })).status,
    check: async ({ api }) => expectStatus(await api.cms.appLogin(), 200),
  },
  'payment-link-bearer': {
    wire: async (sim) =>
      Promise.all(
        (['raw', 'bearer'] as const).map(
          async (form) =>
            (await sim.mw('POST', '/transactions', { headers: sim.token(form), json: LINK })).status,
        ),
      ),
    check: async ({ api, readings }) => {
      const answered = {} as Record<TokenForm, number>;
      for (const form of Object.keys(TOKEN_FORMS) as TokenForm[])
        answered[form] = (await api.paymentLinks.create(LINK, { auth: form })).status;
      expectAcceptedForms(
        readings,
        'payment-link-bearer',
        { raw: answered.raw === 200, bearer: answered.bearer === 200 },
        answered,
      );
    },
  },
  'alternative-bearer': {
    wire: async (sim) =>
      (
        await sim.mw(
          'POST',
          `/api/v1/integrations/transactions/trx_${randomBytes(6).toString('hex')}/dismiss`,
          {
            headers: sim.token('raw'),
          },
        )
      ).status,
    check: async ({ api, readings }) => {
      const uid = `trx_${randomBytes(6).toString('hex')}`;
      const answered = {} as Record<TokenForm, number>;
      for (const form of Object.keys(TOKEN_FORMS) as TokenForm[])
        answered[form] = (await api.alternative.dismiss(uid, undefined, { auth: form })).status;
      expectAcceptedForms(
        readings,
        'alternative-bearer',
        { raw: answered.raw !== 401, bearer: answered.bearer !== 401 },
        answered,
      );
    },
  },
  'zigi-dismiss': {
    wire: async (sim) => {
      const { uid } = await sim.createAlternative();
      const path = `/api/v1/integrations/transactions/${uid}`;
      await sim.mw('POST', `${path}/payments`, {
        headers: sim.token('bearer'),
        json: { processor: 'zigi', data: {} },
      });
      return (await sim.mw('POST', `${path}/dismiss`, { headers: sim.token('bearer') })).text;
    },
    check: async ({ api, readings }) => {
      const created = await api.alternative.create({ amount: 10, channel: 'web', userId: LINK.userId });
      const { uid } = (created.body as { data: { uid: string } }).data;
      expectStatus(await api.alternative.pay(uid, 'zigi'), 200);
      const dismissed = await api.alternative.dismiss(uid);
      expectStatus(dismissed, 200);
      expectCancelHookDismiss(readings, dismissed, uid);
    },
  },
  'error-status-7100': {
    wire: async (sim) => {
      const { accessToken } = await sim.walletLogin();
      return (
        await sim.wg('POST', '/users/no-such-user/cards/virtuals', {
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).status;
    },
    check: async ({ api }) => void (await api.wallet.createVirtualCard('no-such-user')),
  },
  'error-status-7200': {
    wire: async (sim) => {
      const { accessToken } = await sim.walletLogin();
      return (
        await sim.wg('POST', '/cards/999999999/funds', {
          headers: { authorization: `Bearer ${accessToken}` },
          json: fundsBody('ADD_FUNDS', 1),
        })
      ).status;
    },
    check: async ({ api }) => void (await api.wallet.funds(999_999_999, fundsBody('ADD_FUNDS', 1))),
  },
  'error-message-7303': {
    wire: async (sim) => {
      const { cardId, auth } = await rawCard(sim);
      const refused = await sim.wg('POST', `/cards/${cardId}/funds`, {
        headers: auth,
        json: fundsBody('WITHDRAW_FUNDS', 1),
      });
      return (refused.body as { errors?: { message?: unknown }[] }).errors?.[0]?.message;
    },
    check: async ({ api, readings }) => {
      const refused = await api.wallet.funds(await newCard(api), fundsBody('WITHDRAW_FUNDS', 1));
      expectCatalogAnswer(documentedError('7303'), refused, readings);
    },
  },
  'token-expired-place': {
    wire: async (sim) => {
      await sim.control('PUT', '/tokens', { accessTtlSec: 60 });
      const { accessToken } = await sim.walletLogin();
      await sim.control('POST', '/clock', { advanceSec: 61 });
      const expired = await sim.wg('GET', '/configs', {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      return JSON.stringify(expired.body).match(/"(\w+)":(?:\[\{"code":)?"TOKEN_EXPIRED"/)?.[1];
    },
    check: async ({ sim, api, readings }) => {
      await sim.control('PUT', '/tokens', { accessTtlSec: 60 });
      const session = api.newWalletSession();
      await session.login();
      const { accessToken } = session.currentTokens!;
      await sim.control('POST', '/clock', { advanceSec: 61 });
      // The explicit token goes as is: the client must not refresh it away before the 401 is seen.
      const expired = await session.authorized('getConfigs', {
        accessToken,
        headers: session.applicationIdHeader(),
      });
      expectCatalogAnswer(documentedError('TOKEN_EXPIRED'), expired, readings);
    },
  },
  'error-status-7303': {
    wire: async (sim) => {
      const { cardId, auth } = await rawCard(sim);
      return (
        await sim.wg('POST', `/cards/${cardId}/funds`, {
          headers: auth,
          json: fundsBody('WITHDRAW_FUNDS', 1),
        })
      ).status;
    },
    check: async ({ api }) =>
      void (await api.wallet.funds(await newCard(api), fundsBody('WITHDRAW_FUNDS', 1))),
  },
};
