/**
 * Wallet Gateway (`ali-api-gw-rest`, base URL ends in `/rest`): app login with an Ed25519 signature, JWT
 * sessions, /health, /configs, users, virtual cards and funds operations. Errors are CustomResponses with the
 * catalog's codes, statuses and messages; an unknown route is 404 `7010 NOT_FOUND`.
 *
 * What the docs leave open is served as the readings say (schemas/readings.ts): the signed login bytes, the
 * envelope of login/refresh/health, the refresh body and path, the applicationId header's name and the calls that
 * need it.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { FundsRequestSchema, type FundsRequest } from '../../schemas/funds-request.schema';
import { LoginRequestSchema } from '../../schemas/login-request.schema';
import { RefreshRequestSchema } from '../../schemas/refresh-request.schema';
import { optionNames } from '../../schemas/readings';
import { UserRequestSchema } from '../../schemas/user-request.schema';
import type { SimulatorContext } from '../context';
import { signsLogin } from '../credentials';
import { customResponseErrors, gatewayError, GUARD_UNAUTHORIZED } from '../errors';
import { Sessions } from '../sessions';
import { compileBodyCheck } from '../validation';
import { isLuhnValid } from '../test-cards';
import { createSurface, sendError, type SurfaceOptions } from './common';

export const WALLET_PREFIX = '/rest';
/** Currency of the cards the simulator issues (Guatemala, like the sandbox client). Ours. */
export const CARD_CURRENCY = 'GTQ';

// The amount is checked by the handler: a bad amount is 7001/7002, not the generic 7000 of schema validation.
const { $id: _fundsId, ...fundsWithoutId } = FundsRequestSchema;
const FundsBodySchema = {
  ...fundsWithoutId,
  properties: { ...FundsRequestSchema.properties, amount: {} },
};

/** The contract's FundsOperationDto with the amount left to the handler (see above). */
type FundsBody = Omit<FundsRequest, 'amount'> & { amount: unknown };

const UNITS = 10_000;

/** A Luhn-valid virtual card number; only its last 4 digits are kept. */
function virtualPan(): string {
  for (;;) {
    const pan = `400012${String(randomInt(0, 1e10)).padStart(10, '0')}`;
    if (isLuhnValid(pan)) return pan;
  }
}

