/**
 * Per-client configuration ("config.callback", return URL, enabled payment methods), changed through
 * `PUT /__sim/clients/{slug}` the way Migo's Client Config Management would. Validation here turns a bad control
 * request into a 400 that names the field.
 */
import { isProcessorName, PROCESSOR_NAMES } from './processors';

export type CallbackSigning =
  { mode: 'none' } | { mode: 'static-header'; header: string; value: string } | { mode: 'ed25519' };

export interface CallbackConfig {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  timeoutMs: number;
  /** Delays before each retry; undefined = the simulator's default schedule. */
  retryScheduleMs?: number[];
  /** Extra deliveries of every event (at-least-once). */
  duplicates: number;
  signing: CallbackSigning;
  /** PEM of a CA to trust for an HTTPS receiver with a self-signed certificate (simulator extension). */
  ca?: string;
}

export interface ClientConfig {
  slug: string;
  callback?: CallbackConfig;
  returnUrl?: string;
  paymentMethods: string[];
}

/** Documented default callback: POST, no extra headers, not signed. The timeout default is ours. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 5000;

export function defaultClient(slug: string): ClientConfig {
  return { slug, paymentMethods: [...PROCESSOR_NAMES] };
}

export class ControlInputError extends Error {
  override name = 'ControlInputError';
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CALLBACK_KEYS = [
  'url',
  'method',
  'headers',
  'timeoutMs',
  'retryScheduleMs',
  'duplicates',
  'signing',
  'ca',
];
const CLIENT_KEYS = ['callback', 'returnUrl', 'paymentMethods'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknown(where: string, value: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new ControlInputError(`${where}: unknown field "${key}"; allowed: ${allowed.join(', ')}.`);
  }
}

function httpUrl(where: string, value: unknown): string {
  if (typeof value !== 'string') throw new ControlInputError(`${where} must be an http(s) URL string.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ControlInputError(`${where} must be an absolute http(s) URL, got "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ControlInputError(`${where} must use http or https, got "${url.protocol}".`);
  return value;
}

function integer(where: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ControlInputError(`${where} must be an integer from ${min} to ${max}.`);
  return value;
}

function signing(value: unknown): CallbackSigning {
  const where = 'callback.signing';
  if (!isObject(value)) throw new ControlInputError(`${where} must be an object with "mode".`);
  switch (value.mode) {
    case 'none':
    case 'ed25519':
      rejectUnknown(where, value, ['mode']);
      return { mode: value.mode };
    case 'static-header': {
      rejectUnknown(where, value, ['mode', 'header', 'value']);
      if (typeof value.header !== 'string' || !TOKEN.test(value.header))
        throw new ControlInputError(`${where}.header must be a header name such as "x-api-key".`);
      if (typeof value.value !== 'string' || value.value.length === 0 || /[\r\n]/.test(value.value))
        throw new ControlInputError(`${where}.value must be a non-empty single-line string.`);
      return { mode: 'static-header', header: value.header, value: value.value };
    }
    default:
      throw new ControlInputError(`${where}.mode must be "none", "static-header" or "ed25519".`);
  }
}

function callback(current: CallbackConfig | undefined, value: unknown): CallbackConfig | undefined {
  if (value === null) return undefined;
  if (!isObject(value)) throw new ControlInputError('callback must be an object (or null to remove it).');
  rejectUnknown('callback', value, CALLBACK_KEYS);
  const url = value.url !== undefined ? httpUrl('callback.url', value.url) : current?.url;
  if (!url) throw new ControlInputError('callback.url is required the first time a callback is configured.');
  const next: CallbackConfig = {
    url,
    method: current?.method ?? 'POST',
    headers: current?.headers ?? {},
    timeoutMs: current?.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
    duplicates: current?.duplicates ?? 0,
    signing: current?.signing ?? { mode: 'none' },
  };
  if (current?.retryScheduleMs) next.retryScheduleMs = current.retryScheduleMs;
  if (current?.ca) next.ca = current.ca;
  if (value.method !== undefined) {
    if (value.method !== 'POST' && value.method !== 'PUT' && value.method !== 'PATCH')
      throw new ControlInputError(
        'callback.method must be "POST" (the documented default), "PUT" or "PATCH".',
      );
    next.method = value.method;
  }
  if (value.headers !== undefined) {
    if (!isObject(value.headers))
      throw new ControlInputError('callback.headers must be an object of strings.');
    const headers: Record<string, string> = {};
    for (const [name, headerValue] of Object.entries(value.headers)) {
      if (!TOKEN.test(name))
        throw new ControlInputError(`callback.headers: "${name}" is not a valid header name.`);
      if (typeof headerValue !== 'string' || /[\r\n]/.test(headerValue))
        throw new ControlInputError(`callback.headers.${name} must be a single-line string.`);
      headers[name] = headerValue;
    }
    next.headers = headers;
  }
  if (value.timeoutMs !== undefined)
    next.timeoutMs = integer('callback.timeoutMs', value.timeoutMs, 1, 120_000);
  if (value.retryScheduleMs !== undefined) {
    if (!Array.isArray(value.retryScheduleMs) || value.retryScheduleMs.length > 20)
      throw new ControlInputError('callback.retryScheduleMs must be an array of at most 20 delays in ms.');
    next.retryScheduleMs = value.retryScheduleMs.map((delay, i) =>
      integer(`callback.retryScheduleMs[${i}]`, delay, 0, 3_600_000),
    );
  }
  if (value.duplicates !== undefined)
    next.duplicates = integer('callback.duplicates', value.duplicates, 0, 10);
  if (value.signing !== undefined) next.signing = signing(value.signing);
  if (value.ca !== undefined) {
    if (typeof value.ca !== 'string' || !value.ca.includes('BEGIN CERTIFICATE'))
      throw new ControlInputError('callback.ca must be a PEM certificate.');
    next.ca = value.ca;
  }
  return next;
}

/** Merges a `PUT /__sim/clients/{slug}` body into the current config; throws ControlInputError on bad input. */
export function mergeClientConfig(current: ClientConfig, body: unknown): ClientConfig {
  if (!isObject(body)) throw new ControlInputError('the body must be a JSON object.');
  rejectUnknown('client config', body, CLIENT_KEYS);
  const next: ClientConfig = { ...current, paymentMethods: [...current.paymentMethods] };
  if (body.callback !== undefined) {
    const merged = callback(current.callback, body.callback);
    if (merged) next.callback = merged;
    else delete next.callback;
  }
  if (body.returnUrl !== undefined) {
    if (body.returnUrl === null) delete next.returnUrl;
    else next.returnUrl = httpUrl('returnUrl', body.returnUrl);
  }
  if (body.paymentMethods !== undefined) {
    if (!Array.isArray(body.paymentMethods) || body.paymentMethods.some((m) => typeof m !== 'string'))
      throw new ControlInputError('paymentMethods must be an array of processor names.');
    const unknown = body.paymentMethods.filter((m: string) => !isProcessorName(m));
    if (unknown.length > 0)
      throw new ControlInputError(
        `paymentMethods: unknown processor ${unknown.map((m) => `"${m}"`).join(', ')}; known: ${PROCESSOR_NAMES.join(', ')}.`,
      );
    next.paymentMethods = [...new Set(body.paymentMethods as string[])];
  }
  return next;
}
