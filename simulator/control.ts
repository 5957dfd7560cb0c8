/**
 * The control API under the reserved prefix `/__sim` (absent from real Migo), on every surface: reset, credentials,
 * client config, token lifetimes, clock, faults, mutations, the callback delivery log, and the stand-in for a
 * processor's webhook. JSON in and out; a bad request is a 400 `{error}` that says what to fix.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ControlInputError, mergeClientConfig } from './clients';
import type { SimulatorContext } from './context';
import { unknownMutations, describeUnknownMutations } from './mutations';
import { expireIfDue, finishAlternative } from './outcomes';
import { readingsProblem, servedReadings } from './readings';
import { READINGS } from '../schemas/readings';
import { TERMINAL_ALTERNATIVE } from './store';

const COMPLETE_STATUSES = ['APPROVED', 'DENIED', 'EXPIRED'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(reply: FastifyReply, status: number, error: string): FastifyReply {
  return reply.code(status).send({ error });
}

/** Bounds that keep every derived time a valid Date (a JWT `exp`, a cardholder's `createdAt`). */
const MAX_TTL_SEC = 10 * 365 * 24 * 3600;
const MAX_CLOCK_STEP_SEC = 100 * 365 * 24 * 3600;

function ttl(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_TTL_SEC;
}

export function registerControl(ctx: SimulatorContext) {
  return async function control(app: FastifyInstance): Promise<void> {
    const config = { control: true };

    app.post('/reset', { config }, async () => {
      ctx.reset();
      return { reset: true, mutations: ctx.mutations.enabled() };
    });

    app.get('/credentials', { config }, async () => ctx.credentials);

    app.get<{ Params: { slug: string } }>('/clients/:slug', { config }, async (request, reply) => {
      if (request.params.slug !== ctx.credentials.clientSlug)
        return fail(
          reply,
          404,
          `unknown client "${request.params.slug}"; this simulator has one client: "${ctx.credentials.clientSlug}".`,
        );
      return ctx.client();
    });

    app.put<{ Params: { slug: string } }>('/clients/:slug', { config }, async (request, reply) => {
      if (request.params.slug !== ctx.credentials.clientSlug)
        return fail(
          reply,
          404,
          `unknown client "${request.params.slug}"; this simulator has one client: "${ctx.credentials.clientSlug}".`,
        );
      try {
        const next = mergeClientConfig(ctx.client(), request.body);
        ctx.clients.set(next.slug, next);
        return next;
      } catch (error) {
        if (error instanceof ControlInputError) return fail(reply, 400, error.message);
        throw error;
      }
    });

    app.put('/tokens', { config }, async (request, reply) => {
      const body = request.body;
      if (!isObject(body))
        return fail(reply, 400, 'the body must be a JSON object: { accessTtlSec?, refreshTtlSec? }.');
      for (const key of Object.keys(body)) {
        if (key !== 'accessTtlSec' && key !== 'refreshTtlSec')
          return fail(reply, 400, `unknown field "${key}"; allowed: accessTtlSec, refreshTtlSec.`);
        if (!ttl(body[key]))
          return fail(reply, 400, `${key} must be a positive integer of seconds, at most ${MAX_TTL_SEC}.`);
      }
      if (ttl(body.accessTtlSec)) ctx.tokens.accessTtlSec = body.accessTtlSec;
      if (ttl(body.refreshTtlSec)) ctx.tokens.refreshTtlSec = body.refreshTtlSec;
      return ctx.tokens;
    });

    app.post('/clock', { config }, async (request, reply) => {
      const body = request.body;
      if (
        !isObject(body) ||
        typeof body.advanceSec !== 'number' ||
        !(Math.abs(body.advanceSec) <= MAX_CLOCK_STEP_SEC)
      )
        return fail(
          reply,
          400,
          `the body must be { "advanceSec": <seconds> }, a number from -${MAX_CLOCK_STEP_SEC} to ${MAX_CLOCK_STEP_SEC}.`,
        );
      ctx.clock.advance(body.advanceSec);
      return { now: ctx.clock.nowSec(), offsetSec: ctx.clock.offsetSec };
    });

    app.post('/faults', { config }, async (request, reply) => {
      try {
        return { fault: ctx.faults.add(request.body), active: ctx.faults.list() };
      } catch (error) {
        if (error instanceof ControlInputError) return fail(reply, 400, error.message);
        throw error;
      }
    });

    app.get('/faults', { config }, async () => ctx.faults.list());

    app.delete('/faults', { config }, async () => {
      ctx.faults.clear();
      return { active: [] };
    });

    app.get('/mutations', { config }, async () => ctx.mutations.list());

    app.put('/mutations', { config }, async (request, reply) => {
      const body = request.body;
      if (!isObject(body) || !Array.isArray(body.enabled) || body.enabled.some((n) => typeof n !== 'string'))
        return fail(reply, 400, 'the body must be { "enabled": ["<mutation name>", …] }.');
      const names = body.enabled as string[];
      const unknown = unknownMutations(names);
      if (unknown.length > 0) return fail(reply, 400, describeUnknownMutations(unknown));
      ctx.mutations.replace(names);
      await ctx.mutations.changed();
      return ctx.mutations.list();
    });

    app.get('/readings', { config }, async () =>
      READINGS.map((reading) => ({
        name: reading.name,
        option: ctx.readings[reading.name as keyof typeof ctx.readings],
        options: reading.options.map((option) => option.name),
        default: reading.default,
      })),
    );

    // Replaces the served options: readings left out go back to their defaults.
    app.put('/readings', { config }, async (request, reply) => {
      const body = request.body;
      if (!isObject(body) || !isObject(body.readings))
        return fail(reply, 400, 'the body must be { "readings": { "<name>": "<option>", … } }.');
      const problem = readingsProblem(body.readings);
      if (problem) return fail(reply, 400, `${problem}.`);
      ctx.readings = servedReadings(body.readings);
      return ctx.readings;
    });

    app.get<{ Querystring: { uid?: string } }>('/deliveries', { config }, async (request) =>
      ctx.callbacks.deliveries(typeof request.query.uid === 'string' ? request.query.uid : undefined),
    );

    // Reads an Alternative Payments transaction's state: Migo documents no such read, so a spec that must see
    // the state (not only an answer that may be the same either way) runs where this exists, against the simulator.
    app.get<{ Params: { uid: string } }>('/alternative/:uid', { config }, async (request, reply) => {
      const txn = ctx.store.transactions.get(request.params.uid);
      if (!txn || txn.kind !== 'alternative')
        return fail(reply, 404, `no alternative-payment transaction "${request.params.uid}".`);
      expireIfDue(ctx, txn);
      return { uid: txn.uid, status: txn.status };
    });

    app.post<{ Params: { uid: string } }>(
      '/alternative/:uid/complete',
      { config },
      async (request, reply) => {
        const body = request.body;
        const status = isObject(body) ? body.status : undefined;
        if (typeof status !== 'string' || !(COMPLETE_STATUSES as readonly string[]).includes(status))
          return fail(reply, 400, `the body must be { "status": "${COMPLETE_STATUSES.join('" | "')}" }.`);
        const txn = ctx.store.transactions.get(request.params.uid);
        if (!txn || txn.kind !== 'alternative')
          return fail(reply, 404, `no alternative-payment transaction "${request.params.uid}".`);
        expireIfDue(ctx, txn);
        if (TERMINAL_ALTERNATIVE.has(txn.status))
          return fail(
            reply,
            409,
            `transaction ${txn.uid} is already ${txn.status}; only an unfinished one can complete.`,
          );
        finishAlternative(ctx, txn, status as (typeof COMPLETE_STATUSES)[number]);
        return { uid: txn.uid, reference: txn.reference, status: txn.status };
      },
    );
  };
}
