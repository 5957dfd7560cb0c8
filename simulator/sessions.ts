/**
 * JWT sessions of the Wallet Gateway and the CMS: issue a token pair, check an access token (401 / TOKEN_EXPIRED),
 * and refresh with single-use refresh tokens that rotate both tokens (FAQ, go-live page).
 */
import type { SimulatorContext } from './context';
import { GUARD_UNAUTHORIZED, tokenExpired, type ErrorReply } from './errors';
import { randomHex } from './ids';
import { signJwt, verifyJwt, type JwtClaims } from './jwt';

export type Audience = JwtClaims['aud'];

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Unix seconds (simulator clock). */
  expirationToken: number;
  expirationRefreshToken: number;
}

export type AuthResult = { ok: true; claims: JwtClaims } | { ok: false; error: ErrorReply };

const ISSUER = 'migo-simulator';

export class Sessions {
  constructor(private readonly ctx: SimulatorContext) {}

  issue(subject: string, audience: Audience, extra: Record<string, unknown> = {}): TokenPair {
    const now = this.ctx.clock.nowSec();
    const expirationToken = now + this.ctx.tokens.accessTtlSec;
    const expirationRefreshToken = now + this.ctx.tokens.refreshTtlSec;
    const key = this.ctx.keys.jwtPrivate;
    const base = { iss: ISSUER, sub: subject, aud: audience, iat: now, ...extra };
    const refreshJti = randomHex(24);
    this.ctx.store.refreshTokens.set(refreshJti, { subject, audience, used: false });
    return {
      accessToken: signJwt({ ...base, typ: 'access', exp: expirationToken, jti: randomHex(24) }, key),
      refreshToken: signJwt({ ...base, typ: 'refresh', exp: expirationRefreshToken, jti: refreshJti }, key),
      expirationToken,
      expirationRefreshToken,
    };
  }

  /** Checks `<header>: Bearer <access token>`; `allowRaw` accepts a token without the scheme. */
  authenticate(header: string | undefined, audience: Audience, allowRaw = false): AuthResult {
    const unauthorized: AuthResult = { ok: false, error: GUARD_UNAUTHORIZED };
    if (!header) return unauthorized;
    let token: string;
    if (header.startsWith('Bearer ')) token = header.slice(7).trim();
    else if (allowRaw) token = header.trim();
    else return unauthorized;
    const check = verifyJwt(token, this.ctx.keys.jwtPublic, this.ctx.clock.nowSec());
    if (!check.ok || check.claims.aud !== audience || check.claims.typ !== 'access') return unauthorized;
    if (check.expired && !this.ctx.mutations.has('expired-token-accepted')) {
      return {
        ok: false,
        error: this.ctx.mutations.has('no-token-expired-code') ? GUARD_UNAUTHORIZED : tokenExpired(this.ctx),
      };
    }
    return { ok: true, claims: check.claims };
  }

  /**
   * Rotates both tokens. A used, unknown, forged or expired refresh token is a plain 401 (not TOKEN_EXPIRED: the
   * client must log in again, and TOKEN_EXPIRED would send it round the refresh loop).
   */
  refresh(
    refreshToken: string,
    audience: Audience,
  ): { ok: true; pair: TokenPair } | { ok: false; error: ErrorReply } {
    const denied = { ok: false as const, error: GUARD_UNAUTHORIZED };
    const check = verifyJwt(refreshToken, this.ctx.keys.jwtPublic, this.ctx.clock.nowSec());
    if (!check.ok || check.expired || check.claims.aud !== audience || check.claims.typ !== 'refresh')
      return denied;
    const issued = this.ctx.store.refreshTokens.get(check.claims.jti);
    if (!issued) return denied;
    if (issued.used && !this.ctx.mutations.has('refresh-token-reusable')) return denied;
    issued.used = true;
    const { iss: _iss, sub, aud: _aud, typ: _typ, iat: _iat, exp: _exp, jti: _jti, ...extra } = check.claims;
    const pair = this.issue(sub, audience, extra);
    if (this.ctx.mutations.has('refresh-not-rotating')) {
      issued.used = false;
      return {
        ok: true,
        pair: { ...pair, refreshToken, expirationRefreshToken: check.claims.exp },
      };
    }
    return { ok: true, pair };
  }
}
