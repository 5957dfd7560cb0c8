/**
 * Error bodies of each surface. Codes, statuses and messages come from the error catalog table
 * (`schemas/error-catalog.ts`); nothing here re-types them. A catalog row without a documented status is answered
 * with its `assumedHttp`, and one without an exact message with its `meaning`.
 */
import { ERROR_CATALOG } from '../schemas/error-catalog';
import type { MutationSet } from './mutations';

type CatalogRow = (typeof ERROR_CATALOG)[number];
export type CatalogCode = CatalogRow['code'];
export type GatewayCode = Extract<CatalogRow, { surface: 'gateway' }>['code'];
export type MiddlewareCode = Extract<CatalogRow, { surface: 'middleware' }>['code'];

const ROWS = new Map<string, CatalogRow>(ERROR_CATALOG.map((row) => [row.code, row]));

function row(code: CatalogCode): CatalogRow {
  const found = ROWS.get(code);
  if (!found) throw new Error(`error code ${code} is not in schemas/error-catalog.ts`);
  return found;
}

/** The HTTP status the simulator answers for a catalog code: the documented one, else the assumed one. */
export function catalogStatus(code: CatalogCode): number {
  const entry = row(code);
  return entry.http ?? ('assumedHttp' in entry ? entry.assumedHttp : 500);
}

/** The wire message: the exact documented string, else the documented meaning. */
export function catalogMessage(code: CatalogCode): string {
  const entry = row(code);
  return entry.message ?? ('meaning' in entry ? entry.meaning : entry.name);
}

/** A reply the route hands to fastify as is. */
export interface ErrorReply {
  status: number;
  body: unknown;
}

/** The drift of `catalog-message-changed`: the kind of rewording a refactor brings in. */
function reworded(message: string): string {
  return message.toLowerCase().replace(/\.$/, '');
}

/**
 * Wallet Gateway / CMS error: the CustomResponse form `{success:false, message, errors:[{code, message}]}`.
 * `detail` says what was wrong with the request (top-level `message`); `errors[].message` is the catalog's.
 */
export function gatewayError(code: GatewayCode, mutations: MutationSet, detail?: string): ErrorReply {
  let status = catalogStatus(code);
  let message = catalogMessage(code);
  if (mutations.has('catalog-message-changed')) message = reworded(message);
  if (code === '7001' && mutations.has('catalog-status-wrong')) status = 500;
  const body: Record<string, unknown> = {
    success: !mutations.has('success-true-with-errors') ? false : true,
    message: detail ?? message,
  };
  if (!mutations.has('success-false-without-errors')) {
    body.errors = [{ code: mutations.has('numeric-error-codes') ? Number(code) : code, message }];
  }
  return { status, body };
}

/** The errors a Wallet Gateway or CMS surface answers outside its routes: bad input, a bug, an unknown route. */
export function customResponseErrors(mutations: MutationSet) {
  return {
    badInput: (detail: string) => gatewayError('7000', mutations, detail),
    internal: () => gatewayError('7003', mutations),
    notFound: () =>
      mutations.has('unknown-route-wrong-code')
        ? gatewayError('7004', mutations)
        : gatewayError('7010', mutations),
  };
}

/**
 * Middleware error: `{success:false, ownCode, message}` (the field layout beyond `ownCode` is our assumption).
 * `message` defaults to the catalog meaning; bad-input errors say which field is wrong instead.
 */
export function middlewareError(code: MiddlewareCode, mutations: MutationSet, message?: string): ErrorReply {
  const body: Record<string, unknown> = { success: false };
  if (!mutations.has('middleware-error-without-own-code')) body.ownCode = Number(code);
  body.message = message ?? catalogMessage(code);
  return { status: catalogStatus(code), body };
}

/** The Middleware authorizer's 401 (AWS-authorizer style: the docs show no body). */
export const MIDDLEWARE_UNAUTHORIZED: ErrorReply = { status: 401, body: { message: 'Unauthorized' } };

/** Unknown Middleware route. No ownCode is documented for it, so none is invented: an edge-style body. */
export const MIDDLEWARE_NOT_FOUND: ErrorReply = { status: 404, body: { message: 'Not Found' } };

/** Wallet Gateway / CMS auth guard 401 (NestJS default body; the docs show none). */
export const GUARD_UNAUTHORIZED: ErrorReply = {
  status: 401,
  body: { statusCode: 401, message: 'Unauthorized' },
};

/** CMS partner guard 403 for a partner the user is not assigned to. */
export const GUARD_FORBIDDEN: ErrorReply = { status: 403, body: { statusCode: 403, message: 'FORBIDDEN' } };

/** 401 for an expired access token: the catalog's `TOKEN_EXPIRED`, placed in `message` (our assumption). */
export function tokenExpired(): ErrorReply {
  return {
    status: catalogStatus('TOKEN_EXPIRED'),
    body: {
      statusCode: catalogStatus('TOKEN_EXPIRED'),
      message: row('TOKEN_EXPIRED').code,
      error: 'Unauthorized',
    },
  };
}
