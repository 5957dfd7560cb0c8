/**
 * Answers HTTP makes equivalent never fail a check: gzip, br and deflate bodies, chunked transfer, `charset`
 * spelled utf-8, UTF-8 or left out, header names in any case, and up to 100 ms of added latency. A simulator with
 * `httpVariants` serves all of them (seen here on the raw wire), and the suite's clients and named checks stay
 * green through every surface's answers, errors and the plain-text dismiss included.
 */
import { request as httpRequest } from 'node:http';
import { test, expect } from '@playwright/test';
import { DEFAULT_READINGS } from '../../schemas/readings';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { MAX_ADDED_LATENCY_MS, variantOf } from '../../simulator/http-variants';
import { Sim } from '../simulator/sim';
import { apiFor } from './scenarios';

let running: RunningSimulator;
test.beforeAll(async () => {
  running = await startSimulator({ httpVariants: true, callbackRetryScheduleMs: [20, 40, 80] });
});
test.afterAll(async () => running?.close());

/** One GET as bytes on the wire: raw header names, no decoding. */
function rawGet(
  url: string,
): Promise<{ rawHeaders: string[]; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ rawHeaders: res.rawHeaders, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('every variant cycles within 100 ms of added latency', () => {
  for (let n = 0; n < 120; n += 1) {
    const { latencyMs } = variantOf(n);
    expect(latencyMs).toBeGreaterThanOrEqual(0);
    expect(latencyMs).toBeLessThanOrEqual(MAX_ADDED_LATENCY_MS);
  }
});

test('the simulator serves every equivalent form on the wire, on every surface', async () => {
  const pages = {
    walletGateway: `${running.urls.walletGateway}/health`,
    middleware: `${running.urls.middleware}/no-such-route`,
    cms: `${running.urls.cms}/no-such-route`,
    webview: `${running.urls.webview}/return?uid=trx_1&status=approved&reference=R1`,
  };
  for (const [surface, url] of Object.entries(pages)) {
    const seen = {
      encodings: new Set<string>(),
      chunked: new Set<boolean>(),
      charsets: new Set<string>(),
      cases: new Set<string>(),
    };
    // Twelve answers meet every period of the cycle (4 encodings, 2 framings, 3 charsets, 3 header cases).
    for (let i = 0; i < 12; i += 1) {
      const { rawHeaders, headers } = await rawGet(url);
      seen.encodings.add(String(headers['content-encoding'] ?? 'identity'));
      seen.chunked.add(headers['transfer-encoding'] === 'chunked');
      seen.charsets.add(/charset=([^;]+)/i.exec(String(headers['content-type']))?.[1] ?? 'none');
      const name = rawHeaders.find((h) => h.toLowerCase() === 'content-type')!;
      seen.cases.add(name === name.toLowerCase() ? 'lower' : name === name.toUpperCase() ? 'upper' : 'title');
    }
    expect([...seen.encodings].sort(), surface).toEqual(['br', 'deflate', 'gzip', 'identity']);
    expect([...seen.chunked].sort(), surface).toEqual([false, true]);
    expect([...seen.charsets].sort(), surface).toEqual(['UTF-8', 'none', 'utf-8']);
    expect([...seen.cases].sort(), surface).toEqual(['lower', 'title', 'upper']);
  }
});

test("the suite's clients and checks stay green through every form, on every surface", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const sim = new Sim(running);
  const user = { amount: 10, userId: '+50212345678', channel: 'web' };
  // Every round sends three or more answers per surface (a new client logs in to the CMS each round): four
  // rounds cross the twelve-answer cycle on every surface.
  for (let round = 0; round < 4; round += 1) {
    const api = apiFor(sim, request, DEFAULT_READINGS);
    const wallet = api.newWalletSession();
    expect((await wallet.login()).status).toBe(200);
    expect((await wallet.health()).status).toBe(200);
    expect((await wallet.configs()).status).toBe(200);
    const created = await wallet.createUser({ username: `round${round}@example.com` });
    const { userId } = (created.body as { data: { userId: string } }).data;
    const card = await wallet.createVirtualCard(userId);
    const { cardId } = (card.body as { data: { cardId: number } }).data;
    const funds = { operation: 'ADD_FUNDS', channel: 'WEB', reference: `r${round}` };
    expect((await wallet.funds(cardId, { ...funds, amount: 5 })).status).toBe(200);
    // Errors go through the same checks: status, envelope, catalog status and exact message.
    expect((await wallet.funds(cardId, { ...funds, operation: 'WITHDRAW_FUNDS', amount: 50 })).status).toBe(
      409,
    );
    expect((await wallet.refresh()).status).toBe(200);

    const link = await api.paymentLinks.create(user);
    expect(api.paymentLinks.linkOf(link).url).toMatch(/^http/);
    expect((await api.paymentLinks.create({ ...user, amount: 0 })).status).toBe(400);

    const txn = await api.alternative.create(user);
    const { uid } = (txn.body as { data: { uid: string } }).data;
    expect((await api.alternative.paymentIntents(uid, 'fri')).status).toBe(200);
    const dismissed = await api.alternative.dismiss(uid);
    expect(dismissed.text.trim(), 'the plain-text answer survives every form').toBe('OK');

    expect((await api.cms.cardholders()).status).toBe(200);
  }
});
