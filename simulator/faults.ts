/**
 * Transient faults, injected in front of the routes the way an edge or a flaky upstream would produce them: for the
 * next N requests of a route, or at a seeded rate (e.g. "20 % transient faults" in a fault-tolerance run).
 * Fault bodies are edge-style `{message}` bodies: the application never produced them, so they carry no Migo code.
 */
import { ControlInputError } from './clients';
import { seededRandom } from './seeded-random';

export const FAULT_KINDS = ['429', '500', '502', '503', '504', 'latency', 'reset', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const SURFACES = ['middleware', 'walletGateway', 'cms', 'webview'] as const;
export type SurfaceName = (typeof SURFACES)[number];

export interface Fault {
  id: number;
  /** `METHOD /path` relative to the surface's base URL (`{param}` or `:param` for path parameters), or `*`. */
  route: string;
  surface?: SurfaceName;
  kind: FaultKind;
  /** Faults still to inject; null = no limit (a rate without a count). */
  remaining: number | null;
  rate?: number;
  seed?: number;
  retryAfterSec: number;
  latencyMs: number;
}

export const FAULT_TEXT: Record<Exclude<FaultKind, 'latency' | 'reset' | 'malformed'>, string> = {
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};

interface ActiveFault extends Omit<Fault, 'remaining'> {
  remaining: number;
  matcher: { method: string; path: RegExp } | '*';
  random?: () => number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FIELDS = ['route', 'surface', 'count', 'rate', 'seed', 'kind', 'retryAfterSec', 'latencyMs'];

function compileRoute(route: string): ActiveFault['matcher'] {
  if (route === '*') return '*';
  const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(route.trim());
  if (!match)
    throw new ControlInputError(
      `route must be "METHOD /path" (e.g. "POST /transactions") or "*", got "${route}".`,
    );
  const [, method = '', path = ''] = match;
  const pattern = path
    .split('/')
    .map((segment) =>
      /^(\{[^}]+\}|:.+)$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return { method: method.toUpperCase(), path: new RegExp(`^${pattern}$`) };
}

export class FaultBook {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  get empty(): boolean {
    return this.faults.length === 0;
  }

  /** Validates a `POST /__sim/faults` body and arms the fault. */
  add(body: unknown): Fault {
    if (!isObject(body)) throw new ControlInputError('the body must be a JSON object.');
    for (const key of Object.keys(body))
      if (!FIELDS.includes(key))
        throw new ControlInputError(`unknown field "${key}"; allowed: ${FIELDS.join(', ')}.`);
    if (typeof body.route !== 'string')
      throw new ControlInputError('route is required: "METHOD /path" or "*".');
    if (typeof body.kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(body.kind))
      throw new ControlInputError(`kind must be one of ${FAULT_KINDS.join(', ')}.`);
    if (body.surface !== undefined && !(SURFACES as readonly unknown[]).includes(body.surface))
      throw new ControlInputError(`surface must be one of ${SURFACES.join(', ')}.`);
    const count = body.count;
    if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1))
      throw new ControlInputError('count must be a positive integer.');
    const rate = body.rate;
    if (rate !== undefined && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)))
      throw new ControlInputError(
        'rate must be a number from 0 to 1 (the share of matching requests to fault).',
      );
    const seed = body.seed;
    if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed)))
      throw new ControlInputError('seed must be an integer.');
    const retryAfterSec = body.retryAfterSec ?? 1;
    if (typeof retryAfterSec !== 'number' || !Number.isInteger(retryAfterSec) || retryAfterSec < 0)
      throw new ControlInputError('retryAfterSec must be a non-negative integer.');
    const latencyMs = body.latencyMs ?? 1000;
    if (typeof latencyMs !== 'number' || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 120_000)
      throw new ControlInputError('latencyMs must be an integer from 0 to 120000.');
    const fault: ActiveFault = {
      id: this.nextId++,
      route: body.route,
      kind: body.kind as FaultKind,
      remaining: count ?? (rate !== undefined ? Infinity : 1),
      retryAfterSec,
      latencyMs,
      matcher: compileRoute(body.route),
    };
    if (body.surface !== undefined) fault.surface = body.surface as SurfaceName;
    if (rate !== undefined) {
      fault.rate = rate;
      fault.seed = seed ?? 1;
      fault.random = seededRandom(fault.seed);
    }
    this.faults.push(fault);
    return this.describe(fault);
  }

  list(): Fault[] {
    return this.faults.map((f) => this.describe(f));
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The fault to inject into this request, if any (and counts it). `paths` are the request's route pattern and
   * concrete path, each relative to the surface base URL.
   */
  take(surface: SurfaceName, method: string, paths: readonly string[]): Fault | undefined {
    for (let i = 0; i < this.faults.length; i += 1) {
      const fault = this.faults[i];
      if (!fault || (fault.surface && fault.surface !== surface)) continue;
      const m = fault.matcher;
      if (m !== '*' && (m.method !== method || !paths.some((p) => m.path.test(p)))) continue;
      if (fault.random && fault.random() >= (fault.rate ?? 0)) continue;
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.splice(i, 1);
      return fault;
    }
    return undefined;
  }

  private describe(fault: ActiveFault): Fault {
    const { matcher: _matcher, random: _random, ...plain } = fault;
    return { ...plain, remaining: Number.isFinite(plain.remaining) ? plain.remaining : null };
  }
}
