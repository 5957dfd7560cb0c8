/**
 * Error bodies of each surface. Codes, statuses and messages come from the error catalog table
 * (`schemas/error-catalog.ts`); nothing here re-types them. A catalog row without a documented status is answered
 * with the option served for its `error-status-<code>` reading, and one without an exact message with its
 * `meaning`. Where a body's layout is a reading (error-code-form, middleware-error-layout,
 * middleware-own-code-type), the served option shapes it.
 */
import { ERROR_CATALOG, statusByRule } from '../schemas/error-catalog';
import type { Readings } from '../schemas/readings';
import type { MutationSet } from './mutations';

/** What an error body depends on: the mutations switched on and the readings served. */
export interface Served {
  readonly mutations: MutationSet;
  readonly readings: Readings;
}

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

/** The HTTP status the simulator answers for a catalog code: the documented one, else its reading's option. */
export function catalogStatus(code: CatalogCode, readings: Readings): number {
  return row(code).http ?? statusByRule(code, readings);
}

/** The wire message: the exact documented string, else the documented meaning. */
export function catalogMessage(code: CatalogCode): string {
  const entry = row(code);
  return entry.message ?? ('meaning' in entry ? entry.meaning : entry.name);
}

/**
 * 7303's message: no page shows its wire text, so the reading error-message-7303 decides: the wallet overview's
 * description (`doc-meaning`, the catalog row's meaning) or a wording of our own standing for Migo's (`other-text`).
 */
function insufficientFundsMessage({ mutations, readings }: Served): string {
  // `insufficient-funds-message-changed`: a wording of its own, whatever the reading serves.
  if (mutations.has('insufficient-funds-message-changed')) return 'Insufficient funds.';
  return readings['error-message-7303'] === 'other-text'
    ? 'Insufficient balance for this operation.'
    : catalogMessage('7303');
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
 * Wallet Gateway / CMS error, where the reading error-code-form puts the code: `errors-array`
 * `{success:false, message, errors:[{code, message}]}`, `error-object` `{success:false, message, error:{code,
 * message}}`, or `terminal-error` `{statusCode, message, error:{code, name, detail}}`. `detail` says what was
 * wrong with the request (the top-level `message`, or `error.detail` in the terminal form, whose top-level message
 * is the catalog's); the catalog message goes beside the code.
 */
export function gatewayError(code: GatewayCode, served: Served, detail?: string): ErrorReply {
  const { mutations, readings } = served;
  let status = catalogStatus(code, readings);
  let message = code === '7303' ? insufficientFundsMessage(served) : catalogMessage(code);
  if (mutations.has('catalog-message-changed')) message = reworded(message);
  if (code === '7001' && mutations.has('catalog-status-wrong')) status = 500;
  const wireCode = mutations.has('numeric-error-codes') ? Number(code) : code;
  const form = readings['error-code-form'];
  if (form === 'terminal-error') {
    const error = { code: wireCode, name: row(code).name, ...(detail ? { detail } : {}) };
    return { status, body: { statusCode: status, message, error } };
  }
  const body: Record<string, unknown> = {
    success: !mutations.has('success-true-with-errors') ? false : true,
    message: detail ?? message,
  };
  if (!mutations.has('success-false-without-errors')) {
    if (form === 'error-object') body.error = { code: wireCode, message };
    else body.errors = [{ code: wireCode, message }];
  }
  return { status, body };
}

/** The errors a Wallet Gateway or CMS surface answers outside its routes: bad input, a bug, an unknown route. */
export function customResponseErrors(served: Served) {
  return {
    badInput: (detail: string) => gatewayError('7000', served, detail),
    internal: () => gatewayError('7003', served),
    notFound: () =>
      served.mutations.has('unknown-route-wrong-code')
        ? gatewayError('7004', served)
        : gatewayError('7010', served),
  };
}

/**
 * Middleware error: `{success:false, ownCode, message}`, laid out as the readings middleware-error-layout
 * (without `success` for own-code-only) and middleware-own-code-type (a string for `string`) say. `message`
 * defaults to the catalog meaning; bad-input errors say which field is wrong instead. `status` overrides the
 * catalog's (a validation failure under the reading middleware-validation-status).
 */
export function middlewareError(
  code: MiddlewareCode | typeof VALIDATION_422_OWN_CODE,
  served: Served,
  message?: string,
  status?: number,
): ErrorReply {
  const { mutations, readings } = served;
  const body: Record<string, unknown> = {};
  if (readings['middleware-error-layout'] === 'success-own-code') body.success = false;
  if (!mutations.has('middleware-error-without-own-code'))
    body.ownCode = readings['middleware-own-code-type'] === 'string' ? String(code) : Number(code);
  body.message =
    message ?? (code === VALIDATION_422_OWN_CODE ? 'Unprocessable request' : catalogMessage(code));
  return {
    status: status ?? (code === VALIDATION_422_OWN_CODE ? 422 : catalogStatus(code, readings)),
    body,
  };
}

/**
 * The ownCode of a validation failure answered 422 (reading middleware-validation-status = 422). OURS: no
 * ownCode is documented for it, and the documented 5000 is a 400, so a 422 cannot carry it.
 */
export const VALIDATION_422_OWN_CODE = '4220';

/** A Middleware request-validation failure, at the status the reading middleware-validation-status serves. */
export function middlewareValidationError(served: Served, message: string): ErrorReply {
  if (served.readings['middleware-validation-status'] === '422')
    return middlewareError(VALIDATION_422_OWN_CODE, served, message);
  const reply = middlewareError('5000', served, message);
  // `validation-own-code-wrong`: the right status and envelope, an ownCode no page documents (so no catalog check
  // objects to it); only a check of the expected code notices.
  if (served.mutations.has('validation-own-code-wrong') && 'ownCode' in (reply.body as object)) {
    const body = reply.body as { ownCode: number | string };
    body.ownCode = typeof body.ownCode === 'string' ? '5001' : 5001;
  }
  return reply;
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

/**
 * 401 for an expired access token: the catalog's `TOKEN_EXPIRED`, where the reading token-expired-place puts it
 * (the docs name the string, not its place).
 */
export function tokenExpired(served: Served): ErrorReply {
  const { mutations, readings } = served;
  const status = catalogStatus('TOKEN_EXPIRED', readings);
  const code = row('TOKEN_EXPIRED').code;
  // `token-expired-only-in-text`: the string only inside a human-readable message, the code a generic one.
  if (mutations.has('token-expired-only-in-text'))
    return {
      status,
      body: { success: false, message: 'Unauthorized', errors: [{ code: 'UNAUTHORIZED', message: code }] },
    };
  switch (readings['token-expired-place']) {
    case 'error':
      return { status, body: { statusCode: status, message: 'Unauthorized', error: code } };
    case 'code':
      return { status, body: { statusCode: status, message: 'Unauthorized', code } };
    case 'errors-code':
      return {
        status,
        body: { success: false, message: 'Unauthorized', errors: [{ code, message: catalogMessage(code) }] },
      };
    case 'message':
      return { status, body: { statusCode: status, message: code, error: 'Unauthorized' } };
  }
}
