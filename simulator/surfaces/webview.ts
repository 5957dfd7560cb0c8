/**
 * Hosted checkout (webview surface, root path): the Payment Link `URL` opens `/?orderId=<uid>`; the card form posts
 * to `/pay`; 3-D Secure cards go through `/challenge`; the outcome redirects (303) to the client's return URL with
 * `uid`, `status` (approved | denied) and `reference`, and then the Merchant Generic Callback is sent.
 * The PAN and CVC live only inside the `/pay` request: the store keeps a `cardId`, the brand and the last 4 digits.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SimulatorContext } from '../context';
import type { ErrorReply } from '../errors';
import { randomHex } from '../ids';
import { finishPaymentLink } from '../outcomes';
import { challengePage, checkoutPage, messagePage, money, page, resultPage, escapeHtml } from '../pages';
import type { PaymentLinkTransaction } from '../store';
import { isLuhnValid, testCardByPan } from '../test-cards';
import { createSurface, type SurfaceOptions } from './common';

type Form = Record<string, string | undefined>;
/** A parsed query: a repeated parameter (`?status=a&status=b`) arrives as an array. */
type Query = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, so a repeated one cannot reach string code as an array. */
function queryValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
};

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).headers(HTML_HEADERS).send(body);
}

/** An error as a page: ErrorReply bodies of this surface are `{ title, message }`. */
function errorPage(reply: FastifyReply, error: ErrorReply): FastifyReply {
  const { title, message } = error.body as { title: string; message: string };
  return html(reply, error.status, messagePage(title, message));
}

const pageError = (status: number, title: string, message: string): ErrorReply => ({
  status,
  body: { title, message },
});

/** MM/YY, not before the current month of the simulator clock. */
function expiryProblem(expiry: string, nowMs: number): string | undefined {
  const match = /^\s*(0[1-9]|1[0-2])\s*\/\s*([0-9]{2})\s*$/.exec(expiry);
  if (!match) return 'Enter the expiry date as MM/YY.';
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  const now = new Date(nowMs);
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1))
    return 'The card has expired: check the expiry date.';
  return undefined;
}

function brandOf(pan: string): string {
  if (pan.startsWith('4')) return 'visa';
  if (/^5[1-5]/.test(pan)) return 'mastercard';
  return 'card';
}

