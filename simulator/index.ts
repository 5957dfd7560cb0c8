/**
 * The embedded Migo sandbox: four surfaces (Middleware, Wallet Gateway under /rest, CMS under /cms/rest, hosted
 * checkout), each a fastify instance on its own port, sharing one in-memory state. Started in-process by the test
 * fixtures, or alone with `npx migo-contract simulator`. See simulator/README.md for what is modelled.
 */
import type { Server as TlsServer } from 'node:tls';
import { buildSurfaces, type Surfaces } from './app';
import { CHECKOUT_LAYOUTS, SimulatorContext, type CheckoutLayout, type SurfaceUrls } from './context';
import type { SimulatorCredentials } from './credentials';
import { SURFACES, type SurfaceName } from './faults';
import { describeUnknownMutations, MutationSet, unknownMutations } from './mutations';
import { readingsProblem, servedReadings } from './readings';
import { DEFAULT_LIMITS } from './store';
import { CMS_PREFIX } from './surfaces/cms';
import { buildFields } from './surfaces/fields';
import { WALLET_PREFIX } from './surfaces/wallet-gateway';
import { createTlsMaterial, DEFAULT_CERT_VALIDITY_DAYS, reissue, secureContextOptions } from './tls';

export type { SimulatorCredentials } from './credentials';
export { CHECKOUT_LAYOUTS, type CheckoutLayout } from './context';
export { MUTATIONS, type Mutation, type MutationName } from './mutations';
export { TEST_CARDS, TEST_CARD_CVC, TEST_CARD_EXPIRY, type TestCard, type TestCardKey } from './test-cards';

export interface SimulatorOptions {
  host?: string; // default 127.0.0.1
  port?: number; // first port; 0 (default) = a free port for each surface
  https?: boolean | { certValidityDays?: number }; // TLS 1.2 minimum + HSTS
  mutations?: string[]; // named contract mutations switched on from the start
  /** Options of docs-silent readings to serve instead of the defaults, e.g. { 'callback-status-case': 'uppercase' }. */
  readings?: Readonly<Record<string, string>>;
  callbackRetryScheduleMs?: number[]; // default [1000, 5000, 30000]; tests pass e.g. [20, 40, 80]
  logger?: boolean;
  /**
   * Answer every request in one of the forms HTTP treats as equal (compression, chunking, charset spelling,
   * header-name case, up to 100 ms latency), cycling through them: proves clients read the contract, not bytes.
   */
  httpVariants?: boolean;
  /** How many transactions are kept (newest first); older ones become "not found". Default 10,000. */
  maxTransactions?: number;
  /** `page` (default): one card form; `frames`: hosted fields in cross-origin iframes, 3-D Secure in an iframe. */
  checkout?: CheckoutLayout;
  /** How long a client may take to send a request's headers, and the whole request. DEFAULT_SERVER_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
}

/**
 * A connection whose headers (10 s) or whole request (30 s) arrive slower is answered 408 and closed, so slow
 * clients cannot hold the simulator's sockets open. Generous for any real client; fastify disables Node's own
 * request timeout by default.
 */
export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000 };

