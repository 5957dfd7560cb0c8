/**
 * The hosted fields' origin (frames layout only): its own listener, so a card field is an iframe of another origin
 * than the checkout page, as with real hosted fields. It serves one page per field (`GET /fields/{number|expiry|
 * cvc}?orderId=`), the tokenization endpoint those pages post to (`POST /tokens`), and the simulated issuer's 3-D
 * Secure challenge (`GET /challenge?session=`), which the checkout shows in an iframe.
 *
 * It counts as part of the webview surface: faults armed for the webview hit it too, and it has the control API
 * like every listener. The tokenized value is kept only until `/pay` redeems it; request logs show the path only.
 */
import type { FastifyInstance } from 'fastify';
import type { SimulatorContext } from '../context';
import { challengePage, money } from '../pages';
import { fieldPage } from '../frames-pages';
import { CARD_FIELDS, type CardField } from '../store';
import { createSurface, type SurfaceOptions } from './common';
import {
  checkoutSurface,
  errorPage,
  html,
  pageError,
  pagePolicy,
  queryValue,
  scriptNonce,
  type Query,
} from './html-reply';

/** The longest value a field accepts: a PAN has at most 19 digits; spaces and dashes leave room for typing. */
const MAX_FIELD_LENGTH = 64;

const isCardField = (value: unknown): value is CardField =>
  (CARD_FIELDS as readonly unknown[]).includes(value);

export function buildFields(ctx: SimulatorContext, options: SurfaceOptions): FastifyInstance {
  const app = createSurface(ctx, checkoutSurface('the hosted fields'), options);
  const checkoutOrigin = () => new URL(ctx.urls.webview).origin;

  /** The order a field belongs to, while it can still be paid. */
  const payableUid = (uid: unknown): string | undefined => {
    const txn = typeof uid === 'string' ? ctx.store.transactions.get(uid) : undefined;
    return txn?.kind === 'payment-link' && txn.status === 'created' ? txn.uid : undefined;
  };

  app.get<{ Params: { field: string }; Querystring: Query }>('/fields/:field', async (request, reply) => {
    const { field } = request.params;
    const uid = payableUid(queryValue(request.query.orderId));
    if (!isCardField(field))
      return errorPage(
        reply,
        pageError(404, 'Unknown field', `The hosted fields are ${CARD_FIELDS.join(', ')}.`),
      );
    if (!uid)
      return errorPage(
        reply,
        pageError(404, 'Payment link not payable', 'This payment link does not exist or was already used.'),
      );
    const nonce = scriptNonce();
    return html(
      reply,
      200,
      fieldPage(field, { uid, checkoutOrigin: checkoutOrigin(), nonce }),
      pagePolicy({ scriptNonce: nonce, fetchesOwnOrigin: true, framedBy: checkoutOrigin() }),
    );
  });

  // JSON in and out, for the field frames' own script: `{ orderId, field, value }` → 201 `{ token }`.
  app.post('/tokens', async (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    const { field, value } = body;
    if (!isCardField(field))
      return reply.code(400).send({ message: `field must be one of ${CARD_FIELDS.join(', ')}.` });
    if (typeof value !== 'string' || value.length > MAX_FIELD_LENGTH)
      return reply
        .code(400)
        .send({ message: `The ${field} must be text of at most ${MAX_FIELD_LENGTH} characters.` });
    const uid = payableUid(body.orderId);
    if (!uid)
      return reply.code(404).send({ message: 'This payment link does not exist or was already used.' });
    const token = ctx.store.newCardToken();
    ctx.store.cardTokens.set(token, { uid, field, value });
    return reply.code(201).header('cache-control', 'no-store').send({ token });
  });

  // The simulated issuer (ACS): its answer goes to the checkout in the top window, which then redirects there.
  app.get<{ Querystring: Query }>('/challenge', async (request, reply) => {
    const challenge = ctx.store.challenges.get(queryValue(request.query.session) ?? '');
    const txn = challenge ? ctx.store.transactions.get(challenge.uid) : undefined;
    if (!challenge || txn?.kind !== 'payment-link')
      return errorPage(
        reply,
        pageError(404, 'Verification expired', 'This verification session does not exist.'),
      );
    return html(
      reply,
      200,
      challengePage(challenge.id, txn.client, money(txn.amount, txn.currency), {
        action: `${checkoutOrigin()}/challenge`,
        target: '_top',
      }),
      pagePolicy({ framedBy: checkoutOrigin() }),
    );
  });

  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  return app;
}
