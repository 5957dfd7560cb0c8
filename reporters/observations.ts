/**
 * What the API clients record per HTTP exchange, for the drift and latency sections of the regression report:
 * the endpoint (method + templated path), status, latency and the body's field shape (JSON pointer → JSON type).
 * Only types are recorded, never values, so an observation cannot carry a secret.
 *
 * Workers append to `<MIGO_RUN_DIR>/observations/<pid>.jsonl` (one file per process, so lines never interleave);
 * the run recorder merges them at the end of the run. Dependency-free on purpose: fixtures import it.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redaction';

export const SURFACES = ['middleware', 'walletGateway', 'cms', 'webview', 'callback'] as const;
export type Surface = (typeof SURFACES)[number];

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/**
 * JSON pointer → JSON type. Array items are collapsed to `/*`; where items (or repeated observations) differ,
 * the types are joined with `|` in a fixed order (`null|string`); an integer seen beside a non-integer number is
 * `number`. The body itself is the pointer `""`.
 */
export type Shape = Record<string, string>;

export interface Observation {
  /** Method + templated path: `POST /transactions`, `POST /cards/{cardId}/funds`. */
  endpoint: string;
  surface: Surface;
  status: number;
  latencyMs: number;
  shape: Shape;
  /** The stable test id (`testIdOf`) of the test that made the call, when inside a test. */
  test?: string;
}

/** Sub-folder of the run directory the workers write to. */
export const OBSERVATIONS_DIR = 'observations';

/** Bounds so a huge or deeply nested body cannot make recording expensive. */
const MAX_DEPTH = 32;
const MAX_POINTERS = 2000;

// ---------------------------------------------------------------------------------------------------------------
// Shape

/** The field shape of a parsed body: every JSON pointer with its JSON type. `undefined` (no body) → `{}`. */
export function shapeOf(body: unknown): Shape {
  const types = new Map<string, Set<JsonType>>();
  const stack: { pointer: string; value: unknown; depth: number }[] = [
    { pointer: '', value: body, depth: 0 },
  ];
  while (stack.length > 0) {
    const { pointer, value, depth } = stack.pop()!;
    const type = jsonTypeOf(value);
    if (type === undefined) continue;
    let set = types.get(pointer);
    if (!set) {
      if (types.size >= MAX_POINTERS) continue;
      set = new Set();
      types.set(pointer, set);
    }
    set.add(type);
    if (depth >= MAX_DEPTH) continue;
    if (type === 'array') {
      for (const item of value as unknown[])
        stack.push({ pointer: `${pointer}/*`, value: item, depth: depth + 1 });
    } else if (type === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        stack.push({ pointer: `${pointer}/${pointerToken(key)}`, value: item, depth: depth + 1 });
      }
    }
  }
  const shape: Shape = {};
  for (const pointer of [...types.keys()].sort()) shape[pointer] = joinTypes(types.get(pointer)!);
  return shape;
}

function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'bigint':
      return 'integer';
    case 'object':
      return value instanceof Uint8Array ? 'string' : 'object';
    default:
      return undefined; // undefined, functions, symbols: absent from JSON
  }
}

/** A union of types in a stable order; integer is folded into number when both occur. */
export function joinTypes(types: Iterable<string>): string {
  const set = new Set<string>();
  for (const t of types) for (const part of t.split('|')) if (part) set.add(part);
  if (set.has('number')) set.delete('integer');
  return JSON_TYPES.filter((t) => set.has(t)).join('|');
}

/**
 * RFC 6901 escaping, and keys that are data rather than field names (ids, numbers, e-mails, long tokens) are
 * replaced by `{key}`: a map keyed by uid would otherwise look like a new field on every run.
 */