export function buildWalletGateway(ctx: SimulatorContext, options: SurfaceOptions): FastifyInstance {
  const { mutations } = ctx;
  const app = createSurface(
    ctx,
    {
      name: 'walletGateway',
      prefix: WALLET_PREFIX,
      ...customResponseErrors(ctx),
    },
    options,
  );
  const sessions = new Sessions(ctx);

  // Environments page: `applicationId` on GET/PATCH /configs; many examples spell it `x-application-id` and send
  // it on card and funds calls too. Which header, and where, are the readings application-id-header and -placement.
  const applicationIdRefusal = (request: FastifyRequest) => {
    const given = request.headers[ctx.readings['application-id-header'].toLowerCase()];
    if (typeof given !== 'string' || given === '')
      return gatewayError('7000', ctx, `Missing header: ${ctx.readings['application-id-header']}`);
    if (given !== ctx.credentials.applicationId)
      return gatewayError('7000', ctx, 'Invalid header: applicationId is not this application');
    return undefined;
  };

  /** The app JWT, then (reading application-id-placement = every-call) the applicationId on every call. */
  const bearer: onRequestHookHandler = (request, reply, done) => {
    const auth = sessions.authenticate(request.headers.authorization, 'wallet');
    if (!auth.ok) return sendError(reply, auth.error);
    const refusal =
      ctx.readings['application-id-placement'] === 'every-call' ? applicationIdRefusal(request) : undefined;
    if (refusal) return sendError(reply, refusal);
    done();
  };

  /** A login, refresh or health answer in the envelope the reading wallet-envelope serves. */
  const envelope = (data: object) =>
    ctx.readings['wallet-envelope'] === 'custom-response'
      ? { success: true, message: 'ok', data }
      : { statusCode: 200, message: 'ok', data };

  const refreshBody = compileBodyCheck(RefreshRequestSchema);

  /** POST <path>: rotates the pair; the refresh token comes as the reading wallet-refresh-body serves it. */
  const refresh = async (request: FastifyRequest, reply: FastifyReply) => {
    let refreshToken: string;
    if (ctx.readings['wallet-refresh-body'] === 'authorization-header') {
      const header = request.headers.authorization;
      if (typeof header !== 'string' || !header.startsWith('Bearer '))
        return sendError(reply, GUARD_UNAUTHORIZED);
      refreshToken = header.slice(7).trim();
    } else {
      const problem = refreshBody(request.body);
      if (problem) return sendError(reply, gatewayError('7000', ctx, `Missing or invalid field: ${problem}`));
      refreshToken = (request.body as { refreshToken: string }).refreshToken;
    }
    const result = sessions.refresh(refreshToken, 'wallet');
    if (!result.ok) return sendError(reply, result.error);
    return envelope(result.pair);
  };

  app.register(
    async (api) => {
      api.post<{ Body: { merchant: string; signature: string } }>(
        '/auth/login',
        { schema: { body: LoginRequestSchema } },
        async (request, reply) => {
          const { merchant, signature } = request.body;
          if (merchant !== ctx.credentials.walletMerchant) return sendError(reply, GUARD_UNAUTHORIZED);
          if (
            !signsLogin(ctx.keys, merchant, signature, ctx.readings) &&
            !mutations.has('login-bad-signature-accepted')
          )
            return sendError(reply, GUARD_UNAUTHORIZED);
          const pair = sessions.issue(merchant, 'wallet', { applicationId: ctx.credentials.applicationId });
          return envelope(pair);
        },
      );

      // Both candidate paths are routes; only the one the reading wallet-refresh-path serves answers.
      for (const path of optionNames('wallet-refresh-path'))
        api.post(path, async (request, reply) =>
          ctx.readings['wallet-refresh-path'] === path
            ? refresh(request, reply)
            : sendError(reply, customResponseErrors(ctx).notFound()),
        );

      api.get('/health', async () =>
        mutations.has('health-without-status-code') ? { message: 'ok', data: {} } : envelope({}),
      );

      const applicationId: onRequestHookHandler = (request, reply, done) => {
        const header = ctx.readings['application-id-header'].toLowerCase();
        if (mutations.has('configs-application-id-optional') && request.headers[header] === undefined)
          return done();
        const refusal = applicationIdRefusal(request);
        if (refusal) return sendError(reply, refusal);
        done();
      };

      // The bearer guard checks the header itself under every-call; /configs always needs it.
      api.get('/configs', { onRequest: [bearer, applicationId] }, async () => ({
        success: true,
        message: 'ok',
        data: ctx.store.appConfig,
      }));

      api.patch(
        '/configs',
        { onRequest: [bearer, applicationId] },
        async (request: FastifyRequest, reply) => {
          const body = request.body;
          if (
            typeof body !== 'object' ||
            body === null ||
            Array.isArray(body) ||
            Object.keys(body).length === 0
          )
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: body must be a non-empty object'),
            );
          const { applicationId: _ignored, ...changes } = body as Record<string, unknown>;
          ctx.store.appConfig = { ...ctx.store.appConfig, ...changes };
          return { success: true, message: 'ok', data: ctx.store.appConfig };
        },
      );

      api.post<{ Body: Record<string, unknown> }>(
        '/users',
        { onRequest: bearer, schema: { body: UserRequestSchema } },
        async (request, reply) => {
          const body = request.body;
          const invited = typeof body.invitationCode === 'string';
          if (invited && body.password !== body.confirmPassword)
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: confirmPassword does not match password'),
            );
          if (!invited && (typeof body.username !== 'string' || body.username === ''))
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: username is required'),
            );
          const userId = randomUUID();
          ctx.store.users.set(userId, {
            userId,
            username: String(body.username),
            createdAtMs: ctx.clock.nowMs(),
          });
          return { success: true, message: 'User created', data: { userId } };
        },
      );

      api.post<{ Params: { userId: string } }>(
        '/users/:userId/cards/virtuals',
        { onRequest: bearer },
        async (request, reply) => {
          const user = ctx.store.users.get(request.params.userId);
          if (!user) return sendError(reply, gatewayError('7100', ctx));
          const pan = virtualPan();
          const cardId = ctx.store.nextCardId();
          ctx.store.cards.set(cardId, {
            cardId,
            userId: user.userId,
            last4: pan.slice(-4),
            status: 'active',
            currency: CARD_CURRENCY,
            balanceUnits: 0,
          });
          const data: Record<string, unknown> = {
            cardId,
            last4: pan.slice(-4),
            status: 'active',
            currency: CARD_CURRENCY,
            balance: 0,
          };
          if (mutations.has('pan-in-card-response')) data.pan = pan;
          return { success: true, message: 'Card created', data };
        },
      );

      api.post<{ Params: { cardId: string }; Body: FundsBody }>(
        '/cards/:cardId/funds',
        { onRequest: bearer, schema: { body: FundsBodySchema } },
        async (request, reply) => {
          const { amount, operation, reference, currency } = request.body;
          if (
            typeof amount !== 'number' ||
            !Number.isFinite(amount) ||
            Math.abs(amount * UNITS - Math.round(amount * UNITS)) > 1e-6
          )
            return sendError(
              reply,
              gatewayError('7002', ctx, 'amount must be a number with at most 4 decimals'),
            );
          if (amount <= 0) return sendError(reply, gatewayError('7001', ctx));
          if (!/^[0-9]+$/.test(request.params.cardId))
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: cardId must be numeric'),
            );
          const card = ctx.store.cards.get(Number(request.params.cardId));
          if (!card) return sendError(reply, gatewayError('7200', ctx));
          if (currency !== undefined && currency !== card.currency)
            return sendError(
              reply,
              gatewayError(
                '7000',
                ctx,
                `Missing or invalid field: currency must be the card currency ${card.currency}`,
              ),
            );
          const units = Math.round(amount * UNITS);
          if (operation === 'WITHDRAW_FUNDS' && units > card.balanceUnits)
            return sendError(reply, gatewayError('7303', ctx));
          card.balanceUnits += operation === 'ADD_FUNDS' ? units : -units;
          return {
            success: true,
            message: 'ok',
            data: {
              cardId: card.cardId,
              operation,
              amount,
              reference,
              balance: card.balanceUnits / UNITS,
              currency: card.currency,
            },
          };
        },
      );
    },
    { prefix: WALLET_PREFIX },
  );
  return app;
}
