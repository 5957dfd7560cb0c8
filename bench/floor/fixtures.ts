/**
 * What every floor test uses, declared once (as the matrix's fixtures/index.ts does, so workers are reused across
 * files): a worker-scoped trivial server as the base URL, an API exchange, and a checkout on a plain page.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { startFloorServer, type FloorServer } from './server';

export const test = base.extend<object, { floorServer: FloorServer }>({
  floorServer: [
    async ({}, use) => {
      const server = await startFloorServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ floorServer }, use) => use(floorServer.url),
});

/** `requests` HTTP exchanges, alternating a create and a read of what was created, each checked. */
export async function exchange(request: APIRequestContext, requests: number): Promise<void> {
  let uid = '';
  for (let i = 0; i < requests; i += 1) {
    const response =
      i % 2 === 0
        ? await request.post('/transactions', { data: { amount: 10, currency: 'GTQ', client: 'floor' } })
        : await request.get(`/transactions/${uid}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { success: boolean; data: { uid: string } };
    expect(body.success).toBe(true);
    uid = body.data.uid;
  }
}

/** Fills three fields on a plain page, pays, and follows the redirect to the return page. */
export async function checkout(page: Page): Promise<void> {
  await page.goto('/checkout/trx_floor');
  await page.fill('#card-number', 'not a card number');
  await page.fill('#expiry', '12/30');
  await page.fill('#cvc', 'none');
  await page.click('#pay');
  await page.waitForURL(/\/return\?status=approved/);
  await expect(page.locator('h1')).toHaveText('Payment approved');
}
