/**
 * Shared by the simulator tests: one simulator per Playwright worker and checkout layout (a worker runs one test
 * at a time), reset before every test, and a small undici client for real HTTP over sockets. Tests that need their
 * own options (HTTPS, startup mutations, store limits) start a private simulator with `startSimulator`.
 */
import { test as base, expect } from '@playwright/test';
import { createPrivateKey, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request, type Dispatcher } from 'undici';
import { validate, type SchemaName } from '../../schemas/registry';
import { CARD_FIELDS } from '../../simulator/store';
import { startSimulator, type CheckoutLayout, type RunningSimulator } from '../../simulator';

export { expect };

/** Retry schedule compressed for tests: three retries within 140 ms. */
export const TEST_RETRY_SCHEDULE_MS = [20, 40, 80];

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  body: unknown;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** A JSON body (sent with content-type application/json). */
  json?: unknown;
  /** A raw body (with the content type the test sets). */
  raw?: string | Buffer;
  dispatcher?: Dispatcher;
}

export async function call(
  method: Dispatcher.HttpMethod,
  url: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Buffer | undefined = options.raw;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await request(url, {
    method,
    headers,
    body,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const text = await response.body.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, body: parsed };
}

/** Asserts a body matches a contract schema, showing the field errors when it does not. */
export function expectSchema(name: SchemaName, value: unknown): void {
  expect(
    validate(name, value).errors,
    `body should match schema "${name}": ${JSON.stringify(value)}`,
  ).toEqual([]);
}

/** A simulator plus shortcuts for its surfaces and control API. */
export class Sim {
  constructor(readonly running: RunningSimulator) {}

  get urls() {
    return this.running.urls;
  }

  get credentials() {
    return this.running.credentials;
  }

  mw(method: Dispatcher.HttpMethod, path: string, options?: CallOptions) {
    return call(method, this.urls.middleware + path, options);
  }

  wg(method: Dispatcher.HttpMethod, path: string, options?: CallOptions) {
    return call(method, this.urls.walletGateway + path, options);
  }

  cms(method: Dispatcher.HttpMethod, path: string, options?: CallOptions) {
    return call(method, this.urls.cms + path, options);
  }

  web(method: Dispatcher.HttpMethod, path: string, options?: CallOptions) {
    return call(method, this.urls.webview + path, options);
  }

  async control(method: Dispatcher.HttpMethod, path: string, json?: unknown): Promise<unknown> {
    const reply = await call(
      method,
      `${this.urls.middleware}/__sim${path}`,
      json === undefined ? {} : { json },
    );
    expect(reply.status, `control ${method} ${path}: ${reply.text}`).toBe(200);
    return reply.body;
  }

  /** A callback receiver answering `answers` in turn (then 200). Stop it in `finally`. */
  startReceiver(answers: Array<number | 'hang'> = []): Promise<Receiver> {
    return new Receiver(answers).start();
  }

  mutate(...enabled: string[]) {
    return this.control('PUT', '/mutations', { enabled });
  }

  /** Serves these options of readings (schemas/readings.ts), every other reading at its default. */
  serve(readings: Record<string, string> = {}) {
    return this.control('PUT', '/readings', { readings });
  }

  /** Headers of a Payment Link request with the merchant token (raw by default). */
  token(form: 'raw' | 'bearer' = 'raw'): Record<string, string> {
    const token = this.credentials.merchantToken;
    return { authorization: form === 'raw' ? token : `Bearer ${token}` };
  }

  async createLink(extra: Record<string, unknown> = {}) {
    const reply = await this.mw('POST', '/transactions', {
      headers: this.token(),
      json: {
        amount: 125.5,
        userId: '+50212345678',
        channel: 'web',
        client: this.credentials.clientSlug,
        ...extra,
      },
    });
    expect(reply.status, reply.text).toBe(200);
    return reply.body as { uid: string; reference: string; URL: string };
  }

  async createAlternative(amount = 50) {
    const reply = await this.mw('POST', '/api/v1/integrations/transactions', {
      headers: this.token('bearer'),
      json: { amount, channel: 'web', client: this.credentials.clientSlug, userId: '+50224865444' },
    });
    expect(reply.status, reply.text).toBe(200);
    return (reply.body as { data: { uid: string; paymentMethods: string[]; expireAt: number } }).data;
  }

  /** Wallet Gateway login with the simulator's key: signs the UTF-8 merchant slug. */
  async walletLogin() {
    const { walletMerchant, walletPrivateKey } = this.credentials;
    const signature = sign(
      null,
      Buffer.from(walletMerchant, 'utf8'),
      createPrivateKey(walletPrivateKey),
    ).toString('base64');
    const reply = await this.wg('POST', '/auth/login', { json: { merchant: walletMerchant, signature } });
    expect(reply.status, reply.text).toBe(200);
    return (reply.body as { data: { accessToken: string; refreshToken: string; expirationToken: number } })
      .data;
  }

  /**
   * Pays a Payment Link through the hosted checkout's form over HTTP (what a browser does): in the frames layout
   * each field is tokenized at the fields' origin first; POST /pay, then the 3-D Secure challenge when one is shown
   * (framed, in the frames layout). Returns every page, token answer and redirect seen, and the final return URL.
   */
  async pay(
    uid: string,
    pan: string,
    options: { expiry?: string; cvc?: string; holder?: string; challenge?: 'approve' | 'fail' } = {},
  ) {
    const card = { number: pan, expiry: options.expiry ?? '12/30', cvc: options.cvc ?? '123' };
    const holder = options.holder ?? 'Ana Tester';
    const seen: Reply[] = [];
    const { fieldsOrigin } = this.running.checkout;
    const form = new URLSearchParams({ orderId: uid, holder });
    if (fieldsOrigin) {
      // Frames layout: each field frame tokenizes its value at the fields' origin; the page submits the tokens.
      for (const field of CARD_FIELDS) {
        const tokenized = await call('POST', `${fieldsOrigin}/tokens`, {
          json: { orderId: uid, field, value: card[field] },
        });
        seen.push(tokenized);
        form.set(`${field}Token`, String((tokenized.body as { token?: string } | undefined)?.token));
      }
    } else {
      form.set('cardNumber', card.number);
      form.set('expiry', card.expiry);
      form.set('cvc', card.cvc);
    }
    const post = (path: string, params: URLSearchParams) =>
      this.web('POST', path, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        raw: params.toString(),
      });
    let reply = await post('/pay', form);
    seen.push(reply);
    let challenged = false;
    const location = () => String(reply.headers.location ?? '');
    if (reply.status === 303 && location().startsWith('/challenge')) {
      challenged = true;
      const page = await this.web('GET', location());
      seen.push(page);
      // Frames layout: the checkout's page frames the issuer's challenge, served by the fields' origin.
      const framed = /<iframe name="challenge"[^>]* src="([^"]+)"/.exec(page.text)?.[1];
      if (framed) seen.push(await call('GET', framed.replace(/&amp;/g, '&')));
      const session = new URL(location(), this.urls.webview).searchParams.get('session') ?? '';
      reply = await post(
        '/challenge',
        new URLSearchParams({ session, action: options.challenge ?? 'approve' }),
      );
      seen.push(reply);
    }
    return {
      status: reply.status,
      challenged,
      returnUrl: reply.status === 303 ? new URL(location()) : undefined,
      seen,
    };
  }

  async cmsSession() {
    const app = await this.cms('POST', '/app/auth/login', {
      json: { merchant: this.credentials.cmsMerchant },
    });
    expect(app.status, app.text).toBe(200);
    const appToken = (app.body as { data: { accessToken: string } }).data.accessToken;
    const user = await this.cms('POST', '/app/users/login', {
      headers: { authorization: `Bearer ${appToken}` },
      json: { email: this.credentials.cmsEmail, password: this.credentials.cmsPassword },
    });
    expect(user.status, user.text).toBe(200);
    return { appToken, userToken: (user.body as { data: { accessToken: string } }).data.accessToken };
  }
}

