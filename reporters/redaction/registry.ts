/**
 * The exact secrets a process knows: configured ones (merchant token, keys, passwords, cards) and those learned
 * during the run (credentials fetched from a simulator, access and refresh tokens, CMS tokens). Each is matched in
 * every form it can take in output: as is, URL-encoded, JSON-escaped, base64 (standard and URL-safe, at any byte
 * offset inside a longer base64 text) and, for a PEM key, its body.
 *
 * Listeners hear of every new secret: a test worker forwards them to the runner (./channel.ts), so the runner's
 * reporters redact what only a worker learned.
 */
import { secretKindOfKey } from './key-rules';
import type { LeakKind } from './kinds';

/** Shorter values would mask unrelated text (a 4-digit code, a word); they are refused. */
export const MIN_SECRET_LENGTH = 6;

type Listener = (value: string, kind: LeakKind) => void;

const registered = new Map<string, LeakKind>();
const listeners = new Set<Listener>();
let version = 0;
let envScanned = false;

/**
 * The base64 texts that stand for `bytes` wherever they sit in a longer base64 text. Base64 encodes 3 bytes as 4
 * characters, so a secret at offset 0, 1 or 2 (mod 3) of the encoded data gives three different encodings; the
 * characters that also depend on the neighbouring bytes are left out.
 */
export function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  const whole = bytes.toString('base64');
  forms.push(whole, whole.replace(/=+$/, ''));
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const firstGroup = offset === 0 ? 0 : 1;
    const lastGroup = Math.floor((offset + bytes.length) / 3);
    const core = encoded.slice(firstGroup * 4, lastGroup * 4);
    if (core.length >= 8) forms.push(core);
  }
  return [...new Set(forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]))];
}

/** Every text form of a secret that output may hold. */
export function secretForms(value: string): string[] {
  const trimmed = value.trim();
  const forms = new Set<string>([
    value,
    trimmed,
    encodeURIComponent(trimmed),
    JSON.stringify(trimmed).slice(1, -1),
  ]);
  if (trimmed.length >= 8) for (const form of base64Forms(Buffer.from(trimmed, 'utf8'))) forms.add(form);
  const pemBody = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(trimmed)?.[1];
  if (pemBody) {
    // The body on one line (a one-line CI secret) and each of its lines (a key printed without its armour).
    forms.add(pemBody.replace(/\s+|\\n/g, ''));
    for (const line of pemBody.split(/\s+|\\n/)) if (line.length >= 16) forms.add(line);
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * Registers an exact secret so it is replaced wherever it appears, in every form of `secretForms`. Returns false
 * (and registers nothing) for values shorter than MIN_SECRET_LENGTH.
 */
export function registerSecret(value: string, kind: LeakKind = 'secret'): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return false;
  const isNew = !registered.has(trimmed);
  let changed = false;
  for (const form of secretForms(value)) {
    if (registered.has(form)) continue;
    registered.set(form, kind);
    changed = true;
  }
  if (changed) version += 1;
  if (isNew) for (const listener of listeners) listener(trimmed, kind);
  return true;
}

/** Registers the values of `MIGO_*` variables whose names mark them as secret (token, password, key, card …). */
export function registerSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  let count = 0;
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('MIGO_') || !value) continue;
    const kind = secretKindOfKey(name);
    if (kind && registerSecret(value, kind)) count += 1;
  }
  return count;
}

/** Forgets every registered secret (tests; a long-lived process switching targets). */
export function resetRegisteredSecrets(): void {
  registered.clear();
  version += 1;
}

/** Calls `listener` with each secret registered from now on; returns the function that stops it. */
export function onSecretRegistered(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The registered forms and their kinds; the environment's secrets are read on first use. */
export function registeredForms(): { forms: ReadonlyMap<string, LeakKind>; version: number } {
  if (!envScanned) {
    envScanned = true;
    registerSecretsFromEnv();
  }
  return { forms: registered, version };
}
