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

let compiled: { pattern: RegExp; version: number } | undefined;

/** The combined expression, rebuilt when a secret was registered since the last call. */
export function combinedPattern(): RegExp {
  const { forms, version } = registeredForms();
  if (compiled?.version === version) return compiled.pattern;
  const literals = [...forms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const exact = literals.length ? `(?<reg>${literals.join('|')})|` : '';
  compiled = { pattern: new RegExp(exact + PATTERNS.join('|'), 'gi'), version };
  return compiled.pattern;
}
