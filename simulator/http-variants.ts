/**
 * HTTP-equivalent answers, on purpose. With `httpVariants` on, every answer of a surface (never the control API)
 * takes one of the forms HTTP treats as the same response, cycling so a run meets them all:
 *   - a body compressed with an encoding the request accepts (gzip, br, deflate) or sent as is;
 *   - chunked transfer instead of a Content-Length;
 *   - `charset=utf-8`, `charset=UTF-8` or no charset on a text type;
 *   - header names in lower, Title-Case or UPPER case on the wire;
 *   - 0–100 ms of added latency.
 * A client that reads the contract (not the bytes) must not tell them apart: the suite proves it stays green.
 */
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ENCODINGS = ['identity', 'gzip', 'br', 'deflate'] as const;
const COMPRESS: Record<Exclude<(typeof ENCODINGS)[number], 'identity'>, (body: Buffer) => Buffer> = {
  gzip: gzipSync,
  br: brotliCompressSync,
  deflate: deflateSync,
};
const HEADER_CASES = [(name: string) => name, titleCase, (name: string) => name.toUpperCase()];
/** The largest latency a variant adds: the tolerance the suite promises (100 ms per response). */
export const MAX_ADDED_LATENCY_MS = 100;

function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** The n-th variant: each dimension cycles on its own period, so every combination comes round. */
export function variantOf(n: number) {
  return {
    encoding: ENCODINGS[n % ENCODINGS.length]!,
    chunked: n % 2 === 1,
    charset: (['utf-8', 'UTF-8', 'none'] as const)[n % 3]!,
    headerCase: n % HEADER_CASES.length,
    latencyMs: (n * 37) % (MAX_ADDED_LATENCY_MS + 1),
  };
}

function accepts(request: FastifyRequest, encoding: string): boolean {
  const header = request.headers['accept-encoding'];
  return (
    typeof header === 'string' && header.split(',').some((part) => part.trim().split(';')[0] === encoding)
  );
}

function respell(contentType: string, charset: 'utf-8' | 'UTF-8' | 'none'): string {
  const bare = contentType.replace(/;\s*charset=[^;]*/i, '');
  return charset === 'none' ? bare : `${bare}; charset=${charset}`;
}

/** Writes the reply's header names in the variant's case (Node keeps the case given to writeHead). */
function recaseHeaders(reply: FastifyReply, recase: (name: string) => string): void {
  const raw = reply.raw;
  const writeHead = raw.writeHead.bind(raw) as (status: number, ...rest: unknown[]) => typeof raw;
  raw.writeHead = ((status: number, ...rest: unknown[]) => {
    for (const name of raw.getHeaderNames()) {
      const value = raw.getHeader(name);
      raw.removeHeader(name);
      if (value !== undefined) raw.setHeader(recase(name), value);
    }
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as
      Record<string, unknown> | undefined;
    const recased = headers && Object.fromEntries(Object.entries(headers).map(([k, v]) => [recase(k), v]));
    return writeHead(status, ...rest.map((arg) => (arg === headers ? recased : arg)));
  }) as typeof raw.writeHead;
}

/** Turns the variants on for one surface. */
export function serveHttpVariants(app: FastifyInstance): void {
  let counter = 0;
  const isControl = (request: FastifyRequest) => request.routeOptions.config?.control === true;

  app.addHook('onRequest', (request, _reply, done) => {
    if (isControl(request)) return done();
    const variant = variantOf(counter);
    (request as FastifyRequest & { variant?: ReturnType<typeof variantOf> }).variant = variant;
    counter += 1;
    if (variant.latencyMs === 0) return done();
    setTimeout(done, variant.latencyMs).unref();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const variant = (request as FastifyRequest & { variant?: ReturnType<typeof variantOf> }).variant;
    if (!variant || reply.statusCode === 204 || reply.statusCode === 304 || request.method === 'HEAD')
      return payload;
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && /^(text\/|application\/(.+\+)?json)/i.test(type))
      reply.header('content-type', respell(type, variant.charset));
    recaseHeaders(reply, HEADER_CASES[variant.headerCase]!);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    let body: Buffer = Buffer.from(payload);
    if (variant.encoding !== 'identity' && accepts(request, variant.encoding) && body.length > 0) {
      body = COMPRESS[variant.encoding](body);
      reply.header('content-encoding', variant.encoding);
      reply.header('vary', 'accept-encoding');
    }
    if (!variant.chunked) {
      reply.header('content-length', body.length);
      return body;
    }
    reply.removeHeader('content-length');
    return Readable.from([body]);
  });
}
