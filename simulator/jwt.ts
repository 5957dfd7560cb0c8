/**
 * Minimal EdDSA (Ed25519) JWTs for the Wallet Gateway and CMS sessions ("Migo signs JWTs with Ed25519"). Only
 * what the simulator needs: compact serialization, signature and `exp` checks.
 */
import { sign, verify, type KeyObject } from 'node:crypto';

export interface JwtClaims {
  iss: string;
  sub: string;
  /** Which session the token belongs to: wallet access/refresh, CMS app, CMS user. */
  aud: 'wallet' | 'cms-app' | 'cms-user';
  typ: 'access' | 'refresh';
  iat: number;
  exp: number;
  jti: string;
  [claim: string]: unknown;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'migo-simulator-1' })).toString(
  'base64url',
);

export function signJwt(claims: JwtClaims, privateKey: KeyObject): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signingInput = `${HEADER}.${payload}`;
  const signature = sign(null, Buffer.from(signingInput), privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

export type JwtCheck =
  { ok: true; claims: JwtClaims; expired: boolean } | { ok: false; reason: 'malformed' | 'bad-signature' };

/** Verifies the signature; expiry is reported, not enforced, so the caller decides between 401 variants. */
export function verifyJwt(token: string, publicKey: KeyObject, nowSec: number): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) return { ok: false, reason: 'malformed' };
  let valid = false;
  try {
    valid = verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
  if (!valid) return { ok: false, reason: 'bad-signature' };
  let claims: JwtClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
  return { ok: true, claims, expired: nowSec >= claims.exp };
}