export interface RunningSimulator {
  urls: SurfaceUrls; // WG ends in /rest, CMS in /cms/rest
  credentials: SimulatorCredentials;
  ca?: string; // PEM of the self-signed CA certificate that issued the served certificate (HTTPS mode)
  /** The checkout layout, and in the frames layout the hosted fields' origin (another site where possible). */
  checkout: { layout: CheckoutLayout; fieldsOrigin?: string };
  /** Replaces the contract mutations switched on, in process (as PUT /__sim/mutations does over HTTP). */
  setMutations(names: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Bad options: the message names the option and how to fix it. */
export class SimulatorOptionsError extends Error {
  override name = 'SimulatorOptionsError';
}

/**
 * Surface order for a fixed first port: middleware = port, walletGateway = port+1, cms = port+2, webview = port+3,
 * and the hosted fields (frames layout) = port+4.
 */
const PORT_ORDER: readonly SurfaceName[] = SURFACES;
const BASE_PATH: Record<SurfaceName, string> = {
  middleware: '',
  walletGateway: WALLET_PREFIX,
  cms: CMS_PREFIX,
  webview: '',
};

function checkOptions(options: SimulatorOptions): void {
  const { port, host, callbackRetryScheduleMs, maxTransactions, checkout } = options;
  const last = checkout === 'frames' ? PORT_ORDER.length : PORT_ORDER.length - 1;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535 - last))
    throw new SimulatorOptionsError(
      `port must be 0 (free ports) or an integer from 1 to ${65535 - last}; the surfaces use port … port+${last}. Got ${String(port)}.`,
    );
  if (checkout !== undefined && !(CHECKOUT_LAYOUTS as readonly unknown[]).includes(checkout))
    throw new SimulatorOptionsError(
      `checkout must be ${CHECKOUT_LAYOUTS.map((l) => `"${l}"`).join(' or ')} (the single-page form, or hosted fields in iframes); got ${JSON.stringify(checkout)}.`,
    );
  if (host !== undefined && (typeof host !== 'string' || host.trim() === ''))
    throw new SimulatorOptionsError('host must be a hostname or IP address, e.g. 127.0.0.1.');
  if (
    callbackRetryScheduleMs !== undefined &&
    (!Array.isArray(callbackRetryScheduleMs) ||
      callbackRetryScheduleMs.some((ms) => !Number.isInteger(ms) || ms < 0 || ms > 3_600_000))
  )
    throw new SimulatorOptionsError(
      'callbackRetryScheduleMs must be an array of delays in ms (integers 0–3600000).',
    );
  if (maxTransactions !== undefined && (!Number.isInteger(maxTransactions) || maxTransactions < 1))
    throw new SimulatorOptionsError('maxTransactions must be a positive integer.');
  const { headersMs, requestMs } = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
  if (![headersMs, requestMs].every((ms) => Number.isInteger(ms) && ms >= 10) || headersMs > requestMs)
    throw new SimulatorOptionsError(
      'timeouts.headersMs and timeouts.requestMs must be integers of at least 10 ms, headersMs no larger than requestMs.',
    );
  const days = typeof options.https === 'object' ? options.https.certValidityDays : undefined;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 825))
    throw new SimulatorOptionsError('https.certValidityDays must be an integer from 1 to 825.');
  const unknown = unknownMutations(options.mutations ?? []);
  if (unknown.length > 0) throw new SimulatorOptionsError(describeUnknownMutations(unknown));
  const badReading = readingsProblem(options.readings ?? {});
  if (badReading) throw new SimulatorOptionsError(`readings: ${badReading}.`);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** The hosted fields' host: another site than the checkout's where possible, as a card vault's domain is. */
function fieldsHost(checkoutHost: string): string {
  if (checkoutHost === '127.0.0.1' || checkoutHost === '[::1]') return 'localhost';
  if (checkoutHost === 'localhost') return '127.0.0.1';
  return checkoutHost; // another port is still another origin
}

type Listener = 'fields' | SurfaceName;

