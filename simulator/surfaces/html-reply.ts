/**
 * How the hosted checkout's listeners (the checkout page and, in the frames layout, the hosted fields) answer with
 * HTML: security headers with a Content-Security-Policy per page, error pages, form bodies and query values.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorReply } from '../errors';
import { messagePage } from '../pages';
import type { SurfaceSpec } from './common';

export type Form = Record<string, string | undefined>;
/** A parsed query: a repeated parameter (`?status=a&status=b`) arrives as an array. */
export type Query = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, so a repeated one cannot reach string code as an array. */
export function queryValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export interface PageAllowances {
  /** The nonce of the page's one inline script. */
  scriptNonce?: string;
  /** The page calls its own origin (`fetch`). */
  fetchesOwnOrigin?: boolean;
  /** The origin whose pages it may frame. */
  frames?: string;
  /** The origin that may frame it. */
  framedBy?: string;
}

/** A page's Content-Security-Policy: inline styles and data images, and nothing more than it declares. */
export function pagePolicy(allow: PageAllowances = {}): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    ...(allow.scriptNonce ? [`script-src 'nonce-${allow.scriptNonce}'`] : []),
    ...(allow.fetchesOwnOrigin ? ["connect-src 'self'"] : []),
    ...(allow.frames ? [`frame-src ${allow.frames}`] : []),
    ...(allow.framedBy ? [`frame-ancestors ${allow.framedBy}`] : []),
  ].join('; ');
}

/** A fresh nonce for the one inline script a page may run. */
export function scriptNonce(): string {
  return randomBytes(16).toString('base64');
}

export function html(
  reply: FastifyReply,
  status: number,
  body: string,
  csp: string = pagePolicy(),
): FastifyReply {
  return reply
    .code(status)
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': csp,
    })
    .send(body);
}

/** An error as a page: ErrorReply bodies of these listeners are `{ title, message }`. */
export function errorPage(reply: FastifyReply, error: ErrorReply): FastifyReply {
  const { title, message } = error.body as { title: string; message: string };
  return html(reply, error.status, messagePage(title, message));
}

export const pageError = (status: number, title: string, message: string): ErrorReply => ({
  status,
  body: { title, message },
});

/** The body of a request as a form, or empty when there is none. */
export function formOf(body: unknown): Form {
  return typeof body === 'object' && body !== null ? (body as Form) : {};
}

/** Browsers post forms as application/x-www-form-urlencoded. */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(
        null,
        Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))),
      );
    },
  );
}

/** The surface spec of a listener of the hosted checkout: HTML error pages; `where` names it in the 404 page. */
export function checkoutSurface(where: string): SurfaceSpec {
  return {
    name: 'webview',
    prefix: '',
    badInput: (detail) => pageError(400, 'Something is wrong with the request', detail),
    internal: () => pageError(500, 'Something went wrong', 'The simulator failed; see its log.'),
    notFound: () => pageError(404, 'Page not found', `This page does not exist on ${where}.`),
    send: errorPage,
  };
}
