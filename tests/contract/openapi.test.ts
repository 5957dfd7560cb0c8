import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, test } from '@playwright/test';
import type { OpenAPIV3_1 } from 'openapi-types';
import { ASSUMED, buildOpenApiDocument } from '../../schemas/openapi';
import { DEFAULT_READINGS, isReadingName, type ReadingName } from '../../schemas/readings';
import { SCHEMA_NAMES, schemaFor, validate } from '../../schemas/registry';

const doc = buildOpenApiDocument();

/** Every operation of the interfaces table (section A). */
const EXPECTED_OPERATIONS = [
  'post /transactions',
  'post /transactions-hook',
  'post /api/v1/integrations/transactions',
  'post /api/v1/integrations/transactions/{transactionId}/payment-intents',
  'post /api/v1/integrations/transactions/{transactionId}/payments',
  'post /api/v1/integrations/transactions/{transactionId}/dismiss',
  'post /auth/login',
  'post /auth/refresh',
  'get /health',
  'get /configs',
  'patch /configs',
  'post /users',
  'post /users/{userId}/cards/virtuals',
  'post /cards/{cardId}/funds',
  'post /app/auth/login',
  'post /app/users/login',
  'get /app/partners/{partnerId}/cardholders',
  'post /app/partners/{partnerId}/cardholders',
];

function operation(method: string, path: string): OpenAPIV3_1.OperationObject {
  const item = doc.paths?.[path] as Record<string, unknown> | undefined;
  const op = item?.[method] as OpenAPIV3_1.OperationObject | undefined;
  if (!op) throw new Error(`${method} ${path} is missing`);
  return op;
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    visit(key, value);
    walk(value, visit);
  }
}

test('the document is valid OpenAPI 3.1', async () => {
  const result = await new Validator().validate(doc as never);
  expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
  expect(result.valid).toBe(true);
  expect(doc.openapi).toBe('3.1.0');
});

test('every endpoint of the agreed table is documented, and nothing else', () => {
  const methods = ['get', 'put', 'post', 'delete', 'patch'];
  const found = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.filter((m) => m in (item ?? {})).map((m) => `${m} ${path}`),
  );
  expect(found.sort()).toEqual([...EXPECTED_OPERATIONS].sort());
});

