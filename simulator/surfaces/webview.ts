/**
 * Hosted checkout (webview surface, root path): the Payment Link `URL` opens `/?orderId=<uid>`; the card form posts
 * to `/pay`; 3-D Secure cards go through `/challenge`; the outcome redirects (303) to the client's return URL with
 * `uid`, `status` (approved | denied) and `reference`, and then the Merchant Generic Callback is sent.
 * Two layouts (`ctx.checkout.layout`): `page`, one form with the card inputs; `frames`, hosted fields of another
 * origin (surfaces/fields.ts) whose single-use tokens `/pay` redeems, and the 3-D Secure challenge in an iframe.
 * The PAN and CVC live only inside the `/pay` request (or the fields' tokens until `/pay` redeems them): the store
 * keeps a `cardId`, the brand and the last 4 digits.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SimulatorContext } from '../context';
import { challengeFramePage, framesCheckoutPage } from '../frames-pages';
import { randomHex } from '../ids';
import { finishPaymentLink } from '../outcomes';
import {
  challengePage,
  checkoutPage,
  money,
  page,
  resultPage,
  escapeHtml,
  type CheckoutView,
} from '../pages';
import { CARD_FIELDS, type PaymentLinkTransaction, type Store } from '../store';
import { isLuhnValid, testCardByPan } from '../test-cards';
import { createSurface, type SurfaceOptions } from './common';
import {
  acceptForms,
  checkoutSurface,
  errorPage,
  formOf,
  html,
  pageError,
  pagePolicy,
  queryValue,
  scriptNonce,
  type Form,
  type Query,
} from './html-reply';

/** What the payer entered: typed into the form (page layout) or redeemed from the hosted fields' tokens. */
interface EnteredCard {
  cardNumber: string;
  expiry: string;
  cvc: string;
}

