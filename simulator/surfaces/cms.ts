/**
 * CMS Backoffice (`ali-api-cms-rest`, base URL ends in `/cms/rest`): app login, CMS user login, and the
 * partner-scoped cardholder routes that need `Authorization: Bearer <app token>` and `x-user-token: Bearer <user
 * token>` (the guard rejects a raw user token); a partner the user is not assigned to is 403 FORBIDDEN.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { CmsAppLoginRequestSchema } from '../../schemas/cms-app-login-request.schema';
import { CmsCardholderRequestSchema } from '../../schemas/cms-cardholder-request.schema';
import { CmsUserLoginRequestSchema } from '../../schemas/cms-user-login-request.schema';
import { RefreshRequestSchema } from '../../schemas/refresh-request.schema';
import type { SimulatorContext } from '../context';
import { signsLogin } from '../credentials';
import { customResponseErrors, gatewayError, GUARD_FORBIDDEN, GUARD_UNAUTHORIZED } from '../errors';
import { Sessions } from '../sessions';
import type { Cardholder } from '../store';
import { createSurface, sendError, type SurfaceOptions } from './common';

export const CMS_PREFIX = '/cms/rest';

/** The one CMS operator of the simulator (id 1, like the docs' example). */
const CMS_USER = { id: 1, name: 'Local Simulator Operator' };

const SORTABLE = ['name', 'lastName', 'email', 'createdAt', 'id'];

interface ListQuery {
  page?: string;
  limit?: string;
  searchText?: string;
  sortBy?: string;
  sortOrder?: string;
}

