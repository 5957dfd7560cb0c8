/**
 * The pass: one scan of a text with the combined pattern, replacing each secret by a marker (`[REDACTED:jwt]`) or,
 * for card numbers, by the masked number; the same for JSON-like values (by key, then every string) and HTTP
 * headers (by name).
 */
import { isInertValue, keyRule, type KeyRule } from './key-rules';
import { redactedMarker, type LeakKind } from './kinds';
import { looksLikePan, maskPan } from './pan';
import { patternFor } from './patterns';
import { registeredForms } from './registry';

/**
 * One secret found by `findLeaks`: where it is in the input, what `redact` writes in its place, and a preview
 * (the redacted text around it), so a scanner can say where a leak is without repeating it.
 */
export interface Leak {
  kind: LeakKind;
  index: number;
  length: number;
  redacted: string;
  preview: string;
}

const PREVIEW_CONTEXT = 24;

export type HeaderValue = string | number | readonly string[] | null | undefined;
export interface HeaderEntry {
  name: string;
  value: string;
}

type Groups = Record<string, string | undefined>;

/** Where a piece of text sits in the input and in the redacted output (so previews come from the output). */
interface Pos {
  input: number;
  output: number;
}
type FoundLeak = Omit<Leak, 'preview'> & { outputIndex: number };

