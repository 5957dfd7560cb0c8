/**
 * Middleware (`migo-api`, root path): Payment Links (`POST /transactions`, `POST /transactions-hook`) and
 * Alternative Payments (create, payment-intents, payments, dismiss). Request bodies are validated with the
 * contract's own request schemas; errors use the Middleware `ownCode` envelope, never a 7000–8099 code.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AltPaymentIntentRequestSchema } from '../../schemas/alt-payment-intent-request.schema';
import { AltPaymentRequestSchema, type AltPaymentRequest } from '../../schemas/alt-payment-request.schema';
import {
  AltTransactionRequestSchema,
  type AltTransactionRequest,
} from '../../schemas/alt-transaction-request.schema';
import { PaymentLinkRequestSchema, type PaymentLinkRequest } from '../../schemas/payment-link-request.schema';
import { TransactionsHookRequestSchema } from '../../schemas/transactions-hook-request.schema';
import { ALTERNATIVE_TTL_SEC, type SimulatorContext } from '../context';
import {
  catalogMessage,
  catalogStatus,
  middlewareError,
  middlewareValidationError,
  MIDDLEWARE_NOT_FOUND,
  MIDDLEWARE_UNAUTHORIZED,
  type ErrorReply,
} from '../errors';
import { randomHex } from '../ids';
import { expireIfDue } from '../outcomes';
import {
  cancelBehaviour,
  UNKNOWN_PAYLOAD_KIND,
  intentFor,
  isProcessorName,
  paymentRequestFor,
  PROCESSORS,
  type ProcessorModel,
  type ProcessorName,
} from '../processors';
import { TERMINAL_ALTERNATIVE, type AlternativeTransaction, type PaymentLinkTransaction } from '../store';
import { createSurface, sendError, type SurfaceOptions } from './common';

/** Merchant min/max for Alternative Payments amounts. The real limits are per merchant; these are ours. */
export const ALTERNATIVE_AMOUNT_LIMITS = { min: 0.01, max: 100_000_000 };

const ALT = '/api/v1/integrations/transactions';

