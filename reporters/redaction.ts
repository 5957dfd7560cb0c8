/**
 * Redaction: the one pass every writer of artifacts runs (Allure attachments, the go-live report, run summaries,
 * observations, CLI output). Secrets are found three ways, in a single combined regular expression:
 * - exact values registered at run time (merchant token, private keys, passwords, JWTs issued during the run),
 *   also in their URL-encoded, JSON-escaped and base64 forms;
 * - by key name, in JSON, JS-inspect, form-encoded, query-string and header-line text (`password`, `cvv`,
 *   `accessToken`, `authorization`, `privateKey` …);
 * - by pattern: Luhn-valid card numbers, JWTs, PEM private keys, bearer tokens, 64-hex merchant tokens.
 *
 * Dependency-free on purpose (Node built-ins only): fixtures run it in every worker on every exchange.
 * Every sub-pattern is linear (disjoint alternatives, bounded lookbehinds), so a hostile body cannot make the
 * pass backtrack catastrophically.
 */

export type LeakKind =
  | 'pan'
  | 'cvv'
  | 'pin'
  | 'jwt'
  | 'private-key'
  | 'bearer'
  | 'merchant-token'
  | 'password'
  | 'token'
  | 'secret'
  | 'api-key'
  | 'authorization'
  | 'cookie'
  | 'signature'
  | 'card'
  | 'credentials';

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

/** `[REDACTED:jwt]`: keeps the structure readable and says what was there. */
export function redactedMarker(kind: LeakKind): string {
  return `[REDACTED:${kind}]`;
}

const BULLET = '\u2022';

