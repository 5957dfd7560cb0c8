/** What a redacted value was, as the marker says: `[REDACTED:jwt]`. */
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

/** `[REDACTED:jwt]`: keeps the structure readable and says what was there. */
export function redactedMarker(kind: LeakKind): string {
  return `[REDACTED:${kind}]`;
}
