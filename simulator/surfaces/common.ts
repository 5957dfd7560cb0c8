/**
 * What every surface shares: the fastify instance settings (ajv rejects, never coerces or strips), the JSON body
 * parser, HSTS, fault injection, the bad-input answers in the surface's own envelope, and the control API.
 */
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { SecureContextOptions } from 'node:tls';
import type { SimulatorContext } from '../context';
import { registerControl } from '../control';
import type { ErrorReply } from '../errors';
import { FAULT_TEXT, type SurfaceName } from '../faults';
import { serveHttpVariants } from '../http-variants';
import { HSTS_VALUE } from '../tls';
import { lazyValidatorCompiler } from '../validation';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A `/__sim` control route: no faults, no auth, control-style errors. */
    control?: boolean;
  }
}

/** Largest accepted request body. The real limit is not documented; ours keeps a 1 MB upload a clean 400. */
export const BODY_LIMIT = 512 * 1024;

export interface SurfaceSpec {
  name: SurfaceName;
  /** The path the surface's base URL ends in ('' at the root, '/rest', '/cms/rest'). */
  prefix: string;
  /** A 400 in the surface's envelope naming what is wrong with the request. */
  badInput(detail: string, request: FastifyRequest): ErrorReply;
  /** An unexpected failure (a simulator bug). */
  internal(): ErrorReply;
  notFound(request: FastifyRequest): ErrorReply;
  /** Writes an ErrorReply (the HTML surface renders a page instead of JSON). */
  send?(reply: FastifyReply, error: ErrorReply): FastifyReply;
}

export interface SurfaceOptions {
  logger: boolean;
  tls?: SecureContextOptions;
  /** Serve HTTP-equivalent variants of every answer (http-variants.ts). */
  httpVariants?: boolean;
}

export function sendError(reply: FastifyReply, error: ErrorReply): FastifyReply {
  return reply.code(error.status).send(error.body);
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** What is wrong with the request, in one sentence; undefined when the error is not the client's fault. */
export function badInputDetail(error: FastifyError, request: FastifyRequest): string | undefined {
  if (error.validation && error.validation.length > 0) {
    const first = error.validation[0];
    const params = (first?.params ?? {}) as Record<string, unknown>;
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
    if (typeof params.missingProperty === 'string') {
      const field = where ? `${where}.${params.missingProperty}` : params.missingProperty;
      return `Missing or invalid field: ${field} is required`;
    }
    const field = where || error.validationContext || 'body';
    return `Missing or invalid field: ${field} ${first?.message ?? 'is invalid'}`;
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The request body is larger than ${BODY_LIMIT} bytes`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported Content-Type "${clip(String(request.headers['content-type'] ?? ''))}": send application/json`;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'Content-Length does not match the body';
    default:
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
        return clip(error.message, 200);
      return undefined;
  }
}

/** What a request log line shows of a request. */
function requestLogLine(request: { method: string; url: string }): { method: string; path: string } {
  const url = request.url;
  const query = url.indexOf('?');
  return { method: request.method, path: query === -1 ? url : url.slice(0, query) };
}

function relative(path: string, prefix: string): string {
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path;
}

export function createSurface(
  ctx: SimulatorContext,
  spec: SurfaceSpec,
  options: SurfaceOptions,
): FastifyInstance {
  const send = (reply: FastifyReply, error: ErrorReply): FastifyReply =>
    spec.send ? spec.send(reply, error) : sendError(reply, error);
  const serverOptions = {
    // stderr: stdout belongs to the CLI's one JSON line. Request logs carry the method and the path only: never
    // bodies, headers or the query (a return URL's query is what the PAN-leaking mutation fills).
    logger: options.logger
      ? { level: 'info', stream: process.stderr, serializers: { req: requestLogLine } }
      : false,
    // Errors raised before routing (a bad percent-encoding, an over-long path parameter) also get the envelope.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      send(
        reply,
        spec.badInput(
          error.code === 'FST_ERR_BAD_URL'
            ? 'The URL is not valid: check its percent-encoding'
            : 'A path segment of the URL is too long',
          request,
        ),
      ),
    bodyLimit: BODY_LIMIT,
    // Close keep-alive sockets on close(), or a test's agent keeps the server half-open.
    forceCloseConnections: true,
    ...(options.tls ? { https: options.tls } : {}),
  };
  // fastify's types pick an https server type from the options; the surfaces use only what both share.
  const app = (Fastify as unknown as (opts: object) => FastifyInstance)(serverOptions);
  // Rejects, never coerces or strips (see validation.ts); replaces fastify's per-instance ajv.
  app.setValidatorCompiler(lazyValidatorCompiler);

  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // An empty JSON body is "no body" (dismiss takes an optional one); routes that need a body reject it.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.length === 0) {
      done(null, undefined);
      return;
    }
    defaultJson(request, text, done);
  });

  if (options.httpVariants) serveHttpVariants(app);

  if (options.tls) {
    app.addHook('onRequest', (_request, reply, done) => {
      if (!ctx.mutations.has('hsts-missing')) reply.header('strict-transport-security', HSTS_VALUE);
      done();
    });
  }

  app.addHook('onRequest', (request, reply, done) => {
    if (ctx.faults.empty || request.routeOptions.config?.control) {
      done();
      return;
    }
    const url = request.url;
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const paths = [relative(path, spec.prefix), path];
    if (request.routeOptions.url) paths.push(relative(request.routeOptions.url, spec.prefix));
    const fault = ctx.faults.take(spec.name, request.method, paths);
    if (!fault) {
      done();
      return;
    }
    switch (fault.kind) {
      case 'latency':
        setTimeout(done, fault.latencyMs).unref();
        return;
      case 'reset':
        reply.hijack();
        request.raw.socket.destroy();
        return;
      case 'malformed':
        reply.code(200).header('content-type', 'application/json; charset=utf-8').send('{"uid":"trx_');
        return;
      default:
        if (fault.kind === '429') reply.header('retry-after', String(fault.retryAfterSec));
        reply.code(Number(fault.kind)).send({ message: FAULT_TEXT[fault.kind] });
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const detail = badInputDetail(error, request);
    if (request.routeOptions.config?.control) {
      return reply.code(detail ? 400 : 500).send({ error: detail ?? 'internal simulator error' });
    }
    if (detail) return send(reply, spec.badInput(detail, request));
    request.log.error(error);
    return send(reply, spec.internal());
  });

  app.setNotFoundHandler((request, reply) => send(reply, spec.notFound(request)));

  const controlPrefixes = spec.prefix ? ['/__sim', `${spec.prefix}/__sim`] : ['/__sim'];
  for (const prefix of controlPrefixes) app.register(registerControl(ctx), { prefix });
  return app;
}