/** This worker's simulators, one per checkout layout, each started on first use. */
class WorkerSimulators {
  private readonly started = new Map<CheckoutLayout, Promise<RunningSimulator>>();

  get(layout: CheckoutLayout): Promise<RunningSimulator> {
    let running = this.started.get(layout);
    if (!running) {
      running = startSimulator({ callbackRetryScheduleMs: TEST_RETRY_SCHEDULE_MS, checkout: layout });
      this.started.set(layout, running);
    }
    return running;
  }

  async close(): Promise<void> {
    await Promise.all([...this.started.values()].map(async (running) => (await running).close()));
  }
}

export const test = base.extend<
  { sim: Sim; checkoutLayout: CheckoutLayout },
  { workerSimulators: WorkerSimulators }
>({
  /** `test.use({ checkoutLayout: 'frames' })` gives a describe block the simulator with hosted fields. */
  checkoutLayout: ['page', { option: true }],
  workerSimulators: [
    async ({}, use) => {
      const simulators = new WorkerSimulators();
      await use(simulators);
      await simulators.close();
    },
    { scope: 'worker' },
  ],
  sim: async ({ workerSimulators, checkoutLayout }, use) => {
    const sim = new Sim(await workerSimulators.get(checkoutLayout));
    await sim.control('POST', '/reset');
    await sim.mutate();
    await sim.serve();
    await use(sim);
  },
});

/** One recorded request of the tiny callback receiver. */
export interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: unknown;
}

/**
 * A minimal receiver for callback tests: records every request and answers with the next of `answers` (then 200);
 * `'hang'` never answers. `until(n)` waits for the n-th request without sleeping.
 */
export class Receiver {
  readonly received: Received[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  private server?: Server;
  url = '';

  constructor(private readonly answers: Array<number | 'hang'> = []) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
        this.received.push({ method: req.method ?? '', headers: req.headers, raw, body });
        const answer = this.answers.shift() ?? 200;
        if (answer !== 'hang') {
          res.statusCode = answer;
          res.end();
        }
        this.waiters = this.waiters.filter((w) => {
          if (this.received.length < w.count) return true;
          w.resolve();
          return false;
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/migo`;
    return this;
  }

  /** Resolves once `count` requests have arrived (fails the test after `timeoutMs`). */
  until(count: number, timeoutMs = 5000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`expected ${count} callback requests, got ${this.received.length} in ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