type PaymentLinkBody = PaymentLinkRequest;
type AltCreateBody = AltTransactionRequest;
type ProcessorBody = AltPaymentRequest;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** At most 4 decimals (create-transaction page), with float noise tolerated. */
function hasAtMostFourDecimals(amount: number): boolean {
  const scaled = amount * 10_000;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export function buildMiddleware(ctx: SimulatorContext, options: SurfaceOptions): FastifyInstance {
  const { mutations } = ctx;
  // Every request-validation failure: 400 / ownCode 5000, or 422 under the reading middleware-validation-status.
  const badInput = (message: string): ErrorReply => middlewareValidationError(ctx, message);
  const app = createSurface(
    ctx,
    {
      name: 'middleware',
      prefix: '',
      badInput,
      internal: () => ({ status: 500, body: { message: 'Internal server error' } }),
      notFound: () => MIDDLEWARE_NOT_FOUND,
    },
    options,
  );

  /**
   * The shared authorizer: the merchant token in `Authorization`, raw or after a `Bearer ` (stripped). Which forms
   * each family accepts is a reading: payment-link-bearer (optional | refused | required) for Payment Links,
   * alternative-bearer (optional | required) for Alternative Payments. `paymentLink` also enables the two
   * Payment-Link-only mutations.
   */
  const merchantToken =
    (paymentLink: boolean): onRequestHookHandler =>
    (request, reply, done) => {
      const header = request.headers.authorization;
      if (header === undefined || header === '') {
        if (mutations.has('missing-token-accepted')) return done();
        sendError(reply, MIDDLEWARE_UNAUTHORIZED);
        return;
      }
      const bearer = /^bearer /i.test(header);
      const prefix = paymentLink ? ctx.readings['payment-link-bearer'] : ctx.readings['alternative-bearer'];
      const refused =
        (bearer && prefix === 'refused') ||
        (!bearer && prefix === 'required') ||
        (paymentLink &&
          ((bearer && mutations.has('payment-link-bearer-refused')) ||
            (!bearer && mutations.has('payment-link-raw-token-refused'))));
      const token = bearer ? header.slice(7).trim() : header.trim();
      if (
        !refused &&
        (sameSecret(token, ctx.credentials.merchantToken) || mutations.has('wrong-token-accepted'))
      )
        return done();
      sendError(reply, MIDDLEWARE_UNAUTHORIZED);
    };

  // "Both /transactions endpoints have CORS enabled at the service level" (React quickstart, choose-flow).
  const cors: onRequestHookHandler = (_request, reply, done) => {
    reply.header('access-control-allow-origin', '*');
    done();
  };
  const preflight = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .send();

  const wrongClient = (client: string | undefined): ErrorReply | undefined =>
    client !== undefined && client !== ctx.credentials.clientSlug
      ? badInput(`Missing or invalid field: client "${client}" is not the client of these credentials`)
      : undefined;

  const createLink = (body: PaymentLinkBody) => {
    const identity = ctx.store.nextIdentity(ctx.credentials.clientSlug);
    const txn: PaymentLinkTransaction = {
      kind: 'payment-link',
      ...identity,
      client: ctx.credentials.clientSlug,
      amount: body.amount,
      currency: body.currency ?? 'GTQ',
      status: 'created',
      createdAtMs: ctx.clock.nowMs(),
    };
    ctx.store.transactions.set(txn.uid, txn);
    const link = `${ctx.urls.webview}/?orderId=${txn.uid}`;
    // Reading payment-link-url: the Dominican Republic recipe's envelope with a lowercase data.url.
    if (ctx.readings['payment-link-url'] === 'data-url')
      return {
        success: true,
        message: 'Transaction created',
        data: { uid: txn.uid, reference: txn.reference, url: link },
      };
    const created = mutations.has('payment-link-lowercase-url')
      ? { uid: txn.uid, reference: txn.reference, url: link }
      : { uid: txn.uid, reference: txn.reference, URL: link };
    if (mutations.has('payment-link-envelope'))
      return { success: true, message: 'Transaction created', data: created };
    // Reading payment-link-extra-fields: a target whose clients ignore unknown fields may add the Middleware's flag.
    return ctx.readings['payment-link-extra-fields'] === 'ignored' ? { success: true, ...created } : created;
  };

  app.options('/transactions', preflight);
  app.post<{ Body: PaymentLinkBody }>(
    '/transactions',
    { onRequest: [cors, merchantToken(true)], schema: { body: PaymentLinkRequestSchema } },
    async (request, reply) => {
      const invalid = wrongClient(request.body.client);
      return invalid ? sendError(reply, invalid) : createLink(request.body);
    },
  );

  app.options('/transactions-hook', preflight);
  app.post<{ Body: PaymentLinkBody & { privateKey?: unknown; publicKey?: unknown } }>(
    '/transactions-hook',
    {
      onRequest: cors,
      // The key pair is the credential: a wrong or missing pair is a 401 before any other check.
      preValidation: (request, reply, done) => {
        const body = (request.body ?? {}) as { privateKey?: unknown; publicKey?: unknown };
        const paired =
          typeof body.privateKey === 'string' &&
          typeof body.publicKey === 'string' &&
          sameSecret(body.privateKey, ctx.credentials.privateKey) &&
          sameSecret(body.publicKey, ctx.credentials.publicKey);
        if (paired || (mutations.has('hook-wrong-keys-accepted') && typeof request.body === 'object'))
          return done();
        sendError(reply, MIDDLEWARE_UNAUTHORIZED);
      },
      schema: { body: TransactionsHookRequestSchema },
    },
    async (request, reply) => {
      const invalid = wrongClient(request.body.client);
      return invalid ? sendError(reply, invalid) : createLink(request.body);
    },
  );

  const altAuth = merchantToken(false);

  app.post<{ Body: AltCreateBody }>(
    ALT,
    { onRequest: altAuth, schema: { body: AltTransactionRequestSchema } },
    async (request, reply) => {
      const { amount, client } = request.body;
      const invalid = wrongClient(client);
      if (invalid) return sendError(reply, invalid);
      if (!hasAtMostFourDecimals(amount))
        return sendError(reply, badInput('Missing or invalid field: amount has more than 4 decimals'));
      if (amount < ALTERNATIVE_AMOUNT_LIMITS.min || amount > ALTERNATIVE_AMOUNT_LIMITS.max)
        return sendError(
          reply,
          badInput(
            `Missing or invalid field: amount must be between ${ALTERNATIVE_AMOUNT_LIMITS.min} and ${ALTERNATIVE_AMOUNT_LIMITS.max} for this merchant`,
          ),
        );
      const identity = ctx.store.nextIdentity(client);
      const txn: AlternativeTransaction = {
        kind: 'alternative',
        ...identity,
        client,
        amount,
        status: 'CREATED',
        paymentMethods: [...ctx.client().paymentMethods],
        expiresAtMs: ctx.clock.nowMs() + ALTERNATIVE_TTL_SEC * 1000,
      };
      ctx.store.transactions.set(txn.uid, txn);
      return {
        success: true,
        message: 'Transaction created',
        data: { uid: txn.uid, paymentMethods: txn.paymentMethods, expireAt: ALTERNATIVE_TTL_SEC },
      };
    },
  );

  const findAlternative = (uid: string): AlternativeTransaction | undefined => {
    const txn = ctx.store.transactions.get(uid);
    if (!txn || txn.kind !== 'alternative') return undefined;
    expireIfDue(ctx, txn);
    return txn;
  };

  /** The checks payment-intents and payments share; answers the error itself and returns undefined then. */
  const payable = (
    request: FastifyRequest<{ Params: { transactionId: string }; Body: ProcessorBody }>,
    reply: FastifyReply,
  ): { txn: AlternativeTransaction; processor: ProcessorName } | undefined => {
    const txn = findAlternative(request.params.transactionId);
    if (!txn) {
      sendError(reply, middlewareError('2000', ctx));
      return undefined;
    }
    const { processor } = request.body;
    if (!isProcessorName(processor)) {
      sendError(
        reply,
        badInput(`Missing or invalid field: processor "${processor}" is not a known processor`),
      );
      return undefined;
    }
    if (!txn.paymentMethods.includes(processor)) {
      sendError(
        reply,
        badInput(
          `Missing or invalid field: processor "${processor}" is not in this transaction's paymentMethods (${txn.paymentMethods.join(', ')})`,
        ),
      );
      return undefined;
    }
    if (TERMINAL_ALTERNATIVE.has(txn.status)) {
      sendError(reply, middlewareError('4020', ctx, `Ineligible status: the transaction is ${txn.status}`));
      return undefined;
    }
    return { txn, processor };
  };

  app.post<{ Params: { transactionId: string }; Body: ProcessorBody }>(
    `${ALT}/:transactionId/payment-intents`,
    { onRequest: altAuth, schema: { body: AltPaymentIntentRequestSchema } },
    async (request, reply) => {
      const found = payable(request, reply);
      if (!found) return reply;
      // USED = the payer picked a rail but nothing exists upstream yet (our reading; see the README).
      if (found.txn.status === 'CREATED') found.txn.status = 'USED';
      const data = intentFor(found.processor);
      return data ? { success: true, message: 'success', data } : { success: true, data: null };
    },
  );

  app.post<{ Params: { transactionId: string }; Body: ProcessorBody }>(
    `${ALT}/:transactionId/payments`,
    { onRequest: altAuth, schema: { body: AltPaymentRequestSchema } },
    async (request, reply) => {
      const found = payable(request, reply);
      if (!found) return reply;
      const { txn, processor } = found;
      const data = request.body.data ?? {};
      const model: ProcessorModel = PROCESSORS[processor];
      const needs = model.needsOneOf ?? [];
      if (needs.length > 0 && !needs.some((field) => typeof data[field] === 'string' && data[field] !== ''))
        return sendError(
          reply,
          badInput(`Missing or invalid field: ${processor} needs data.${needs.join(' or data.')}`),
        );
      // IN_PROGRESS = a payment request exists at the processor: from here dismiss needs a cancel.
      txn.status = 'IN_PROGRESS';
      txn.processor = processor;
      const installments = typeof data.installments === 'number' ? data.installments : undefined;
      const payment = paymentRequestFor({
        processor,
        uid: txn.uid,
        reference: txn.reference,
        amount: txn.amount,
        client: txn.client,
        webviewUrl: ctx.urls.webview,
        readings: ctx.readings,
        ...(installments !== undefined ? { installments } : {}),
      });
      return {
        success: true,
        message: 'Success',
        data: {
          transaction_id: `${processor}_${randomHex(16)}`,
          type: mutations.has('unknown-payload-kind') ? UNKNOWN_PAYLOAD_KIND : payment.type,
          data: payment.data,
          cancelAt: null,
        },
      };
    },
  );

  const missingTransactionId = async (_request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, middlewareError('5000', ctx));
  app.post(`${ALT}/dismiss`, { onRequest: altAuth }, missingTransactionId);

  app.post<{ Params: { transactionId: string } }>(
    `${ALT}/:transactionId/dismiss`,
    { onRequest: altAuth },
    async (request, reply) => {
      if (request.params.transactionId.trim() === '') return missingTransactionId(request, reply);
      const txn = findAlternative(request.params.transactionId);
      if (!txn) {
        if (mutations.has('dismiss-unknown-gateway-code'))
          return reply
            .code(catalogStatus('7010', ctx.readings))
            .send({ success: false, ownCode: Number('7010'), message: catalogMessage('7010') });
        return sendError(reply, middlewareError('2000', ctx));
      }
      const ok = () => reply.type('text/plain; charset=utf-8').send('OK');
      switch (txn.status) {
        case 'CREATED':
        case 'USED':
          if (!mutations.has('dismiss-without-effect')) txn.status = 'DISMISSED';
          return ok();
        case 'IN_PROGRESS': {
          const cancel = txn.processor ? cancelBehaviour(txn.processor, ctx.readings) : 'none';
          if (cancel === 'hook') {
            txn.status = 'CANCELLED';
            const status = mutations.has('alternative-status-lowercase') ? 'cancelled' : txn.status;
            return { message: 'Transaction cancelled', transaction: { uid: txn.uid, status } };
          }
          if (cancel === 'upstream') {
            txn.status = 'DISMISSED';
            return ok();
          }
          return sendError(reply, middlewareError('4021', ctx));
        }
        case 'APPROVED':
          if (mutations.has('dismiss-approved-ok')) {
            txn.status = 'DISMISSED';
            return ok();
          }
          return sendError(reply, middlewareError('4020', ctx, `Ineligible status: ${txn.status}`));
        default:
          return sendError(reply, middlewareError('4020', ctx, `Ineligible status: ${txn.status}`));
      }
    },
  );

  return app;
}
