/**
 * Key names that mark a secret value (`password`, `cvv`, `accessToken`, `authorization`, `privateKey` …), shared by
 * the text pass (`"cvv": "123"`, `token=…`) and the value pass (`{ cvv: 123 }`).
 */
import type { LeakKind } from './kinds';

/** Secret words a key may end with; short ones (pin, otp, pan, cvn) also need a word boundary before them. */
export const KEY_WORDS =
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

export type KeyRule = { kind: LeakKind; mask: 'full' | 'pan' };

/** What a key's value is, or undefined when the key holds nothing secret. Shared by text and value redaction. */
export function secretKindOfKey(key: string): LeakKind | undefined {
  return keyRule(key)?.kind;
}

export function keyRule(key: string): KeyRule | undefined {
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
export function isInertValue(content: string): boolean {
  const bare = content.trim();
  return (
    bare === '' ||
    /^(?:null|undefined|true|false|bearer|basic|token|digest)$/i.test(bare) ||
    bare.startsWith('[REDACTED') ||
    /^(?:(?:bearer|basic|token|digest)\s+)\[REDACTED/i.test(bare)
  );
}