function pointerToken(key: string): string {
  if (looksLikeId(key)) return '{key}';
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function looksLikeId(text: string): boolean {
  if (/^v\d+(?:\.\d+)*$/i.test(text)) return false; // API versions are names
  return (
    /^\d+$/.test(text) ||
    /[@+]/.test(text) ||
    (/^[a-z]{2,6}_[A-Za-z0-9]{6,}$/.test(text) && /\d/.test(text)) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(text) ||
    (text.length >= 16 && /\d/.test(text))
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Endpoint

/** Parameter names by the collection segment before them, as the docs name them. */
const PARAM_AFTER: Record<string, string> = {
  transactions: 'uid',
  alternative: 'uid',
  cards: 'cardId',
  users: 'userId',
  partners: 'partnerId',
  cardholders: 'cardholderId',
  clients: 'slug',
  plans: 'planId',
  subscriptions: 'subscriptionId',
  businesses: 'businessId',
  branches: 'branchId',
};

/**
 * `METHOD /path` with ids replaced by named parameters: `templatePath('post', '/transactions/trx_8f3c/dismiss')`
 * → `POST /transactions/{uid}/dismiss`. Accepts a full URL (the query and fragment are dropped), strips
 * `basePath` (e.g. `/rest` of the Wallet Gateway) and keeps segments already templated (`{uid}`). A segment is an
 * id when it has a digit (except API versions like `v1`), an `@` or `+` (e-mail, phone), or a `trx_…` prefix.
 */
export function templatePath(method: string, path: string, options: { basePath?: string } = {}): string {
  return `${method.toUpperCase()} ${templatedPathOnly(path, options.basePath)}`;
}

function templatedPathOnly(path: string, basePath?: string): string {
  let pathname = path;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathname)) {
    try {
      pathname = new URL(pathname).pathname;
    } catch {
      // not a URL after all: treat it as a path
    }
  }
  pathname = pathname.replace(/[?#].*$/, '');
  const base = basePath?.replace(/\/+$/, '');
  if (base && (pathname === base || pathname.startsWith(`${base}/`))) pathname = pathname.slice(base.length);
  const segments = pathname.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (const raw of segments) {
    const segment = safeDecode(raw);
    if (/^\{[^}]*\}$/.test(segment) || !isIdSegment(segment)) {
      out.push(segment);
      continue;
    }
    const previous = out.at(-1);
    out.push(`{${paramName(previous)}}`);
  }
  return `/${out.join('/')}`;
}

function isIdSegment(segment: string): boolean {
  if (/^v\d+(?:\.\d+)*$/i.test(segment)) return false;
  return /\d/.test(segment) || /[@+]/.test(segment) || /^[a-z]{2,6}_[A-Za-z0-9]+$/.test(segment);
}

function paramName(previous: string | undefined): string {
  if (!previous || previous.startsWith('{')) return 'id';
  const known = PARAM_AFTER[previous];
  if (known) return known;
  const word = previous.replace(/[^A-Za-z0-9]/g, '');
  if (!word) return 'id';
  return `${word.endsWith('s') ? word.slice(0, -1) : word}Id`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Test ids

/**
 * The stable id of a test, the same in the worker (`testIdOf(testInfo.project.name, testInfo.titlePath)`) and in
 * the run recorder: `[project] file › describe › title`, the file relative to the project's testDir.
 */
export function testIdOf(
  project: string | undefined,
  titlePath: readonly string[],
  repeatEachIndex = 0,
): string {
  const path = titlePath.filter((t) => t !== '').join(' › ');
  const repeat = repeatEachIndex > 0 ? ` (repeat ${repeatEachIndex})` : '';
  return `${project ? `[${project}] ` : ''}${path}${repeat}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Recording

const madeDirs = new Set<string>();
let warned = false;

/**
 * Appends one observation to `<runDir>/observations/<pid>.jsonl`; `runDir` defaults to `MIGO_RUN_DIR`, and
 * without either this is a no-op. Never throws: a full disk must not fail a payment test (one warning is
 * printed on stderr instead).
 */
export function recordObservation(observation: Observation, options: { runDir?: string } = {}): void {
  const runDir = options.runDir ?? process.env.MIGO_RUN_DIR;
  if (!runDir) return;
  const dir = join(runDir, OBSERVATIONS_DIR);
  const file = join(dir, `${process.pid}.jsonl`);
  try {
    const clean = sanitizeObservation(observation);
    if (!clean)
      throw new Error(`not an observation: ${redact(JSON.stringify(observation) ?? String(observation))}`);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    appendFileSync(file, `${JSON.stringify(clean)}\n`);
  } catch (error) {
    if (warned) return;
    warned = true;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `migo observations: could not record to ${file}: ${redact(message)} (further errors are not shown)\n`,
    );
  }
}

const TYPE_UNION = new RegExp(`^(?:${JSON_TYPES.join('|')})(?:\\|(?:${JSON_TYPES.join('|')}))*$`);

/**
 * Validates and normalises one observation (also each line read back from a run directory). Values that are not
 * JSON type names are dropped from the shape, so nothing but types is ever written; returns undefined when the
 * record is not an observation at all.
 */
export function sanitizeObservation(value: unknown): Observation | undefined {
  if (observationProblem(value) !== undefined) return undefined;
  const o = value as Record<string, unknown> & Pick<Observation, 'endpoint' | 'status' | 'latencyMs'>;
  const shape: Shape = {};
  if (o.shape && typeof o.shape === 'object') {
    for (const [pointer, type] of Object.entries(o.shape as Record<string, unknown>)) {
      if (typeof type === 'string' && TYPE_UNION.test(type) && (pointer === '' || pointer.startsWith('/'))) {
        shape[redact(pointer)] = type;
      }
    }
  }
  const clean: Observation = {
    endpoint: redact(o.endpoint).slice(0, 300),
    surface: o.surface as Surface,
    status: o.status,
    latencyMs: Math.round(o.latencyMs * 10) / 10,
    shape,
  };
  if (typeof o.test === 'string' && o.test !== '') clean.test = redact(o.test).slice(0, 500);
  return clean;
}

/** What makes `value` not an observation, in words; undefined when it is one. */
export function observationProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'an observation must be an object';
  const o = value as Record<string, unknown>;
  if (typeof o.endpoint !== 'string' || !/^[A-Z]+ \//.test(o.endpoint)) {
    return 'endpoint must be "METHOD /path" (use templatePath(method, path))';
  }
  if (typeof o.surface !== 'string' || !(SURFACES as readonly string[]).includes(o.surface)) {
    return `surface must be one of ${SURFACES.join(', ')}`;
  }
  if (typeof o.status !== 'number' || !Number.isInteger(o.status) || o.status < 0 || o.status > 999) {
    return 'status must be an integer HTTP status';
  }
  if (typeof o.latencyMs !== 'number' || !Number.isFinite(o.latencyMs) || o.latencyMs < 0) {
    return 'latencyMs must be a non-negative number';
  }
  return undefined;
}

/** Parses one JSONL line; undefined for a blank, malformed or foreign line. */
export function parseObservationLine(line: string): Observation | undefined {
  if (line.trim() === '') return undefined;
  try {
    return sanitizeObservation(JSON.parse(line));
  } catch {
    return undefined;
  }
}
