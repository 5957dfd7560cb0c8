/**
 * Issue 9, finding 3: a production checkout was retried (`retries: local ? 0 : 1`): a declined production charge
 * was submitted twice (2× POST /transactions, 2× pay). Proven without production: the Playwright config as
 * resolved for a production command line, and the client's retry decision against a server that answers 429.
 *
 * Proved failing on 7b3ea5d: the production config resolved to retries 1 and accepted --retries and
 * --repeat-each; a production run's clients sent POST /transactions 5 times to a server answering 429 (mayRetry
 * and PRODUCTION_RETRY did not exist). The sandbox case, 5 POSTs, is the control: it passes on both.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exchangeContext } from '../../fixtures/clients';
import { DEFAULT_RETRY, PRODUCTION_RETRY, exchange, mayRetry } from '../../fixtures/clients/exchange';
import { resolveConfig } from '../../fixtures/config';
import type { MigoTarget } from '../../fixtures/target';
import { SAFE_PRODUCTION, resolvedConfigs } from './harness';

test('a production run resolves to no retries, each test once, nothing recorded, @prod-safe only', async () => {
  const refused = [['--retries', '2'], ['--retries=1'], ['--repeat-each', '3'], ['--repeat-each=2']];
  const [plain, harmless, ...stopped] = await resolvedConfigs([
    { args: [], env: SAFE_PRODUCTION },
    { args: ['--retries', '0', '--repeat-each=1'], env: SAFE_PRODUCTION },
    ...refused.map((args) => ({ args, env: SAFE_PRODUCTION })),
  ]);
  expect(plain!.config).toMatchObject({
    retries: 0,
    repeatEach: 1,
    use: { trace: 'off', screenshot: 'off', video: 'off' },
    projects: [
      { name: 'api', grep: '/@prod-safe/' },
      { name: 'checkout', grep: '/@prod-safe/' },
    ],
  });
  expect(harmless!.config?.retries, 'flags that repeat nothing pass').toBe(0);
  refused.forEach((args, i) => {
    expect(stopped[i]!.config, args.join(' ')).toBeUndefined();
    expect(stopped[i]!.refusal).toContain('Production run refused');
    expect(stopped[i]!.refusal).toContain(`✗ ${args.join(' ').replace('=', ' ')}`);
  });
});

test('the client never sends a request that moves money twice in production, 429 included', () => {
  expect(mayRetry(PRODUCTION_RETRY, 'not-repeatable', { status: 429 })).toBe(false);
  expect(mayRetry(PRODUCTION_RETRY, 'not-repeatable', 'network')).toBe(false);
  expect(mayRetry(PRODUCTION_RETRY, 'idempotent', { status: 503 })).toBe(true);
  // Elsewhere a 429 (refused unprocessed) may be repeated; a reset never.
  expect(mayRetry(DEFAULT_RETRY, 'not-repeatable', { status: 429 })).toBe(true);
  expect(mayRetry(DEFAULT_RETRY, 'not-repeatable', { status: 503 })).toBe(false);
  expect(mayRetry(DEFAULT_RETRY, 'not-repeatable', 'network')).toBe(false);
});

test.describe('POST /transactions against a server that answers 429', () => {
  let server: Server;
  let posts = 0;
  let baseUrl: string;

  test.beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      if (req.method === 'POST') posts += 1;
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const [name, env, expected] of [
    ['production', SAFE_PRODUCTION, 1],
    [
      'sandbox',
      { MIGO_ENV: 'sandbox', MIGO_MERCHANT_TOKEN: 'c0ffee'.padEnd(64, 'a'), MIGO_CLIENT_SLUG: 's' },
      5,
    ],
  ] as const)
    test(`${name}: the run's clients send ${expected} POST(s)`, async ({ request }) => {
      posts = 0;
      const cwd = mkdtempSync(join(tmpdir(), 'migo-retry-'));
      const { config } = resolveConfig({ env, cwd });
      rmSync(cwd, { recursive: true, force: true });
      const urls = { middleware: baseUrl, walletGateway: baseUrl, cms: baseUrl, webview: baseUrl };
      const target = { name: config.target, urls, credentials: {}, close: async () => {} } as MigoTarget;
      // The context the run's clients get (fixtures/clients exchangeContext), with short backoff delays.
      const built = exchangeContext(request, config, target);
      const ctx = { ...built, retry: { ...built.retry, baseDelayMs: 1, maxDelayMs: 5 } };
      const result = await exchange(ctx, 'createPaymentLink', {
        json: { amount: 1 },
        checks: { statusDocumented: false, schema: false, errorStatusMatchesCatalog: false },
      }).catch((error: unknown) => error);
      expect(posts, String(result)).toBe(expected);
    });
});