/** Redeems the three field tokens of a frames-layout submit (each once, for its own order and field). */
function redeemTokens(store: Store, form: Form, uid: string): EnteredCard | undefined {
  const values: Partial<Record<(typeof CARD_FIELDS)[number], string>> = {};
  for (const field of CARD_FIELDS) {
    const id = form[`${field}Token`] ?? '';
    const token = store.cardTokens.get(id);
    store.cardTokens.delete(id);
    if (token?.uid === uid && token.field === field) values[field] = token.value;
  }
  const { number, expiry, cvc } = values;
  if (number === undefined || expiry === undefined || cvc === undefined) return undefined;
  return { cardNumber: number, expiry, cvc };
}

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
  const app = createSurface(ctx, checkoutSurface('the simulated checkout'), options);

  acceptForms(app);
  const { layout } = ctx.checkout;

  /** The card form of the configured layout; the frames one names the fields' origin in its policy. */
  const checkout = (reply: FastifyReply, status: number, checkoutView: CheckoutView): FastifyReply => {
    if (layout === 'page') return html(reply, status, checkoutPage(checkoutView));
    const origin = ctx.checkout.fieldsOrigin;
    const nonce = scriptNonce();
    return html(
      reply,
      status,
      framesCheckoutPage(checkoutView, { origin, nonce }),
      pagePolicy({ scriptNonce: nonce, frames: origin }),
    );
  };

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
    typedPan?: string,
  ): FastifyReply => {
    txn.card = { cardId: `card_${randomHex(16)}`, ...card };
    finishPaymentLink(ctx, txn, status, leak.cvc);
    const target = new URL(ctx.returnUrl());
    target.searchParams.set('uid', txn.uid);
    target.searchParams.set('status', status);
    if (!mutations.has('return-url-missing-reference')) target.searchParams.set('reference', txn.reference);
    if (leak.pan !== undefined) target.searchParams.set('pan', leak.pan);
    if (typedPan !== undefined && mutations.has('checkout-receipt-unreadable'))
      return receiptThenReturn(reply, typedPan, target.toString());
    return reply.header('cache-control', 'no-store').redirect(target.toString(), 303);
  };

  /**
   * `checkout-receipt-unreadable`: instead of the 303, a page that fetches a receipt echoing the card number,
   * served with a broken gzip encoding the browser cannot decode, then goes on to the return URL. The flow ends as
   * usual; only a PAN check that refuses to count an unreadable answer as clean notices.
   */
  const receipts = new Map<string, string>();
  const receiptThenReturn = (reply: FastifyReply, pan: string, target: string): FastifyReply => {
    const id = randomHex(16);
    if (receipts.size >= 100) receipts.delete(receipts.keys().next().value!);
    receipts.set(id, pan);
    const nonce = scriptNonce();
    const script =
      `<script nonce="${nonce}">fetch('/receipt?id=${id}').catch(() => undefined)` +
      `.finally(() => location.replace(${JSON.stringify(target).replace(/</g, '\\u003c')}));</script>`;
    return html(
      reply,
      200,
      page('Payment received', `<h1>Payment received</h1><p>Returning to the merchant…</p>${script}`),
      pagePolicy({ scriptNonce: nonce, fetchesOwnOrigin: true }),
    );
  };
  app.get<{ Querystring: Query }>('/receipt', async (request, reply) => {
    const pan = receipts.get(queryValue(request.query.id) ?? '');
    if (pan === undefined) return errorPage(reply, pageError(404, 'Receipt not found', 'No such receipt.'));
    // Declared gzip, sent plain: the browser fails to decode it, so no one can read the card number it holds.
    return reply
      .code(200)
      .headers({
        'content-type': 'text/plain; charset=utf-8',
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
      })
      .send(`Receipt: card ${pan}`);
  });

  app.get<{ Querystring: Query }>('/', async (request, reply) => {
    const txn = paymentLink(queryValue(request.query.orderId));
    return notPayable(reply, txn) ?? checkout(reply, 200, view(txn as PaymentLinkTransaction));
  });

  app.post<{ Body: Form }>('/pay', async (request, reply) => {
    const form = formOf(request.body);
    const txn = paymentLink(form.orderId);
    const blocked = notPayable(reply, txn);
    if (blocked || !txn) return blocked;
    const entered =
      layout === 'frames'
        ? redeemTokens(ctx.store, form, txn.uid)
        : { cardNumber: form.cardNumber ?? '', expiry: form.expiry ?? '', cvc: form.cvc ?? '' };
    const holder = (form.holder ?? '').trim().slice(0, 100);
    if (!entered)
      return checkout(reply, 400, {
        ...view(txn),
        error: 'The card details were not received: enter them again.',
        holder,
      });
    const pan = entered.cardNumber.replace(/[\s-]/g, '');
    const cvc = entered.cvc.trim();
    const problem =
      !/^[0-9]{12,19}$/.test(pan) || !isLuhnValid(pan)
        ? 'Enter a valid card number.'
        : (expiryProblem(entered.expiry, ctx.clock.nowMs()) ??
          (!/^[0-9]{3,4}$/.test(cvc) ? 'Enter the 3 or 4 digit security code.' : undefined) ??
          (holder === '' ? 'Enter the name on the card.' : undefined));
    if (problem) return checkout(reply, 400, { ...view(txn), error: problem, holder });

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
    return finish(reply, txn, approved ? 'approved' : 'denied', card, leak, pan);
  });

  app.get<{ Querystring: Query }>('/challenge', async (request, reply) => {
    const challenge = ctx.store.challenges.get(queryValue(request.query.session) ?? '');
    const txn = challenge ? paymentLink(challenge.uid) : undefined;
    if (!challenge || !txn)
      return errorPage(
        reply,
        pageError(404, 'Verification expired', 'This verification session does not exist.'),
      );
    const amount = money(txn.amount, txn.currency);
    if (layout === 'page') return html(reply, 200, challengePage(challenge.id, txn.client, amount));
    const origin = ctx.checkout.fieldsOrigin;
    const src = `${origin}/challenge?session=${encodeURIComponent(challenge.id)}`;
    return html(reply, 200, challengeFramePage(src, txn.client, amount), pagePolicy({ frames: origin }));
  });

  app.post<{ Body: Form }>('/challenge', async (request, reply) => {
    const form = formOf(request.body);
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