export function buildWebview(ctx: SimulatorContext, options: SurfaceOptions): FastifyInstance {
  const { mutations } = ctx;
  const app = createSurface(
    ctx,
    {
      name: 'webview',
      prefix: '',
      badInput: (detail) => pageError(400, 'Something is wrong with the request', detail),
      internal: () => pageError(500, 'Something went wrong', 'The simulator failed; see its log.'),
      notFound: () => pageError(404, 'Page not found', 'This page does not exist on the simulated checkout.'),
      send: errorPage,
    },
    options,
  );

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

  const paymentLink = (uid: unknown): PaymentLinkTransaction | undefined => {
    if (typeof uid !== 'string') return undefined;
    const txn = ctx.store.transactions.get(uid);
    return txn?.kind === 'payment-link' ? txn : undefined;
  };

  const view = (txn: PaymentLinkTransaction) => ({
    uid: txn.uid,
    reference: txn.reference,
    merchant: txn.client,
    amount: txn.amount,
    currency: txn.currency,
  });

  const notPayable = (
    reply: FastifyReply,
    txn: PaymentLinkTransaction | undefined,
  ): FastifyReply | undefined => {
    if (!txn)
      return errorPage(
        reply,
        pageError(404, 'Payment link not found', 'This payment link does not exist or has expired.'),
      );
    if (txn.status !== 'created')
      return errorPage(
        reply,
        pageError(
          409,
          'Payment link already used',
          `This payment link was already paid or declined (${txn.status}).`,
        ),
      );
    return undefined;
  };

  /** The outcome: status, callback (queued), then the 303 to the return URL. */
  const finish = (
    reply: FastifyReply,
    txn: PaymentLinkTransaction,
    status: 'approved' | 'denied',
    card: { brand: string; last4: string },
    leak: { pan?: string; cvc?: string },
  ): FastifyReply => {
    txn.card = { cardId: `card_${randomHex(16)}`, ...card };
    finishPaymentLink(ctx, txn, status, leak.cvc);
    const target = new URL(ctx.returnUrl());
    target.searchParams.set('uid', txn.uid);
    target.searchParams.set('status', status);
    if (!mutations.has('return-url-missing-reference')) target.searchParams.set('reference', txn.reference);
    if (leak.pan !== undefined) target.searchParams.set('pan', leak.pan);
    return reply.header('cache-control', 'no-store').redirect(target.toString(), 303);
  };

  app.get<{ Querystring: Query }>('/', async (request, reply) => {
    const txn = paymentLink(queryValue(request.query.orderId));
    return notPayable(reply, txn) ?? html(reply, 200, checkoutPage(view(txn as PaymentLinkTransaction)));
  });

  app.post<{ Body: Form }>('/pay', async (request, reply) => {
    const form: Form = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const txn = paymentLink(form.orderId);
    const blocked = notPayable(reply, txn);
    if (blocked || !txn) return blocked;
    const pan = (form.cardNumber ?? '').replace(/[\s-]/g, '');
    const cvc = (form.cvc ?? '').trim();
    const holder = (form.holder ?? '').trim().slice(0, 100);
    const problem =
      !/^[0-9]{12,19}$/.test(pan) || !isLuhnValid(pan)
        ? 'Enter a valid card number.'
        : (expiryProblem(form.expiry ?? '', ctx.clock.nowMs()) ??
          (!/^[0-9]{3,4}$/.test(cvc) ? 'Enter the 3 or 4 digit security code.' : undefined) ??
          (holder === '' ? 'Enter the name on the card.' : undefined));
    if (problem) return html(reply, 400, checkoutPage({ ...view(txn), error: problem, holder }));

    const card = { brand: brandOf(pan), last4: pan.slice(-4) };
    const leak = {
      ...(mutations.has('pan-in-return-url') ? { pan } : {}),
      ...(mutations.has('cvv-in-callback') ? { cvc } : {}),
    };
    const test = testCardByPan(pan);
    if (test && test.threeDs !== 'none' && !mutations.has('three-ds-skipped')) {
      const id = ctx.store.newChallengeId();
      ctx.store.challenges.set(id, {
        id,
        uid: txn.uid,
        outcomeOnApprove: test.threeDs === 'challenge-fails' ? 'denied' : test.outcome,
        card,
        ...(Object.keys(leak).length > 0 ? { leak } : {}),
      });
      return reply.redirect(`/challenge?session=${id}`, 303);
    }
    const approved = test?.outcome === 'approved' || mutations.has('declined-card-approved');
    return finish(reply, txn, approved ? 'approved' : 'denied', card, leak);
  });

  app.get<{ Querystring: Query }>('/challenge', async (request, reply) => {
    const challenge = ctx.store.challenges.get(queryValue(request.query.session) ?? '');
    const txn = challenge ? paymentLink(challenge.uid) : undefined;
    if (!challenge || !txn)
      return errorPage(
        reply,
        pageError(404, 'Verification expired', 'This verification session does not exist.'),
      );
    return html(reply, 200, challengePage(challenge.id, txn.client, money(txn.amount, txn.currency)));
  });

  app.post<{ Body: Form }>('/challenge', async (request, reply) => {
    const form: Form = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const challenge = ctx.store.challenges.get(String(form.session ?? ''));
    if (!challenge)
      return errorPage(
        reply,
        pageError(404, 'Verification expired', 'This verification session does not exist.'),
      );
    if (form.action !== 'approve' && form.action !== 'fail')
      return errorPage(reply, pageError(400, 'Choose an answer', 'Approve or fail the verification.'));
    ctx.store.challenges.delete(challenge.id);
    const txn = paymentLink(challenge.uid);
    const blocked = notPayable(reply, txn);
    if (blocked || !txn) return blocked;
    const outcome = form.action === 'approve' ? challenge.outcomeOnApprove : 'denied';
    const status = outcome === 'denied' && mutations.has('three-ds-failure-approved') ? 'approved' : outcome;
    return finish(reply, txn, status, challenge.card, challenge.leak ?? {});
  });

  // The default return URL when the client configured none.
  app.get<{ Querystring: Query }>('/return', async (request, reply) => {
    const query = request.query;
    const status = queryValue(query.status) ?? 'unknown';
    return html(
      reply,
      200,
      resultPage(status, queryValue(query.uid) ?? '', queryValue(query.reference) ?? ''),
    );
  });

  // Where url/payButton payloads of alternative payments point.
  app.get<{ Params: { uid: string }; Querystring: Query }>('/alternative/:uid', async (request, reply) => {
    const txn = ctx.store.transactions.get(request.params.uid);
    if (!txn || txn.kind !== 'alternative')
      return errorPage(
        reply,
        pageError(404, 'Payment not found', 'This alternative payment does not exist.'),
      );
    const processor = escapeHtml(queryValue(request.query.processor) ?? txn.processor ?? 'the processor');
    return html(
      reply,
      200,
      page(
        `Pay with ${processor}`,
        `<h1>Simulated ${processor} payment</h1><p>Amount <strong>${txn.amount.toFixed(2)}</strong> · status <span id="status">${escapeHtml(txn.status)}</span>.</p>` +
          `<p>In the simulator the processor's confirmation is <code>POST /__sim/alternative/${escapeHtml(txn.uid)}/complete</code>.</p>`,
      ),
    );
  });

  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  return app;
}