test('component schemas are the registry schemas, self-contained', () => {
  const components = doc.components?.schemas ?? {};
  expect(Object.keys(components).sort()).toEqual([...SCHEMA_NAMES].sort());
  for (const name of SCHEMA_NAMES) {
    const { $id: _id, ...lenient } = schemaFor(name);
    expect(components[name], name).toEqual(JSON.parse(JSON.stringify(lenient)));
  }
  const refs: string[] = [];
  // Collected, then asserted once: an expect per key of the document (thousands) made this the slowest test.
  const ids: unknown[] = [];
  walk(doc, (key, value) => {
    if (key === '$id') ids.push(value);
    if (key === '$ref') refs.push(String(value));
  });
  expect(ids, 'no $id may claim the registry identity').toEqual([]);
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    expect(ref).toMatch(/^#\/components\/schemas\//);
    expect(components[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
  }
});

test('POST /transactions has its auth, servers, errors and a documented example', () => {
  const op = operation('post', '/transactions');
  expect(op.security).toEqual([{ merchantToken: [] }]);
  const ok = op.responses?.['200'] as OpenAPIV3_1.ResponseObject;
  const examples = Object.values(
    ok.content?.['application/json']?.examples ?? {},
  ) as OpenAPIV3_1.ExampleObject[];
  expect(examples.length).toBeGreaterThan(0);
  for (const example of examples) expect(validate('payment-link', example.value).valid).toBe(true);
  expect(Object.keys(op.responses ?? {}).sort()).toEqual(['200', '400', '401']);
  const servers = doc.paths?.['/transactions']?.servers?.map((s) => s.url);
  expect(servers).toEqual(
    expect.arrayContaining(['https://mw.migopayments.com', 'https://sb-mw.migopayments.com']),
  );
  expect(doc.components?.securitySchemes?.merchantToken).toMatchObject({
    type: 'apiKey',
    name: 'Authorization',
  });
});

test('each surface has its own servers and auth scheme', () => {
  expect(doc.paths?.['/health']?.servers?.map((s) => s.url)).toContain('https://api.ali.app/rest');
  expect(doc.paths?.['/app/auth/login']?.servers?.map((s) => s.url)).toContain(
    'https://api.ali.app/cms/rest',
  );
  expect(operation('post', '/api/v1/integrations/transactions').security).toEqual([{ merchantBearer: [] }]);
  expect(operation('get', '/configs').security).toEqual([{ walletJwt: [], applicationId: [] }]);
  expect(operation('post', '/cards/{cardId}/funds').security).toEqual([{ walletJwt: [] }]);
  expect(operation('post', '/app/partners/{partnerId}/cardholders').security).toEqual([
    { cmsAppToken: [], cmsUserToken: [] },
  ]);
  const hook = operation('post', '/transactions-hook');
  expect(hook.security).toEqual([{}]);
  expect(hook.description).toContain('privateKey + publicKey');
  expect(doc.components?.securitySchemes?.cmsUserToken).toMatchObject({ in: 'header', name: 'x-user-token' });
  expect(doc.components?.securitySchemes?.applicationId).toMatchObject({
    in: 'header',
    name: 'applicationId',
  });
});

test('error responses point at the error schemas', () => {
  const funds = operation('post', '/cards/{cardId}/funds').responses ?? {};
  for (const status of ['400', '404', '409']) {
    const content = (funds[status] as OpenAPIV3_1.ResponseObject).content?.['application/json'];
    expect(content?.schema, status).toEqual({ $ref: '#/components/schemas/gateway-error' });
  }
  const dismiss =
    operation('post', '/api/v1/integrations/transactions/{transactionId}/dismiss').responses ?? {};
  expect(Object.keys(dismiss).sort()).toEqual(['200', '400', '401', '404', '405', '409']);
  expect(Object.keys((dismiss['200'] as OpenAPIV3_1.ResponseObject).content ?? {})).toEqual([
    'text/plain',
    'application/json',
  ]);
});

/** Every response of every operation, with its `x-migo-assumed` extension when it has one. */
function everyResponse(): {
  where: string;
  status: string;
  assumed?: { reading: string; option: string; basis: string };
}[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {})
      .filter(([method]) => ['get', 'post', 'patch'].includes(method))
      .flatMap(([method, op]) =>
        Object.entries((op as OpenAPIV3_1.OperationObject).responses ?? {}).map(([status, response]) => ({
          where: `${method.toUpperCase()} ${path} ${status}`,
          status,
          assumed: (response as Record<string, unknown>)[ASSUMED] as
            { reading: string; option: string; basis: string } | undefined,
        })),
      ),
  );
}

test("every assumed status names an existing reading, today's option of it, and why", () => {
  const assumed = everyResponse().filter((r) => r.assumed);
  expect(assumed.length).toBeGreaterThan(10);
  for (const { where, assumed: a } of assumed) {
    expect(isReadingName(a!.reading), `${where}: ${a!.reading} is a reading`).toBe(true);
    expect(a!.option, where).toBe(DEFAULT_READINGS[a!.reading as ReadingName]);
    expect(a!.basis.length, `${where} says why`).toBeGreaterThan(20);
  }
});

test('the 400s the simulator gives where no page documents one are listed as assumed', () => {
  const responses = everyResponse();
  for (const where of [
    'POST /auth/login 400',
    'POST /auth/refresh 400',
    'POST /users/{userId}/cards/virtuals 400',
    'POST /app/auth/login 400',
    'POST /app/users/login 400',
    'GET /app/partners/{partnerId}/cardholders 400',
  ])
    expect(responses.find((r) => r.where === where)?.assumed?.reading, where).toBe('error-code-form');
  // A status set by a reading is assumed; the catalog's documented 7001 keeps the funds 400 documented.
  const byWhere = new Map(responses.map((r) => [r.where, r.assumed?.reading]));
  expect(byWhere.get('POST /transactions 400')).toBe('middleware-validation-status');
  expect(byWhere.get('POST /cards/{cardId}/funds 404')).toBe('error-status-7200');
  expect(byWhere.get('POST /cards/{cardId}/funds 400')).toBeUndefined();
  expect(byWhere.get('POST /transactions 401')).toBeUndefined();
  // The refresh's very path is the option of a reading.
  expect((operation('post', '/auth/refresh') as Record<string, unknown>)[ASSUMED]).toMatchObject({
    reading: 'wallet-refresh-path',
    option: '/auth/refresh',
  });
});