async function listenOne(app: Surfaces[SurfaceName], name: Listener, host: string, wanted: number) {
  try {
    await app.listen({ host, port: wanted });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new SimulatorOptionsError(
        `port ${wanted} (${name}) is in use: choose another --port, or 0 for free ports.`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new SimulatorOptionsError(
        `cannot listen on host "${host}": use an address of this machine, e.g. 127.0.0.1.`,
      );
    throw error;
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : wanted;
}

/** Node enforces both timeouts on a timer read when the server starts listening: set before `listen`. */
function limitSlowClients(listeners: Iterable<Surfaces[SurfaceName]>, timeouts: ServerTimeouts): void {
  for (const app of listeners) {
    const server = app.server as Surfaces[SurfaceName]['server'] & {
      connectionsCheckingInterval: number;
    };
    server.headersTimeout = timeouts.headersMs;
    server.requestTimeout = timeouts.requestMs;
    // Node's default check every 30 s would let a stalled client stay that much longer than the timeout.
    server.connectionsCheckingInterval = Math.min(1_000, Math.ceil(timeouts.headersMs / 4));
  }
}

async function listenAll(
  listeners: Partial<Record<Listener, Surfaces[SurfaceName]>>,
  host: string,
  port: number,
): Promise<Partial<Record<Listener, number>>> {
  const ports: Partial<Record<Listener, number>> = {};
  // allSettled, not all: every listen must have finished before the caller closes the surfaces after a failure,
  // or a surface still binding when close() runs keeps listening and the process never exits.
  const outcomes = await Promise.allSettled(
    [...PORT_ORDER, 'fields' as const].map(async (name, i) => {
      const app = listeners[name];
      if (app) ports[name] = await listenOne(app, name, host, port === 0 ? 0 : port + i);
    }),
  );
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return ports;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  checkOptions(options);
  const host = options.host ?? '127.0.0.1';
  const mutations = new MutationSet(options.mutations ?? []);
  const https = options.https !== undefined && options.https !== false;
  const ctx = new SimulatorContext(mutations, servedReadings(options.readings), {
    https,
    checkout: options.checkout ?? 'page',
    ...(options.callbackRetryScheduleMs ? { retryScheduleMs: options.callbackRetryScheduleMs } : {}),
    limits: {
      ...DEFAULT_LIMITS,
      ...(options.maxTransactions ? { transactions: options.maxTransactions } : {}),
    },
  });
  const validityDays =
    (typeof options.https === 'object' ? options.https.certValidityDays : undefined) ??
    DEFAULT_CERT_VALIDITY_DAYS;
  const tls = https ? await createTlsMaterial(validityDays, mutations) : undefined;
  const surfaceOptions = {
    logger: options.logger ?? false,
    httpVariants: options.httpVariants ?? false,
    ...(tls ? { tls: secureContextOptions(tls, mutations) } : {}),
  };
  const surfaces = buildSurfaces(ctx, surfaceOptions);
  const fields = ctx.checkout.layout === 'frames' ? buildFields(ctx, surfaceOptions) : undefined;
  const listeners = { ...surfaces, ...(fields ? { fields } : {}) };

  if (tls) {
    // TLS mutations switched at run time take effect for new connections.
    mutations.onChange(async () => {
      await reissue(tls, mutations);
      const context = secureContextOptions(tls, mutations);
      for (const app of Object.values(listeners))
        (app.server as unknown as TlsServer).setSecureContext(context);
    });
  }

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      await ctx.callbacks.close();
      await Promise.all(Object.values(listeners).map((app) => app.close()));
    })();
    return closed;
  };

  limitSlowClients(Object.values(listeners), { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts });
  try {
    const ports = await listenAll(listeners, host, options.port ?? 0);
    const scheme = https ? 'https' : 'http';
    const origin = (name: SurfaceName) => `${scheme}://${urlHost(host)}:${ports[name]}${BASE_PATH[name]}`;
    if (fields) ctx.checkout.fieldsOrigin = `${scheme}://${fieldsHost(urlHost(host))}:${ports.fields}`;
    ctx.urls = {
      middleware: origin('middleware'),
      walletGateway: origin('walletGateway'),
      cms: origin('cms'),
      webview: origin('webview'),
    };
  } catch (error) {
    await close();
    throw error;
  }

  return {
    urls: { ...ctx.urls },
    credentials: { ...ctx.credentials },
    ...(tls ? { ca: tls.caCert } : {}),
    checkout: {
      layout: ctx.checkout.layout,
      ...(fields ? { fieldsOrigin: ctx.checkout.fieldsOrigin } : {}),
    },
    async setMutations(names) {
      mutations.replace(names);
      await mutations.changed();
    },
    close,
  };
}