export function buildCms(ctx: SimulatorContext, options: SurfaceOptions): FastifyInstance {
  const { mutations } = ctx;
  const app = createSurface(
    ctx,
    {
      name: 'cms',
      prefix: CMS_PREFIX,
      ...customResponseErrors(ctx),
    },
    options,
  );
  const sessions = new Sessions(ctx);

  const appToken: onRequestHookHandler = (request, reply, done) => {
    const auth = sessions.authenticate(request.headers.authorization, 'cms-app');
    if (auth.ok) return done();
    sendError(reply, auth.error);
  };

  /** Both tokens, then the partner assignment (401 before 403, as guards run in that order). */
  const partnerGuard: onRequestHookHandler = (request, reply, done) => {
    const app = sessions.authenticate(request.headers.authorization, 'cms-app');
    if (!app.ok) return sendError(reply, app.error);
    const header = request.headers['x-user-token'];
    if (header === undefined && mutations.has('cms-user-token-optional')) return done();
    const user = sessions.authenticate(
      typeof header === 'string' ? header : undefined,
      'cms-user',
      mutations.has('cms-raw-user-token-accepted'),
    );
    if (!user.ok) return sendError(reply, user.error);
    const partners = Array.isArray(user.claims.partners) ? user.claims.partners : [];
    const { partnerId } = request.params as { partnerId?: string };
    if (!partners.includes(partnerId)) return sendError(reply, GUARD_FORBIDDEN);
    done();
  };

  app.register(
    async (api) => {
      api.post<{ Body: { merchant: string; signature?: unknown } }>(
        '/app/auth/login',
        { schema: { body: CmsAppLoginRequestSchema } },
        async (request, reply) => {
          if (request.body.merchant !== ctx.credentials.cmsMerchant)
            return sendError(reply, GUARD_UNAUTHORIZED);
          // Reading cms-app-login-body = merchant-signature: signed as the Wallet Gateway login, with the
          // application's Ed25519 key (the simulator's one application holds one key).
          if (ctx.readings['cms-app-login-body'] === 'merchant-signature') {
            const { signature } = request.body;
            if (typeof signature !== 'string' || signature === '')
              return sendError(
                reply,
                gatewayError('7000', ctx, 'Missing or invalid field: signature is required'),
              );
            if (!signsLogin(ctx.keys, request.body.merchant, signature, ctx.readings))
              return sendError(reply, GUARD_UNAUTHORIZED);
          }
          return { success: true, message: 'ok', data: sessions.issue(request.body.merchant, 'cms-app') };
        },
      );

      api.post<{ Body: { refreshToken: string } }>(
        '/app/auth/refresh',
        { schema: { body: RefreshRequestSchema } },
        async (request, reply) => {
          const result = sessions.refresh(request.body.refreshToken, 'cms-app');
          return result.ok
            ? { success: true, message: 'ok', data: result.pair }
            : sendError(reply, result.error);
        },
      );

      api.post<{ Body: { email: string; password: string } }>(
        '/app/users/login',
        { onRequest: appToken, schema: { body: CmsUserLoginRequestSchema } },
        async (request, reply) => {
          const { email, password } = request.body;
          if (email !== ctx.credentials.cmsEmail || password !== ctx.credentials.cmsPassword)
            return sendError(reply, GUARD_UNAUTHORIZED);
          const pair = sessions.issue(String(CMS_USER.id), 'cms-user', {
            partners: [ctx.credentials.partnerId],
          });
          return {
            success: true,
            data: {
              id: CMS_USER.id,
              accessToken: pair.accessToken,
              refreshToken: pair.refreshToken,
              email,
              name: CMS_USER.name,
            },
          };
        },
      );

      api.post<{ Body: { refreshToken: string } }>(
        '/app/users/refresh',
        { onRequest: appToken, schema: { body: RefreshRequestSchema } },
        async (request, reply) => {
          const result = sessions.refresh(request.body.refreshToken, 'cms-user');
          if (!result.ok) return sendError(reply, result.error);
          return { success: true, data: { id: CMS_USER.id, ...result.pair } };
        },
      );

      api.get<{ Params: { partnerId: string }; Querystring: ListQuery }>(
        '/app/partners/:partnerId/cardholders',
        { onRequest: partnerGuard },
        async (request, reply) => {
          const query = request.query;
          const page = query.page === undefined ? 1 : Number(query.page);
          const limit = query.limit === undefined ? 10 : Number(query.limit);
          if (!Number.isInteger(page) || page < 1)
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: page must be a positive integer'),
            );
          if (!Number.isInteger(limit) || limit < 1 || limit > 100)
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: limit must be an integer from 1 to 100'),
            );
          const sortBy = query.sortBy ?? 'id';
          if (!SORTABLE.includes(sortBy))
            return sendError(
              reply,
              gatewayError(
                '7000',
                ctx,
                `Missing or invalid field: sortBy must be one of ${SORTABLE.join(', ')}`,
              ),
            );
          const order = (query.sortOrder ?? 'ASC').toUpperCase();
          if (order !== 'ASC' && order !== 'DESC')
            return sendError(
              reply,
              gatewayError('7000', ctx, 'Missing or invalid field: sortOrder must be ASC or DESC'),
            );
          const search = (query.searchText ?? '').toLowerCase();
          const all = [...ctx.store.cardholders.values()].filter(
            (c) =>
              c.partnerId === request.params.partnerId &&
              (!search ||
                [c.name, c.lastName, c.email].some((v) => String(v).toLowerCase().includes(search))),
          );
          all.sort((a, b) => {
            const x = String(a[sortBy] ?? '');
            const y = String(b[sortBy] ?? '');
            const cmp = sortBy === 'id' ? a.id - b.id : x.localeCompare(y);
            return order === 'ASC' ? cmp : -cmp;
          });
          const items = all.slice((page - 1) * limit, page * limit);
          return { success: true, message: 'ok', data: { items, page, limit, total: all.length } };
        },
      );

      api.post<{ Params: { partnerId: string }; Body: Record<string, unknown> }>(
        '/app/partners/:partnerId/cardholders',
        { onRequest: partnerGuard, schema: { body: CmsCardholderRequestSchema } },
        async (request) => {
          const cardholder: Cardholder = {
            ...request.body,
            id: ctx.store.nextCardholderId(),
            partnerId: request.params.partnerId,
            createdAt: new Date(ctx.clock.nowMs()).toISOString(),
          };
          ctx.store.cardholders.set(cardholder.id, cardholder);
          return { success: true, message: 'Cardholder created', data: cardholder };
        },
      );
    },
    { prefix: CMS_PREFIX },
  );
  return app;
}
