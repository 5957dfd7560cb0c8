/**
 * Issue 9, finding 3: a production checkout was retried (`retries: local ? 0 : 1`): a declined production charge
 * was submitted twice (2× POST /transactions, 2× pay). Proven without production: the Playwright config as
 * resolved for a production command line, and the client's retry decision against a server that answers 429.
 *
 * Proved failing on 7b3ea5d: the production config resolved to retries 1 and accepted --retries and
 * --repeat-each; the client sent POST /transactions again after a 429 whatever the target (mayRetry and
 * PRODUCTION_RETRY did not exist).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import {
  DEFAULT_RETRY,
  PRODUCTION_RETRY,
  exchange,
  mayRetry,
  type ExchangeContext,
} from '../../fixtures/clients/exchange';
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

  for (const [name, policy, expected] of [
    ['production', PRODUCTION_RETRY, 1],
    ['sandbox', DEFAULT_RETRY, DEFAULT_RETRY.maxAttempts],
  ] as const)
    test(`${name}: ${expected} POST(s)`, async ({ request }) => {
      posts = 0;
      const ctx: ExchangeContext = {
        request,
        baseUrls: { middleware: baseUrl, walletGateway: baseUrl, cms: baseUrl },
        timeoutMs: 5_000,
        retry: { ...policy, baseDelayMs: 1, maxDelayMs: 5 },
      };
      const result = await exchange(ctx, 'createPaymentLink', {
        json: { amount: 1 },
        checks: { statusDocumented: false, schema: false, errorStatusMatchesCatalog: false },
      }).catch((error: unknown) => error);
      expect(posts, String(result)).toBe(expected);
    });
});