/** One pass over `text`; every replacement is also reported to `leaks` when given. */
function transform(text: string, leaks: FoundLeak[] | undefined, at: Pos): string {
  const re = patternFor(text);
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const resumeAt = re.lastIndex;
    out += text.slice(last, m.index);
    const here = { input: at.input + m.index, output: at.output + out.length };
    const replaced = replacement(m, m.groups as Groups, leaks, here);
    re.lastIndex = resumeAt; // replacement() may recurse into the same expression
    out += replaced.text;
    last = m.index + m[0].length;
    if (replaced.kind && leaks) {
      leaks.push({
        kind: replaced.kind,
        index: here.input,
        length: m[0].length,
        redacted: replaced.text,
        outputIndex: here.output,
      });
    }
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

interface Replaced {
  text: string;
  /** Set when something secret was replaced. */
  kind?: LeakKind;
}

function replacement(m: RegExpExecArray, g: Groups, leaks: FoundLeak[] | undefined, at: Pos): Replaced {
  const whole = m[0];
  if (g.reg !== undefined) {
    const kind = registeredForms().forms.get(whole) ?? registeredKind(whole);
    return { text: redactedMarker(kind), kind };
  }
  if (g.pem !== undefined || g.ed !== undefined) return marked('private-key');
  if (g.jwt !== undefined) return marked('jwt');
  if (g.urlcred !== undefined) {
    const user = whole.slice(0, whole.indexOf(':'));
    return { text: `${user}:${redactedMarker('credentials')}`, kind: 'credentials' };
  }
  if (g.cookieval !== undefined) {
    if (isInertValue(g.cookieval)) return { text: whole };
    return { text: g.cookie + redactedMarker('cookie'), kind: 'cookie' };
  }
  if (g.cardspec !== undefined) {
    return { text: `${maskPan(g.cspan!)}|${g.csexp}|${redactedMarker('cvv')}`, kind: 'pan' };
  }
  if (g.key !== undefined) return keyValue(m, g, leaks, at);
  if (g.cvvdigits !== undefined) return { text: g.cvvlabel + redactedMarker('cvv'), kind: 'cvv' };
  if (g.btoken !== undefined) return { text: g.bearer + redactedMarker('token'), kind: 'bearer' };
  if (g.hex !== undefined) return marked('merchant-token');
  if (g.pan !== undefined)
    return looksLikePan(whole) ? { text: maskPan(whole), kind: 'pan' } : { text: whole };
  return { text: whole };
}

function marked(kind: LeakKind): Replaced {
  return { text: redactedMarker(kind), kind };
}

/** The `i` flag lets a registered value match in another case; find its kind by comparing case-insensitively. */
function registeredKind(found: string): LeakKind {
  const lower = found.toLowerCase();
  for (const [value, kind] of registeredForms().forms) if (value.toLowerCase() === lower) return kind;
  return 'secret';
}

function keyValue(m: RegExpExecArray, g: Groups, leaks: FoundLeak[] | undefined, at: Pos): Replaced {
  const whole = m[0];
  const value = g.val!;
  const head = whole.slice(0, whole.length - value.length);
  const rule = keyRule(g.key!);
  const { open, content, close } = unquote(value);
  if (!rule || isInertValue(content) || looksLikeProseOrCode(g, open, content)) {
    // Not a secret after all: the value may still hold one (a PAN in a note, a JWT in a URL).
    return {
      text:
        head + transform(value, leaks, { input: at.input + head.length, output: at.output + head.length }),
    };
  }
  // A bare value after a quoted key is JSON (`"cvv": 123`): quote the replacement so the JSON stays valid.
  const quote = open || (g.kq ?? '');
  const end = open ? close : quote;
  if (rule.mask === 'pan') {
    if (content.replace(/\D/g, '').length <= 4) return { text: whole };
    return { text: head + quote + maskPan(content) + end, kind: rule.kind };
  }
  const scheme = /^((?:bearer|basic|token|digest)\s+)/i.exec(content)?.[1] ?? '';
  return { text: head + quote + scheme + redactedMarker(rule.kind) + end, kind: rule.kind };
}

/**
 * An unquoted key with an unquoted, digit-free word after it reads as prose or code, not as a secret:
 * "Missing token: please log in", `const cvc = form.elements.cvc`. Form bodies (`cvc=123`) and quoted values
 * are always redacted.
 */
function looksLikeProseOrCode(g: Groups, open: string, content: string): boolean {
  if (g.kq || open || /\d/.test(content)) return false;
  if (g.sep!.includes(':')) return /^[a-z]{1,20}$/.test(content);
  return /\s/.test(g.sep!) && /^[A-Za-z_$][\w$.]*$/.test(content);
}

function unquote(value: string): { open: string; content: string; close: string } {
  if (value.startsWith('\\"')) return { open: '\\"', content: value.slice(2, -2), close: '\\"' };
  if (value.startsWith('"') || value.startsWith("'"))
    return { open: value[0]!, content: value.slice(1, -1), close: value[0]! };
  return { open: '', content: value, close: '' };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Replaces every secret in `text` (see the module comment for what is found). Idempotent. */
export function redact(text: string): string {
  if (typeof text !== 'string' || text === '') return text;
  if (text.length > MEMO_MAX_TEXT) return transform(text, undefined, { input: 0, output: 0 });
  // The redacting reporter sees the same short texts again and again (step titles, expect titles, URLs): one scan
  // each, until a secret is registered (the registry's version), which can change any answer.
  const { version } = registeredForms();
  if (memo.version !== version || memo.answers.size >= MEMO_MAX_ENTRIES) {
    memo.version = version;
    memo.answers.clear();
  }
  let answer = memo.answers.get(text);
  if (answer === undefined) {
    answer = transform(text, undefined, { input: 0, output: 0 });
    memo.answers.set(text, answer);
  }
  return answer;
}

const MEMO_MAX_TEXT = 2_048;
const MEMO_MAX_ENTRIES = 20_000;
const memo: { version: number; answers: Map<string, string> } = { version: -1, answers: new Map() };

/** Every secret in `text`, for scanners (a report, a trace, a response that must not echo card data). */
export function findLeaks(text: string): Leak[] {
  if (typeof text !== 'string' || text === '') return [];
  const found: FoundLeak[] = [];
  const output = transform(text, found, { input: 0, output: 0 });
  return found
    .sort((a, b) => a.index - b.index)
    .map(({ outputIndex, ...leak }) => {
      const from = Math.max(0, outputIndex - PREVIEW_CONTEXT);
      const to = outputIndex + leak.redacted.length + PREVIEW_CONTEXT;
      const preview = `${from > 0 ? '…' : ''}${output.slice(from, to)}${to < output.length ? '…' : ''}`;
      return { ...leak, preview: preview.replace(/\s+/g, ' ') };
    });
}

/**
 * Deep redaction of a JSON-like value: values under secret keys are replaced (card numbers masked to the last 4),
 * every string goes through `redact`, and a Luhn-valid card number stored as a JSON number becomes a masked
 * string. `{ name, value }` header entries are judged by their name. Returns a copy; the input is not changed.
 */
export function redactValue<T>(value: T): T {
  return redactDeep(value, new Set()) as T;
}

/** `ancestors` holds the objects on the current path: a cycle is cut, a shared (non-cyclic) object is not. */
function redactDeep(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && looksLikePan(String(value)) ? maskPan(String(value)) : value;
  if (typeof value === 'bigint') return looksLikePan(String(value)) ? maskPan(String(value)) : value;
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return '[Circular]';
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Uint8Array) return redact(Buffer.from(value).toString('utf8'));
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message), stack: value.stack && redact(value.stack) };
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, ancestors));
    const source = value instanceof Map ? Object.fromEntries(value) : (value as Record<string, unknown>);
    const copy: Record<string, unknown> = {};
    const entryName = typeof source.name === 'string' && 'value' in source ? source.name : undefined;
    for (const [key, item] of Object.entries(source)) {
      const rule =
        keyRule(key) ?? (key === 'value' && entryName !== undefined ? keyRule(entryName) : undefined);
      copy[redact(key)] = rule ? redactUnderKey(item, rule) : redactDeep(item, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

function redactUnderKey(value: unknown, rule: KeyRule): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (rule.mask === 'pan' && (typeof value === 'string' || typeof value === 'number'))
    return maskPan(String(value));
  if (typeof value === 'string') {
    if (isInertValue(value)) return value;
    const scheme = /^((?:bearer|basic|token|digest)\s+)/i.exec(value)?.[1] ?? '';
    return scheme + redactedMarker(rule.kind);
  }
  return redactedMarker(rule.kind);
}

/**
 * Redacts HTTP headers: credential headers (authorization, x-user-token, x-api-key, cookie, set-cookie, any
 * name ending in token/secret/signature …) keep only their scheme (`Bearer [REDACTED:authorization]`); every
 * other value goes through `redact`. Accepts a plain record, `{ name, value }[]` (Playwright's headersArray),
 * or any iterable of `[name, value]` (Headers, Map); returns the same shape for arrays, a record otherwise.
 */
export function redactHeaders(headers: readonly HeaderEntry[]): HeaderEntry[];
export function redactHeaders(
  headers: Record<string, HeaderValue> | Iterable<readonly [string, string]>,
): Record<string, string | string[]>;
export function redactHeaders(
  headers: readonly HeaderEntry[] | Record<string, HeaderValue> | Iterable<readonly [string, string]>,
): HeaderEntry[] | Record<string, string | string[]> {
  if (Array.isArray(headers) && headers.every((h) => h && typeof h === 'object' && 'name' in h)) {
    return (headers as readonly HeaderEntry[]).map((h) => ({
      name: h.name,
      value: headerValue(h.name, h.value),
    }));
  }
  const out: Record<string, string | string[]> = {};
  const entries: Iterable<readonly [string, HeaderValue]> =
    Symbol.iterator in Object(headers)
      ? (headers as Iterable<readonly [string, string]>)
      : Object.entries(headers as Record<string, HeaderValue>);
  for (const [name, value] of entries) {
    if (value === undefined || value === null) continue;
    out[name] = Array.isArray(value)
      ? value.map((v: string) => headerValue(name, v))
      : headerValue(name, String(value as string | number));
  }
  return out;
}

function headerValue(name: string, value: string): string {
  const rule = keyRule(name);
  if (!rule) return redact(value);
  if (rule.mask === 'pan') return maskPan(value);
  return redactUnderKey(value, rule) as string;
}
