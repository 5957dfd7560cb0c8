/**
 * The OpenAPI 3.1 document of the endpoints this suite tests, assembled from the registered schemas (never a
 * second copy of them) and the documented examples in the vectors. Other tools (Prism, client generators) read
 * it on their own, so component schemas are self-contained: no `$id`, only local `$ref`s.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import pkg from '../package.json';
import { MIGO_BASE_URLS, type Surface } from './base-urls';
import { DOC_PAGES } from './doc-pages';
import { catalogEntry } from './error-catalog';
import {
  OPERATIONS,
  operationResponses,
  type OperationSpec,
  type SecurityScheme,
  type Status,
} from './operations';
import { DEFAULT_READINGS, type ReadingName } from './readings';
import { SCHEMA_NAMES, schemaFor, type SchemaName } from './registry';
import { documentedExamples } from './vectors';

const SURFACES: Record<Surface, { tag: string; description: string }> = {
  middleware: {
    tag: 'Middleware',
    description: `migo-api: Payment Links and Alternative Payments, authenticated with the long-lived merchant token. Errors use the ownCode envelope (middleware-error). Sources: ${DOC_PAGES.authentication}, ${DOC_PAGES.errorHandling}.`,
  },
  walletGateway: {
    tag: 'Wallet Gateway',
    description: `ali-api-gw-rest: users, cards and funds, authenticated with the app JWT from POST /auth/login (Authorization: Bearer). Errors are CustomResponse bodies with 7000–8099 codes; an unknown route answers 404 with code ${catalogEntry('7010').code} (UNSURE: our reading of its message "${catalogEntry('7010').message}"); an expired access token answers 401 TOKEN_EXPIRED (refresh, do not log in again). Sources: ${DOC_PAGES.quickstart}, ${DOC_PAGES.errorCatalog}, ${DOC_PAGES.goLive}.`,
  },
  cms: {
    tag: 'CMS Backoffice',
    description: `ali-api-cms-rest (restricted to authorized partners): every call except login/refresh sends the app token (Authorization: Bearer) and the CMS user token (x-user-token: Bearer <token>, the prefix is required). An unassigned partner answers 403. Sources: ${DOC_PAGES.cmsOverview}, ${DOC_PAGES.cmsUsers}.`,
  },
};

const SECURITY_SCHEMES = {
  merchantToken: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description:
      'The merchant token (64 hex characters), raw: Authorization: <token>. The authorizer strips an optional "Bearer " prefix, so both forms are accepted (the cheat sheet contradicts this: docs contradiction A.7 #2).',
  },
  merchantBearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The same merchant token as Payment Links, sent as Authorization: Bearer <token> (the prefix is normalized, so a raw token is accepted too).',
  },
  walletJwt: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'App access token from POST /auth/login (Ed25519-signed JWT). The FAQ gives the merchant/client gateway 30 min access and 7 day refresh tokens; wallet user-token lifetimes are configurable per partner.',
  },
  applicationId: {
    type: 'apiKey',
    in: 'header',
    name: 'applicationId',
    description:
      'Application identifier, required only by GET/PATCH /configs. UNSURE: many Wallet Gateway examples send x-application-id instead (docs contradiction A.7 #3).',
  },
  cmsAppToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'CMS app access token from POST /app/auth/login.',
  },
  cmsUserToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-user-token',
    description:
      'CMS user token from POST /app/users/login, sent WITH the prefix: x-user-token: Bearer <token>.',
  },
} as const satisfies Record<SecurityScheme, OpenAPIV3_1.SecuritySchemeObject>;

/**
 * The extension on a response whose status no page documents for its operation: `{reading, option, basis}`, the
 * reading the guess hangs on (schemas/readings.ts), its option in this document, and why the status is expected.
 * A response without it is one the docs give (or, for 200, the success every page implies).
 */
export const ASSUMED = 'x-migo-assumed';

const STATUS_TEXT: Record<Status, string> = {
  '200': 'Success. UNSURE: the docs state no success status for this endpoint; 200 is assumed.',
  '400': 'Request validation failed.',
  '401': 'Missing, invalid or expired credentials.',
  '403': 'Authenticated, but not allowed (e.g. a partner not assigned to the CMS user).',
  '404': 'Not found.',
  '405': 'Not allowed in the current state.',
  '409': 'State conflict.',
  '422': 'Semantic validation failed.',
  '500': 'Internal error.',
};

/** Path parameters that are documented as numeric; every other one is a string. */
const NUMERIC_PATH_PARAMETERS = new Set(['cardId']);
const QUERY_PARAMETER_SCHEMAS: Record<string, NonNullable<OpenAPIV3_1.ParameterObject['schema']>> = {
  page: { type: 'integer', minimum: 1 },
  limit: { type: 'integer', minimum: 1 },
};

const componentRef = (name: SchemaName): OpenAPIV3_1.ReferenceObject => ({
  $ref: `#/components/schemas/${name}`,
});

/** A deep copy without `$id`: the copy must not claim the registry's identity inside another document. */
function componentSchema(name: SchemaName): OpenAPIV3_1.SchemaObject {
  const { $id: _id, ...rest } = structuredClone(schemaFor(name)) as Record<string, unknown>;
  return rest as OpenAPIV3_1.SchemaObject;
}

function examplesOf(name: SchemaName): Record<string, OpenAPIV3_1.ExampleObject> | undefined {
  const cases = documentedExamples(name);
  if (cases.length === 0) return undefined;
  return Object.fromEntries(
    cases.map((c, i) => [
      `documented${i + 1}`,
      { summary: c.description, description: `Source: ${c.source}`, value: c.data },
    ]),
  );
}

