/**
 * Two small merchant webhook handlers on real sockets, for the merchant probe's own tests:
 *
 * - `correct`: answers at once, refuses bodies over 64 KiB with 413 and malformed JSON with 400, fulfils an
 *   order once when its transaction is first approved, ignores repeats and older statuses.
 * - `broken`: fulfils every "approved" it is sent (duplicates and replays included), lets an older status take
 *   the order back, crashes (500) on malformed JSON, reads any size, and answers a callback `slowMs` after its
 *   work is done.
 *
 * Both serve `GET /fulfilments/{uid}` → `{"fulfilments": n, "status": s}`, the merchant's test endpoint that
 * MIGO_MERCHANT_FULFILMENT_URL points at.
 */
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsMaterial } from '../../fixtures/callback-receiver/tls';

export type HandlerKind = 'correct' | 'broken';

export interface MerchantHandler {
  /** MIGO_MERCHANT_HANDLER_URL */
  url: string;
  /** MIGO_MERCHANT_FULFILMENT_URL */
  fulfilmentUrl: string;
  orders: Map<string, { fulfilments: number; status: string }>;
  stop(): Promise<void>;
}

const LIMIT = 64 * 1024;
const WEBHOOK_PATH = '/webhooks/migo';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readAll(req: IncomingMessage, limit: number): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? 'too large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startMerchantHandler(
  kind: HandlerKind,
  options: { tls?: TlsMaterial; slowMs?: number } = {},
): Promise<MerchantHandler> {
  const orders = new Map<string, { fulfilments: number; status: string }>();
  const order = (uid: string) => {
    if (!orders.has(uid)) orders.set(uid, { fulfilments: 0, status: 'none' });
    return orders.get(uid)!;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://handler');
    if (req.method === 'GET' && url.pathname.startsWith('/fulfilments/')) {
      const uid = decodeURIComponent(url.pathname.slice('/fulfilments/'.length));
      const found = orders.get(uid) ?? { fulfilments: 0, status: 'none' };
      return json(res, 200, found);
    }
    if (req.method !== 'POST' || url.pathname !== WEBHOOK_PATH) return json(res, 404, { error: 'not found' });
    const body = await readAll(req, kind === 'correct' ? LIMIT : Infinity);
    if (body === 'too large') return json(res, 413, { error: 'body too large' });
    let callback: { uid?: unknown; status?: unknown };
    try {
      callback = JSON.parse(body.toString()) as typeof callback;
    } catch (error) {
      if (kind === 'broken') throw error; // the crash a handler without a parse guard has
      return json(res, 400, { error: 'malformed JSON' });
    }
    if (typeof callback.uid !== 'string' || typeof callback.status !== 'string')
      return json(res, 400, { error: 'uid and status are required' });
    const status = callback.status.toLowerCase();
    const current = order(callback.uid);
    if (kind === 'broken') {
      current.status = status;
      if (status === 'approved') current.fulfilments += 1;
      // Does the work first, then answers late: the fulfilment lands, the acknowledgement misses the budget.
      await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 0));
    } else if (current.status !== 'approved') {
      // Once approved, an order stays approved: a repeat or an older status changes nothing.
      if (status === 'approved') current.fulfilments += 1;
      current.status = status;
    }
    return json(res, 200, { received: true });
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  };
  const server: Server = options.tls ? createHttps({ ...options.tls }, listener) : createHttp(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: `${origin}${WEBHOOK_PATH}`,
    fulfilmentUrl: `${origin}/fulfilments/{uid}`,
    orders,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
