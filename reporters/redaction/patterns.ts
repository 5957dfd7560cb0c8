/**
 * The one regular expression of the pass: the registered secrets first (longest first), then each pattern by
 * name. Every sub-pattern is linear (disjoint alternatives, bounded lookbehinds), so a hostile body cannot make
 * the pass backtrack catastrophically.
 */
import { KEY_WORDS } from './key-rules';
import { PAN_SEPARATORS } from './pan';
import { registeredForms } from './registry';

const SCHEME = '(?:bearer|basic|token|digest)';
const SEP = `[${PAN_SEPARATORS.replace('-', '\\-')}]`;

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
  // A card security code right after its label, with or without a separator: `cvc 123`, `Security code: "123"`
  // (the ARIA snapshot of a checkout form), `CVV2=1234`.
  String.raw`(?<cvvlabel>(?<![\w-])(?:cvv2?|cvc2?|cvn|csc|security[ _-]?code|card[ _-]?verification[ _-]?(?:value|code))["']?[ \t]*(?:[:=#][ \t]*)?["']?)(?<cvvdigits>\d{3,4})(?![\d])`,
  String.raw`(?<bearer>(?<![\w-])(?:bearer|basic)[ \t]+)(?<btoken>[\w.~+/-]{16,}=*)`,
  String.raw`(?<hex>(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z]))`,
  // Card numbers: contiguous, or in groups of 4-4-4-4(+3) (Visa, Mastercard, Discover …), 4-6-5 (Amex) or 4-6-4
  // (Diners), separated by spaces, dashes or dots.
  String.raw`(?<pan>(?<![0-9A-Za-z.])(?:\d{4}(?:${SEP}\d{4}){2}${SEP}\d{1,7}|\d{4}${SEP}\d{6}${SEP}\d{4,5}|\d{13,19})(?![0-9A-Za-z]))`,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Compiled {
  version: number;
  /** The registered literals, longest first. */
  literals: string[];
  /** Built on first use: V8 compiles an expression of a few hundred literals in ~100 ms, so only when needed. */
  combined?: RegExp;
  /** Registered literals by their first `keyLength` characters, lower-cased; undefined: always the combined one. */
  byPrefix: Map<string, string[]> | undefined;
  keyLength: number;
  /** Expressions for the literals one text holds, by those literals (a text holds one or two, again and again). */
  bySubset: Map<string, RegExp>;
}

let compiled: Compiled | undefined;
/** The patterns alone: for a text that holds no registered secret (most texts). */
const PATTERNS_ONLY = new RegExp(PATTERNS.join('|'), 'gi');
const MAX_SUBSETS = 256;

function current(): Compiled {
  const { forms, version } = registeredForms();
  if (compiled?.version === version) return compiled;
  const literals = [...forms.keys()].sort((a, b) => b.length - a.length);
  const keyLength = Math.min(6, ...literals.map((literal) => literal.length));
  // The `i` flag (without `u`) never matches a non-ASCII character to an ASCII one, so for ASCII literals a
  // lower-cased comparison finds every match the expression can make; any other literal takes the slow path.
  const ascii = literals.every((literal) => /^[\x00-\x7f]*$/.test(literal));
  let byPrefix: Map<string, string[]> | undefined;
  if (ascii && keyLength > 0) {
    byPrefix = new Map();
    for (const literal of literals) {
      const key = literal.slice(0, keyLength).toLowerCase();
      const bucket = byPrefix.get(key);
      if (bucket) bucket.push(literal);
      else byPrefix.set(key, [literal]);
    }
  }
  compiled = { version, literals, byPrefix, keyLength, bySubset: new Map() };
  return compiled;
}

function expression(literals: readonly string[]): RegExp {
  const exact = literals.length ? `(?<reg>${literals.map(escapeRegExp).join('|')})|` : '';
  return new RegExp(exact + PATTERNS.join('|'), 'gi');
}

/** The combined expression (every registered literal first, then the patterns), rebuilt after a registration. */
export function combinedPattern(): RegExp {
  const state = current();
  state.combined ??= expression(state.literals);
  return state.combined;
}

/**
 * The expression to scan `text` with. It finds exactly what the combined expression finds in that text: the
 * literals that cannot match there are left out (most texts hold none, and get the patterns alone), the others
 * keep their order. A few hundred literals make the combined expression slow to compile and to run.
 */
export function patternFor(text: string): RegExp {
  const state = current();
  const { literals, byPrefix, keyLength } = state;
  if (literals.length === 0) return PATTERNS_ONLY;
  if (byPrefix === undefined) return combinedPattern();
  const lower = text.toLowerCase();
  const present = new Set<string>();
  for (let i = 0; i + keyLength <= lower.length; i += 1) {
    const bucket = byPrefix.get(lower.slice(i, i + keyLength));
    if (bucket)
      for (const literal of bucket) if (lower.startsWith(literal.toLowerCase(), i)) present.add(literal);
  }
  if (present.size === 0) return PATTERNS_ONLY;
  const subset = literals.filter((literal) => present.has(literal));
  const key = subset.join('\u0000');
  let re = state.bySubset.get(key);
  if (!re) {
    if (state.bySubset.size >= MAX_SUBSETS) state.bySubset.clear();
    re = expression(subset);
    state.bySubset.set(key, re);
  }
  return re;
}