function jsonContent(names: SchemaName | SchemaName[]): Record<string, OpenAPIV3_1.MediaTypeObject> {
  const list = Array.isArray(names) ? names : [names];
  const [first] = list;
  const schema = list.length === 1 && first ? componentRef(first) : { anyOf: list.map(componentRef) };
  const examples = list.length === 1 && first ? examplesOf(first) : undefined;
  return { 'application/json': { schema, ...(examples ? { examples } : {}) } };
}

function okContent(name: SchemaName): Record<string, OpenAPIV3_1.MediaTypeObject> {
  // Dismiss answers the text OK for most outcomes and JSON when a cancel hook ran.
  if (name !== 'alt-dismiss') return jsonContent(name);
  return { 'text/plain': { schema: { type: 'string', enum: ['OK'] } }, ...jsonContent(name) };
}

function requestBody(request: OperationSpec['request']): OpenAPIV3_1.RequestBodyObject | undefined {
  if (!request) return undefined;
  if (request === 'free-form') {
    return { required: false, content: { 'application/json': { schema: { type: 'object' } } } };
  }
  return { required: true, content: jsonContent(request) };
}

function parameters(op: OperationSpec): OpenAPIV3_1.ParameterObject[] {
  const path = [...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name = '']): OpenAPIV3_1.ParameterObject => ({
    name,
    in: 'path',
    required: true,
    schema: { type: NUMERIC_PATH_PARAMETERS.has(name) ? 'integer' : 'string' },
  }));
  const query = (op.query ?? []).map((name): OpenAPIV3_1.ParameterObject => ({
    name,
    in: 'query',
    required: false,
    schema: QUERY_PARAMETER_SCHEMAS[name] ?? { type: 'string' },
  }));
  return [...path, ...query];
}

/**
 * openapi-types 12.1.3 types a 3.1 path item's methods as the intersection of the 3.0 and 3.1 operation types,
 * which no 3.1 schema satisfies; the value is a valid 3.1 operation (the test validates the document).
 */
type PathOperation = NonNullable<OpenAPIV3_1.PathItemObject['post']>;

function operationObject(op: OperationSpec): PathOperation {
  const responses: OpenAPIV3_1.ResponsesObject = {};
  // The default profile's answers: a status set by a reading is today's choice of that reading, and says so.
  for (const { status, schemas, reading, basis } of operationResponses(op)) {
    const option = reading ? DEFAULT_READINGS[reading as ReadingName] : undefined;
    const description = reading
      ? `${STATUS_TEXT[status]} ASSUMED, not documented: ${basis} (reading ${reading}, today ${option}).`
      : STATUS_TEXT[status];
    responses[status] = {
      description,
      content:
        status === '200' ? okContent(op.ok) : jsonContent(schemas.length === 1 ? schemas[0]! : schemas),
      ...(reading ? { [ASSUMED]: { reading, option, basis } } : {}),
    };
  }
  const params = parameters(op);
  const body = requestBody(op.request);
  return {
    operationId: op.operationId,
    tags: [SURFACES[op.surface].tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    externalDocs: { url: op.docs },
    security: op.security.map((schemes) => Object.fromEntries(schemes.map((s) => [s, []]))),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
    // The path itself is a guess where no page shows it (the refresh): the operation says which reading.
    ...(op.pathReading
      ? {
          [ASSUMED]: {
            reading: op.pathReading,
            option: DEFAULT_READINGS[op.pathReading],
            basis: 'no page shows this path; it is the option of the reading',
          },
        }
      : {}),
  } as OpenAPIV3_1.OperationObject as PathOperation;
}

function merchantCallbackOperation(): PathOperation {
  return {
    summary: 'Merchant Generic Callback: Migo → your URL when a Payment Link transaction ends',
    description:
      'Method, URL, headers and timeout are per-client configuration (POST by default). Unsigned by default, with optional static x-api-key or Authorization headers; no standard retry semantics.',
    externalDocs: { url: DOC_PAGES.merchantGenericCallback },
    requestBody: { required: true, content: jsonContent('merchant-callback') },
    responses: { '200': { description: 'Any 2xx acknowledges the callback.' } },
  } as OpenAPIV3_1.OperationObject as PathOperation;
}

function servers(surface: Surface): OpenAPIV3_1.ServerObject[] {
  return Object.entries(MIGO_BASE_URLS[surface]).map(([environment, url]) => ({
    url,
    description: environment,
  }));
}

export function buildOpenApiDocument(): OpenAPIV3_1.Document {
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const op of OPERATIONS) {
    const item = (paths[op.path] ??= { servers: servers(op.surface) });
    item[op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Migo Payments APIs (as tested by migo-contract-tests)',
      version: pkg.version,
      description: [
        'The endpoints this contract suite checks, across three surfaces with their own servers (set on each path):',
        'Middleware, Wallet Gateway and CMS Backoffice.',
        `Written from the public docs (${DOC_PAGES.errorHandling} and the pages linked on each operation),`,
        'which could only be read in part: where they are silent or contradict each other, a description says UNSURE.',
        'Response schemas accept unknown fields and unknown enum values of the right shape, as the versioning page asks.',
        `A response no page documents for its operation carries ${'`'}x-migo-assumed: {reading, option, basis}${'`'}: the reading of schemas/readings.ts the guess hangs on (npx migo-contract readings), its option here (today's choice), and why the status is expected; npx migo-contract calibrate tells which option a target follows.`,
      ].join(' '),
    },
    tags: Object.values(SURFACES).map(({ tag, description }) => ({ name: tag, description })),
    paths,
    webhooks: { merchantGenericCallback: { post: merchantCallbackOperation() } },
    components: {
      schemas: Object.fromEntries(SCHEMA_NAMES.map((name) => [name, componentSchema(name)])),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
