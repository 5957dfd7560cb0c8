/**
 * Wallet Gateway (`ali-api-gw-rest`, base URL ends in `/rest`): app login with an Ed25519-signed merchant slug,
 * JWT sessions, /health, /configs, users, virtual cards and funds operations. Errors are CustomResponses with the
 * catalog's codes, statuses and messages; an unknown route is 404 `7010 NOT_FOUND`.
 */
import { randomInt, randomUUID, verify } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { FundsRequestSchema, type FundsRequest } from '../../schemas/funds-request.schema';
import { LoginRequestSchema } from '../../schemas/login-request.schema';
import { RefreshRequestSchema } from '../../schemas/refresh-request.schema';
import { UserRequestSchema } from '../../schemas/user-request.schema';
import type { SimulatorContext } from '../context';
import { customResponseErrors, gatewayError, GUARD_UNAUTHORIZED } from '../errors';
import { Sessions } from '../sessions';
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
      ...customResponseErrors(mutations),
    },
    options,
  );
  const sessions = new Sessions(ctx);

  const bearer: onRequestHookHandler = (request, reply, done) => {
    const auth = sessions.authenticate(request.headers.authorization, 'wallet');
    if (auth.ok) return done();
    sendError(reply, auth.error);
  };

  app.register(
    async (api) => {
      api.post<{ Body: { merchant: string; signature: string } }>(
        '/auth/login',
        { schema: { body: LoginRequestSchema } },
        async (request, reply) => {
          const { merchant, signature } = request.body;
          if (merchant !== ctx.credentials.walletMerchant) return sendError(reply, GUARD_UNAUTHORIZED);
          let valid = false;
          try {
            valid = verify(
              null,
              Buffer.from(merchant, 'utf8'),
              ctx.keys.walletPublic,
              Buffer.from(signature, 'base64'),
            );
          } catch {
            valid = false;
          }
          if (!valid && !mutations.has('login-bad-signature-accepted'))
            return sendError(reply, GUARD_UNAUTHORIZED);
          const pair = sessions.issue(merchant, 'wallet', { applicationId: ctx.credentials.applicationId });
          return { statusCode: 200, message: 'ok', data: pair };
        },
      );

      api.post<{ Body: { refreshToken: string } }>(
        '/auth/refresh',
        { schema: { body: RefreshRequestSchema } },
        async (request, reply) => {
          const result = sessions.refresh(request.body.refreshToken, 'wallet');
          if (!result.ok) return sendError(reply, result.error);
          return { statusCode: 200, message: 'ok', data: result.pair };
        },
      );

      api.get('/health', async () =>
        mutations.has('health-without-status-code')
          ? { message: 'ok', data: {} }
          : { statusCode: 200, message: 'ok', data: {} },
      );

      // Environments page: `applicationId` on GET/PATCH /configs; many examples spell it `x-application-id`.
      const applicationId: onRequestHookHandler = (request, reply, done) => {
        const given = request.headers.applicationid ?? request.headers['x-application-id'];
        if (mutations.has('configs-application-id-optional') && given === undefined) return done();
        if (typeof given !== 'string' || given === '')
          return sendError(reply, gatewayError('7000', mutations, 'Missing header: applicationId'));
        if (given !== ctx.credentials.applicationId)
          return sendError(
            reply,
            gatewayError('7000', mutations, 'Invalid header: applicationId is not this application'),
          );
        done();
      };

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
              gatewayError('7000', mutations, 'Missing or invalid field: body must be a non-empty object'),
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
              gatewayError(
                '7000',
                mutations,
                'Missing or invalid field: confirmPassword does not match password',
              ),
            );
          if (!invited && (typeof body.username !== 'string' || body.username === ''))
            return sendError(
              reply,
              gatewayError('7000', mutations, 'Missing or invalid field: username is required'),
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
          if (!user) return sendError(reply, gatewayError('7100', mutations));
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
              gatewayError('7002', mutations, 'amount must be a number with at most 4 decimals'),
            );
          if (amount <= 0) return sendError(reply, gatewayError('7001', mutations));
          if (!/^[0-9]+$/.test(request.params.cardId))
            return sendError(
              reply,
              gatewayError('7000', mutations, 'Missing or invalid field: cardId must be numeric'),
            );
          const card = ctx.store.cards.get(Number(request.params.cardId));
          if (!card) return sendError(reply, gatewayError('7200', mutations));
          if (currency !== undefined && currency !== card.currency)
            return sendError(
              reply,
              gatewayError(
                '7000',
                mutations,
                `Missing or invalid field: currency must be the card currency ${card.currency}`,
              ),
            );
          const units = Math.round(amount * UNITS);
          if (operation === 'WITHDRAW_FUNDS' && units > card.balanceUnits)
            return sendError(reply, gatewayError('7303', mutations));
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
