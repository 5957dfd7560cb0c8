/**
 * The OpenAPI document against the simulator, fuzzed: for every operation, bodies generated from its request
 * schema (valid, required fields missing, wrong types, boundary values, not an object; ./schema-fuzz.ts, seeded),
 * malformed JSON, no credentials and wrong credentials. Every answer must be a status the document lists for that
 * operation, never a 5xx, with a body that matches the document's schema for that status. The simulator runs
 * without faults or mutations, under today's readings, as the document is written.
 */
import { expect, test } from '@playwright/test';
import type { OpenAPIV3_1 } from 'openapi-types';
import { signLogin } from '../../fixtures/clients';
import { buildOpenApiDocument } from '../../schemas/openapi';
import { OPERATIONS, type OperationSpec } from '../../schemas/operations';
import { validate, type SchemaName } from '../../schemas/registry';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { bodyVariants, type Variant } from './schema-fuzz';

const SEED = 20261202;
const doc = buildOpenApiDocument();

interface Sent {
  name: string;
  headers: Record<string, string>;
  body?: string;
  query?: string;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(url: string, method: string, request: Sent): Promise<Answer> {
  const response = await fetch(url + (request.query ?? ''), {
    method: method.toUpperCase(),
    headers: request.headers,
    body: request.body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

function documented(op: OperationSpec): OpenAPIV3_1.OperationObject {
  const item = doc.paths?.[op.path] as Record<string, OpenAPIV3_1.OperationObject>;
  return item[op.method]!;
}

const refName = (schema: unknown): SchemaName[] => {
  const s = schema as { $ref?: string; anyOf?: { $ref: string }[] };
  const refs = s.$ref ? [s.$ref] : (s.anyOf ?? []).map((r) => r.$ref);
  return refs.map((ref) => ref.replace('#/components/schemas/', '') as SchemaName);
};

/** Why an answer breaks the document, or undefined. */
function violation(op: OpenAPIV3_1.OperationObject, answer: Answer): string | undefined {
  if (answer.status >= 500) return `a ${answer.status}`;
  const response = op.responses?.[String(answer.status)] as OpenAPIV3_1.ResponseObject | undefined;
  if (!response)
    return `status ${answer.status}, which the document does not list (${Object.keys(op.responses ?? {}).join(', ')})`;
  const content = response.content ?? {};
  if (answer.contentType.startsWith('text/plain') && content['text/plain']) {
    const allowed = (content['text/plain'].schema as { enum?: string[] }).enum ?? [];
    return allowed.includes(answer.text)
      ? undefined
      : `text "${answer.text.slice(0, 60)}" is not one of ${allowed.join(', ')}`;
  }
  const json = content['application/json'];
  if (!json) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `a body that is not JSON: ${answer.text.slice(0, 80)}`;
  }
  const names = refName(json.schema);
  const results = names.map((name) => validate(name, body));
  if (results.some((r) => r.valid)) return undefined;
  return `a body that matches no schema of ${answer.status} (${names.join(' | ')}): ${results
    .flatMap((r) => r.errors.map((e) => `${e.path || '/'} ${e.message}`))
    .slice(0, 3)
    .join('; ')}`;
}

/** What the simulator needs to know to get past authentication and lookups: its credentials, tokens and ids. */
class World {
  walletToken = '';
  cmsAppToken = '';
  cmsUserToken = '';
  userId = '';
  cardId = 0;

  constructor(readonly sim: RunningSimulator) {}

  get c() {
    return this.sim.credentials;
  }

  private async json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
    const response = await fetch(url, init);
    return (await response.json()) as Record<string, unknown>;
  }

  async walletLogin(): Promise<{ accessToken: string; refreshToken: string }> {
    const body = await this.json(`${this.sim.urls.walletGateway}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        merchant: this.c.walletMerchant,
        signature: signLogin(this.c.walletMerchant, this.c.walletPrivateKey),
      }),
    });
    return body.data as { accessToken: string; refreshToken: string };
  }

  async prepare(): Promise<void> {
    this.walletToken = (await this.walletLogin()).accessToken;
    const auth = { authorization: `Bearer ${this.walletToken}`, 'content-type': 'application/json' };
    const user = await this.json(`${this.sim.urls.walletGateway}/users`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ username: 'fuzz@example.com' }),
    });
    this.userId = (user.data as { userId: string }).userId;
    const card = await this.json(`${this.sim.urls.walletGateway}/users/${this.userId}/cards/virtuals`, {
      method: 'POST',
      headers: { authorization: auth.authorization },
    });
    this.cardId = (card.data as { cardId: number }).cardId;
    const app = await this.json(`${this.sim.urls.cms}/app/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ merchant: this.c.cmsMerchant }),
    });
    this.cmsAppToken = (app.data as { accessToken: string }).accessToken;
    const user2 = await this.json(`${this.sim.urls.cms}/app/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.cmsAppToken}` },
      body: JSON.stringify({ email: this.c.cmsEmail, password: this.c.cmsPassword }),
    });
    this.cmsUserToken = (user2.data as { accessToken: string }).accessToken;
  }

  async newTransaction(): Promise<string> {
    const created = await this.json(`${this.sim.urls.middleware}/api/v1/integrations/transactions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.c.merchantToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 10, channel: 'web', client: this.c.clientSlug, userId: '+50212345678' }),
    });
    return (created.data as { uid: string }).uid;
  }

  /** The credential headers of an operation: right, wrong (same shape, wrong values) or none. */
  credentials(op: OperationSpec, kind: 'right' | 'wrong'): Record<string, string> {
    const headers: Record<string, string> = {};
    const wrongJwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJmdXp6In0.c2lnbmF0dXJl';
    for (const scheme of op.security[0] ?? []) {
      const right = kind === 'right';
      if (scheme === 'merchantToken') headers.authorization = right ? this.c.merchantToken : '0'.repeat(64);
      if (scheme === 'merchantBearer')
        headers.authorization = `Bearer ${right ? this.c.merchantToken : '0'.repeat(64)}`;
      if (scheme === 'walletJwt') headers.authorization = `Bearer ${right ? this.walletToken : wrongJwt}`;
      if (scheme === 'applicationId') headers.applicationId = right ? this.c.applicationId : 'not-this-app';
      if (scheme === 'cmsAppToken') headers.authorization = `Bearer ${right ? this.cmsAppToken : wrongJwt}`;
      if (scheme === 'cmsUserToken')
        headers['x-user-token'] = `Bearer ${right ? this.cmsUserToken : wrongJwt}`;
    }
    return headers;
  }

  /** Body fields only the simulator can make valid (credentials, ids): laid over the generated valid body. */
  async known(op: OperationSpec): Promise<Record<string, unknown>> {
    switch (op.operationId) {
      case 'login':
        return {
          merchant: this.c.walletMerchant,
          signature: signLogin(this.c.walletMerchant, this.c.walletPrivateKey),
        };
      case 'refreshToken':
        return { refreshToken: (await this.walletLogin()).refreshToken };
      case 'cmsAppLogin':
        return { merchant: this.c.cmsMerchant };
      case 'cmsUserLogin':
        return { email: this.c.cmsEmail, password: this.c.cmsPassword };
      case 'createPaymentLink':
      case 'createAlternativePaymentTransaction':
        return { client: this.c.clientSlug };
      case 'createPaymentLinkWithBodyCredentials':
        return { client: this.c.clientSlug, privateKey: this.c.privateKey, publicKey: this.c.publicKey };
      case 'createAlternativePaymentIntent':
      case 'createAlternativePayment':
        return { processor: 'push-payment-gateway', data: {} };
      case 'createCardholder':
        return { cardId: this.cardId };
      case 'createUser':
        // The schema requires nothing of the create-user form; the simulator keys a user by its username.
        return { username: 'fuzz@example.com' };
      case 'operateCardFunds':
        // A withdrawal from the new, empty card is refused as an over-spend (7303): the valid body adds funds.
        return { operation: 'ADD_FUNDS' };
      case 'updateConfigs':
        // The body is undocumented (free-form); the simulator wants a non-empty object.
        return { fuzzSetting: 'on' };
      default:
        return {};
    }
  }

  async path(op: OperationSpec): Promise<string> {
    let path: string = op.path;
    if (path.includes('{transactionId}')) path = path.replace('{transactionId}', await this.newTransaction());
    return path
      .replace('{userId}', this.userId)
      .replace('{cardId}', String(this.cardId))
      .replace('{partnerId}', this.c.partnerId);
  }
}

function requestSchema(op: OpenAPIV3_1.OperationObject): Record<string, unknown> | undefined {
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const schema = body?.content['application/json']?.schema as { $ref?: string } | undefined;
  if (!schema?.$ref) return schema as Record<string, unknown> | undefined;
  return doc.components!.schemas![schema.$ref.replace('#/components/schemas/', '')] as Record<
    string,
    unknown
  >;
}

/** Every request the fuzz sends to one operation. */
async function requestsFor(world: World, op: OperationSpec, seed: number): Promise<Sent[]> {
  const json = { 'content-type': 'application/json' };
  const right = world.credentials(op, 'right');
  const schema = requestSchema(documented(op));
  const sent: Sent[] = [];
  const withBody = (variant: Variant): Sent => ({
    name: `body ${variant.name}`,
    headers: { ...right, ...json },
    body: JSON.stringify(variant.body),
  });
  if (schema) {
    const variants = bodyVariants(schema, await world.known(op), seed);
    if (op.request !== 'free-form') {
      const valid = validate(op.request as SchemaName, variants[0]!.body);
      expect(valid.errors, `the generated valid body of ${op.operationId} matches its schema`).toEqual([]);
    }
    for (const variant of variants) sent.push(withBody(variant));
    sent.push({ name: 'malformed JSON', headers: { ...right, ...json }, body: '{"amount": 10,' });
  } else {
    sent.push({ name: 'no body', headers: right });
    if (op.method !== 'get')
      sent.push({ name: 'malformed JSON', headers: { ...right, ...json }, body: '{"amount": 10,' });
  }
  for (const name of op.query ?? []) {
    for (const value of ['0', '-1', 'x', '1000'])
      sent.push({ name: `query ${name}=${value}`, headers: right, query: `?${name}=${value}` });
  }
  const valid = sent[0]!;
  if ((op.security[0] ?? []).length > 0) {
    sent.push({ name: 'no credentials', headers: json, ...(valid.body ? { body: valid.body } : {}) });
    sent.push({
      name: 'wrong credentials',
      headers: { ...world.credentials(op, 'wrong'), ...json },
      ...(valid.body ? { body: valid.body } : {}),
    });
  }
  return sent;
}

test('every answer of the simulator to fuzzed requests is one the OpenAPI document lists, with its schema', async () => {
  test.setTimeout(120_000);
  const sim = await startSimulator({ callbackRetryScheduleMs: [20, 40, 80] });
  const breaks: string[] = [];
  const validRefused: string[] = [];
  let count = 0;
  try {
    const world = new World(sim);
    await world.prepare();
    for (const [index, op] of OPERATIONS.entries()) {
      const base = sim.urls[op.surface];
      const requests = await requestsFor(world, op, SEED + index);
      const first = requests[0];
      for (const request of requests) {
        // Each request gets the path it needs now: a fresh transaction, so no variant sees another's state.
        const answer = await send(base + (await world.path(op)), op.method, request);
        count += 1;
        const why = violation(documented(op), answer);
        // The first request of an operation is the valid one: it must get through, or the fuzz tests only refusals.
        if (request === first && answer.status !== 200)
          validRefused.push(
            `${op.method.toUpperCase()} ${op.path}: ${answer.status} ${answer.text.slice(0, 160)}`,
          );
        if (why)
          breaks.push(
            `${op.method.toUpperCase()} ${op.path} (${request.name}): ${why}; answered ${answer.status} ${answer.text.slice(0, 160)}`,
          );
      }
    }
  } finally {
    await sim.close();
  }
  expect(count, 'the fuzz stays within a few hundred requests').toBeLessThan(400);
  expect(count).toBeGreaterThan(150);
  expect(validRefused, 'valid requests the simulator refused').toEqual([]);
  expect(breaks, `answers the document does not describe (of ${count} requests)`).toEqual([]);
});