/** Masks every digit but the last four, keeping separators: `4000 0000 0000 1000` → `•••• •••• •••• 1000`. */
export function maskPan(text: string): string {
  const digits = text.replace(/\D/g, '').length;
  if (digits <= 4) return text;
  let seen = 0;
  return text.replace(/\d/g, (d) => (++seen > digits - 4 ? d : BULLET));
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A digit run is treated as a card number when it has 13–19 digits, passes Luhn and starts like a payment
 * card (3 Amex/JCB/Diners, 4 Visa, 5 Mastercard/Maestro, 6 Discover/UnionPay, 2221–2720 Mastercard). The issuer
 * prefix rule keeps millisecond and nanosecond timestamps (which start with 1) readable.
 */
export function looksLikePan(text: string): boolean {
  const digits = text.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return false;
  const first = digits[0]!;
  if (first === '2') {
    const prefix = Number(digits.slice(0, 4));
    return prefix >= 2221 && prefix <= 2720;
  }
  return first >= '3' && first <= '6';
}

// ---------------------------------------------------------------------------------------------------------------
// Key names

/** Secret words a key may end with; short ones (pin, otp, pan, cvn) also need a word boundary before them. */
const KEY_WORDS =
  'password|passwd|passphrase|secret|private[-_]?key|api[-_]?key|token|authorization|cookie|signature|' +
  'cvv2?|cvc2?|cvn|security[-_]?code|pin|otp|pan|card[-_]?number|account[-_]?number';
const KEY_SUFFIX = new RegExp(`(?:${KEY_WORDS})$`, 'i');
/** The merchant's card settings (`MIGO_CARD_APPROVED=PAN|MM/YY|CVV`, `MIGO_PRODUCTION_CARD`). */
const CARD_SETTING = /^migo_(?:production_)?card(?:_\w*)?$/i;
/**
 * Words that, as a whole word of a key ending in "token", mean the key holds no secret (`expirationToken` is a
 * Unix time in the login response). Whole words only: `securityToken` holds "uri" and `countryToken` "count".
 */
const NOT_A_TOKEN = /^(?:expir\w*|ttl|type|url|uri|path|count|length|header|name|file(?:name)?)$/i;

/** The words of a key: `x-amz-security-token` → x, amz, security, token; `expirationToken` → expiration, Token. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

type KeyRule = { kind: LeakKind; mask: 'full' | 'pan' };

/** What a key's value is, or undefined when the key holds nothing secret. Shared by text and value redaction. */
export function secretKindOfKey(key: string): LeakKind | undefined {
  return keyRule(key)?.kind;
}

function keyRule(key: string): KeyRule | undefined {
  if (CARD_SETTING.test(key)) return { kind: 'card', mask: 'full' };
  const match = KEY_SUFFIX.exec(key);
  if (!match) return undefined;
  const word = match[0].toLowerCase().replace(/[-_]/g, '');
  const boundary =
    match.index === 0 || /[-_.[]/.test(key[match.index - 1]!) || isCamelStart(key, match.index);
  switch (word) {
    case 'password':
    case 'passwd':
    case 'passphrase':
      return { kind: 'password', mask: 'full' };
    case 'secret':
    case 'otp':
      return word === 'otp' && !boundary ? undefined : { kind: 'secret', mask: 'full' };
    case 'privatekey':
      return { kind: 'private-key', mask: 'full' };
    case 'apikey':
      return { kind: 'api-key', mask: 'full' };
    case 'token':
      return keyWords(key).some((w) => NOT_A_TOKEN.test(w)) ? undefined : { kind: 'token', mask: 'full' };
    case 'authorization':
      return { kind: 'authorization', mask: 'full' };
    case 'cookie':
      return { kind: 'cookie', mask: 'full' };
    case 'signature':
      return { kind: 'signature', mask: 'full' };
    case 'pin':
      return boundary ? { kind: 'pin', mask: 'full' } : undefined;
    case 'pan':
      return boundary ? { kind: 'pan', mask: 'pan' } : undefined;
    case 'cardnumber':
    case 'accountnumber':
      return { kind: 'pan', mask: 'pan' };
    case 'cvn':
      return boundary ? { kind: 'cvv', mask: 'full' } : undefined;
    default:
      return { kind: 'cvv', mask: 'full' }; // cvv, cvv2, cvc, cvc2, securitycode
  }
}

function isCamelStart(key: string, index: number): boolean {
  const here = key[index]!;
  const before = key[index - 1]!;
  return here >= 'A' && here <= 'Z' && ((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9'));
}

/** Values that carry nothing secret, and markers left by an earlier pass (so redaction is idempotent). */
function isInertValue(content: string): boolean {
  const bare = content.trim();
  return (
    bare === '' ||
    /^(?:null|undefined|true|false|bearer|basic|token|digest)$/i.test(bare) ||
    bare.startsWith('[REDACTED') ||
    /^(?:(?:bearer|basic|token|digest)\s+)\[REDACTED/i.test(bare)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Registered secrets

const registered = new Map<string, LeakKind>();
let compiled: RegExp | undefined;
let envScanned = false;

/** Shorter values would mask unrelated text (a 4-digit code, a word); they are refused. */
export const MIN_SECRET_LENGTH = 6;

/**
 * Registers an exact secret (from config or issued during the run) so it is replaced wherever it appears, also
 * URL-encoded, JSON-escaped and base64-encoded, and for PEM keys their base64 body on one line. Returns false
 * (and registers nothing) for values shorter than MIN_SECRET_LENGTH.
 */
export function registerSecret(value: string, kind: LeakKind = 'secret'): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return false;
  const forms = new Set<string>([value, trimmed]);
  forms.add(encodeURIComponent(trimmed));
  forms.add(JSON.stringify(trimmed).slice(1, -1));
  if (trimmed.length >= 8) {
    const padded = Buffer.from(trimmed, 'utf8').toString('base64');
    const bare = padded.replace(/=+$/, '');
    forms.add(padded).add(bare).add(bare.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  const pemBody = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/
    .exec(trimmed)?.[1]
    ?.replace(/\s+/g, '');
  if (pemBody && pemBody.length >= MIN_SECRET_LENGTH) forms.add(pemBody);
  let changed = false;
  for (const form of forms) {
    if (form.length < MIN_SECRET_LENGTH || registered.has(form)) continue;
    registered.set(form, kind);
    changed = true;
  }
  if (changed) compiled = undefined;
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
  compiled = undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The combined pattern

const SCHEME = '(?:bearer|basic|token|digest)';
const PATTERNS = [
  // PEM private keys, also JSON-escaped (`\n`) and cut short (no END line): the body is base64 and whitespace.
  String.raw`(?<pem>-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----(?:[A-Za-z0-9+/=\s]|\\[nr])*(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----)?)`,
  // An Ed25519 PKCS#8 key as bare base64 DER (always this prefix).
  String.raw`(?<ed>MC4CAQAwBQYDK2VwBCIEI[A-Za-z0-9+/]{43}=?)`,
  String.raw`(?<jwt>(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*)`,
  // user:password@ in URLs.
  String.raw`(?<urlcred>(?<=:\/\/)[^\s/:@"'<>]+:[^\s/@"'<>]+(?=@))`,
  // A raw Cookie / Set-Cookie header line: the value runs to the end of the line.
  String.raw`(?<cookie>(?<![\w-])(?:set-)?cookie[ \t]*:[ \t]*)(?<cookieval>(?![\s"'\\])[^\r\n]+)`,
  // The suite's own card format PAN|MM/YY|CVV.
  String.raw`(?<cardspec>(?<![0-9A-Za-z])(?<cspan>\d{13,19})\|(?<csexp>\d{2}\/\d{2,4})\|\d{3,4}(?!\d))`,
  // key <sep> value, in JSON ("k": "v"), escaped JSON (\"k\":\"v\"), JS inspect (k: 'v'), forms and queries (k=v).
  String.raw`(?<![\w-])(?<kq>\\?["'])?(?<key>[\w-]*?(?:${KEY_WORDS}|migo_(?:production_)?card\w*))(?:\]|%5D)?\k<kq>` +
    String.raw`(?<sep>[ \t]*[:=][ \t]*)` +
    String.raw`(?<val>\\"(?:[^"\\]|\\[^"])*\\"|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|(?!-----BEGIN)(?:${SCHEME}[ \t]+)?[^\s"'<>,;&{}()[\]\\]+)`,
  String.raw`(?<bearer>(?<![\w-])(?:bearer|basic)[ \t]+)(?<btoken>[\w.~+/-]{16,}=*)`,
  String.raw`(?<hex>(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z]))`,
  String.raw`(?<pan>(?<![0-9A-Za-z.])(?:\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{13,19})(?![0-9A-Za-z]))`,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function pattern(): RegExp {
  if (!envScanned) {
    envScanned = true;
    registerSecretsFromEnv();
  }
  if (compiled) return compiled;
  const literals = [...registered.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const exact = literals.length ? `(?<reg>${literals.join('|')})|` : '';
  compiled = new RegExp(exact + PATTERNS.join('|'), 'gi');
  return compiled;
}

// ---------------------------------------------------------------------------------------------------------------
// The pass

type Groups = Record<string, string | undefined>;

/** Where a piece of text sits in the input and in the redacted output (so previews come from the output). */
interface Pos {
  input: number;
  output: number;
}
type FoundLeak = Omit<Leak, 'preview'> & { outputIndex: number };

/** One pass over `text`; every replacement is also reported to `leaks` when given. */
function transform(text: string, leaks: FoundLeak[] | undefined, at: Pos): string {
  const re = pattern();
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
    const kind = registered.get(whole) ?? registeredKind(whole);
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
  for (const [value, kind] of registered) if (value.toLowerCase() === lower) return kind;
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
  return transform(text, undefined, { input: 0, output: 0 });
}

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
