/**
 * The control API (`/__sim`): reachable on every surface, credentials, reset, client config merging, and the store
 * bound that keeps memory flat.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { startSimulator } from '../../simulator';
import { call, expect, Sim, test } from './sim';

test('the control API answers on every surface, at the origin and under the surface base path', async ({
  sim,
}) => {
  const { urls } = sim;
  const bases = [
    urls.middleware,
    urls.webview,
    urls.walletGateway,
    new URL(urls.walletGateway).origin,
    urls.cms,
    new URL(urls.cms).origin,
  ];
  for (const base of bases) {
    const reply = await call('GET', `${base}/__sim/credentials`);
    expect(reply.status, base).toBe(200);
    expect(reply.body).toEqual(sim.credentials);
  }
});

test('credentials are shaped like the real ones', async ({ sim }) => {
  const c = sim.credentials;
  expect(c.merchantToken).toMatch(/^[0-9a-f]{64}$/);
  expect(c.privateKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(c.publicKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(createPrivateKey(c.walletPrivateKey).asymmetricKeyType).toBe('ed25519');
  expect(createPublicKey(c.webhookPublicKey).asymmetricKeyType).toBe('ed25519');
  for (const field of [
    'clientSlug',
    'applicationId',
    'walletMerchant',
    'cmsMerchant',
    'cmsEmail',
    'cmsPassword',
    'partnerId',
  ] as const)
    expect(c[field].length, field).toBeGreaterThan(0);
});

test('reset clears data, faults, client config, token lifetimes and the clock', async ({ sim }) => {
  const link = await sim.createLink();
  await sim.control('POST', '/faults', { route: 'GET /health', kind: '500', count: 5 });
  await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
    returnUrl: 'https://shop.example/r',
    paymentMethods: ['zigi'],
  });
  await sim.control('PUT', '/tokens', { accessTtlSec: 5 });
  const moved = (await sim.control('POST', '/clock', { advanceSec: 3600 })) as { offsetSec: number };
  expect(moved.offsetSec).toBe(3600);

  await sim.control('POST', '/reset');
  expect((await sim.web('GET', `/?orderId=${link.uid}`)).status).toBe(404);
  expect((await sim.wg('GET', '/health')).status).toBe(200);
  const client = (await sim.control('GET', `/clients/${sim.credentials.clientSlug}`)) as {
    returnUrl?: string;
    paymentMethods: string[];
  };
  expect(client.returnUrl).toBeUndefined();
  expect(client.paymentMethods.length).toBeGreaterThan(1);
  const session = await sim.walletLogin();
  expect(session.expirationToken - Math.floor(Date.now() / 1000)).toBeGreaterThan(60);
  expect(((await sim.control('POST', '/clock', { advanceSec: 0 })) as { offsetSec: number }).offsetSec).toBe(
    0,
  );
});

test('client config is merged: later calls keep what earlier ones set; null removes', async ({ sim }) => {
  const slug = sim.credentials.clientSlug;
  await sim.control('PUT', `/clients/${slug}`, {
    callback: { url: 'http://127.0.0.1:9/hook', headers: { 'x-a': '1' } },
  });
  const merged = (await sim.control('PUT', `/clients/${slug}`, {
    callback: { duplicates: 2 },
    returnUrl: 'https://shop.example/back',
  })) as {
    callback: {
      url: string;
      duplicates: number;
      headers: Record<string, string>;
      method: string;
      signing: { mode: string };
    };
    returnUrl: string;
  };
  expect(merged.callback).toMatchObject({
    url: 'http://127.0.0.1:9/hook',
    duplicates: 2,
    headers: { 'x-a': '1' },
    method: 'POST',
  });
  expect(merged.callback.signing).toEqual({ mode: 'none' });
  expect(merged.returnUrl).toBe('https://shop.example/back');
  const removed = (await sim.control('PUT', `/clients/${slug}`, {
    callback: null,
    returnUrl: null,
  })) as Record<string, unknown>;
  expect(removed).not.toHaveProperty('callback');
  expect(removed).not.toHaveProperty('returnUrl');
});

test('paymentMethods restrict what a new alternative transaction offers', async ({ sim }) => {
  await sim.control('PUT', `/clients/${sim.credentials.clientSlug}`, {
    paymentMethods: ['quickPayQR', 'nequi'],
  });
  expect((await sim.createAlternative()).paymentMethods).toEqual(['quickPayQR', 'nequi']);
});

test('the store keeps only the newest transactions (memory stays bounded)', async () => {
  const running = await startSimulator({ maxTransactions: 5 });
  try {
    const sim = new Sim(running);
    const links = [];
    for (let i = 0; i < 6; i += 1) links.push(await sim.createLink());
    expect((await sim.web('GET', `/?orderId=${links[0]?.uid}`)).status).toBe(404);
    for (const link of links.slice(1))
      expect((await sim.web('GET', `/?orderId=${link.uid}`)).status).toBe(200);
  } finally {
    await running.close();
  }
});

test('startSimulator refuses bad options with a message naming the fix', async () => {
  await expect(startSimulator({ port: 70_000 })).rejects.toThrow(
    /port must be 0 .* or an integer from 1 to 65532/,
  );
  await expect(startSimulator({ callbackRetryScheduleMs: [-5] })).rejects.toThrow(/callbackRetryScheduleMs/);
  await expect(startSimulator({ https: { certValidityDays: 0 } })).rejects.toThrow(/certValidityDays/);
  const first = await startSimulator();
  try {
    const taken = Number(new URL(first.urls.middleware).port);
    await expect(startSimulator({ port: taken })).rejects.toThrow(/in use: choose another --port/);
  } finally {
    await first.close();
  }
});

test('startSimulator refuses an unknown reading or option, naming the valid ones', async () => {
  await expect(startSimulator({ readings: { 'no-such-reading': 'x' } })).rejects.toThrow(
    /readings: unknown reading "no-such-reading"; the readings are: wallet-login-signed-bytes, /,
  );
  await expect(startSimulator({ readings: { 'callback-status-case': 'mixed' } })).rejects.toThrow(
    'readings: reading callback-status-case has no option "mixed"; its options are lowercase, uppercase.',
  );
});

test('GET/PUT /__sim/readings list and replace the served options; a reset keeps them', async ({ sim }) => {
  const listed = (await sim.control('GET', '/readings')) as {
    name: string;
    option: string;
    options: string[];
  }[];
  expect(listed.find((r) => r.name === 'wallet-envelope')).toEqual({
    name: 'wallet-envelope',
    option: 'quickstart',
    options: ['quickstart', 'custom-response'],
    default: 'quickstart',
  });
  await sim.serve({ 'wallet-envelope': 'custom-response' });
  await sim.control('POST', '/reset');
  expect((await sim.wg('GET', '/health')).body).toMatchObject({ success: true });
  // A PUT replaces the whole set: left out, a reading is back at its default.
  await sim.serve({});
  expect((await sim.wg('GET', '/health')).body).toMatchObject({ statusCode: 200 });
  const bad = await call('PUT', `${sim.urls.middleware}/__sim/readings`, {
    json: { readings: { 'wallet-envelope': 'soap' } },
  });
  expect(bad.status).toBe(400);
  expect(bad.body).toEqual({
    error: 'reading wallet-envelope has no option "soap"; its options are quickstart, custom-response.',
  });
  const malformed = await call('PUT', `${sim.urls.middleware}/__sim/readings`, {
    json: { 'wallet-envelope': 'soap' },
  });
  expect(malformed.status).toBe(400);
});

test('a fixed first port puts the surfaces on port … port+3', async () => {
  const probe = await startSimulator();
  const base = Number(new URL(probe.urls.webview).port) + 100;
  await probe.close();
  let running;
  try {
    running = await startSimulator({ port: base });
  } catch {
    test.skip(true, `ports ${base}…${base + 3} were not free on this machine`);
    return;
  }
  try {
    expect(running.urls).toEqual({
      middleware: `http://127.0.0.1:${base}`,
      walletGateway: `http://127.0.0.1:${base + 1}/rest`,
      cms: `http://127.0.0.1:${base + 2}/cms/rest`,
      webview: `http://127.0.0.1:${base + 3}`,
    });
  } finally {
    await running.close();
  }
});
