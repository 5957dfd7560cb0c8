/**
 * The schema registry: every wire shape by name, one Ajv 2020-12 instance holding each schema and its strict
 * variant, and validation results whose `path` names the offending field (e.g. `/URL`).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AltDismissSchema } from './alt-dismiss.schema';
import { AltPaymentIntentRequestSchema } from './alt-payment-intent-request.schema';
import { AltPaymentIntentSchema } from './alt-payment-intent.schema';
import { AltPaymentRequestSchema } from './alt-payment-request.schema';
import { altPaymentFor, AltPaymentSchema } from './alt-payment.schema';
import { AltStatusSchema } from './alt-status.schema';
import { AltTransactionRequestSchema } from './alt-transaction-request.schema';
import { AltTransactionSchema } from './alt-transaction.schema';
import { AuthErrorSchema } from './auth-error.schema';
import { cmsAppLoginRequestFor, CmsAppLoginRequestSchema } from './cms-app-login-request.schema';
import { CmsAppLoginResponseSchema } from './cms-app-login-response.schema';
import { CmsCardholderRequestSchema } from './cms-cardholder-request.schema';
import { CmsUserLoginRequestSchema } from './cms-user-login-request.schema';
import { CmsUserLoginResponseSchema } from './cms-user-login-response.schema';
import { customResponseFor, CustomResponseSchema } from './custom-response.schema';
import { DOCUMENTED_VALUES } from './documented-values';
import { FundsRequestSchema } from './funds-request.schema';
import { gatewayErrorFor, GatewayErrorSchema } from './gateway-error.schema';
import { healthFor, HealthSchema } from './health.schema';
import { LoginRequestSchema } from './login-request.schema';
import { loginResponseFor, LoginResponseSchema } from './login-response.schema';
import { merchantCallbackFor, MerchantCallbackSchema } from './merchant-callback.schema';
import { middlewareErrorFor, MiddlewareErrorSchema } from './middleware-error.schema';
import { MiddlewareSuccessSchema } from './middleware-success.schema';
import { PaymentLinkRequestSchema } from './payment-link-request.schema';
import { paymentLinkFor, PaymentLinkSchema } from './payment-link.schema';
import { DEFAULT_READINGS, type Readings } from './readings';
import { refreshRequestFor, RefreshRequestSchema } from './refresh-request.schema';
import { ReturnUrlQuerySchema } from './return-url-query.schema';
import { schemaId, strictSchemaId } from './schema-id';
import { strictVariant } from './strict-variant';
import { TokenExpiredSchema } from './token-expired.schema';
import { TransactionsHookRequestSchema } from './transactions-hook-request.schema';
import { UserRequestSchema } from './user-request.schema';
import { VirtualCardSchema } from './virtual-card.schema';

const SCHEMAS = {
  'custom-response': CustomResponseSchema,
  'gateway-error': GatewayErrorSchema,
  'middleware-error': MiddlewareErrorSchema,
  'middleware-success': MiddlewareSuccessSchema,
  'payment-link': PaymentLinkSchema,
  'payment-link-request': PaymentLinkRequestSchema,
  'transactions-hook-request': TransactionsHookRequestSchema,
  'alt-transaction-request': AltTransactionRequestSchema,
  'alt-transaction': AltTransactionSchema,
  'alt-payment-intent-request': AltPaymentIntentRequestSchema,
  'alt-payment-intent': AltPaymentIntentSchema,
  'alt-payment-request': AltPaymentRequestSchema,
  'alt-payment': AltPaymentSchema,
  'alt-dismiss': AltDismissSchema,
  'alt-status': AltStatusSchema,
  'merchant-callback': MerchantCallbackSchema,
  'return-url-query': ReturnUrlQuerySchema,
  'login-request': LoginRequestSchema,
  'login-response': LoginResponseSchema,
  'refresh-request': RefreshRequestSchema,
  'token-expired': TokenExpiredSchema,
  'auth-error': AuthErrorSchema,
  health: HealthSchema,
  'user-request': UserRequestSchema,
  'virtual-card': VirtualCardSchema,
  'funds-request': FundsRequestSchema,
  'cms-app-login-request': CmsAppLoginRequestSchema,
  'cms-app-login-response': CmsAppLoginResponseSchema,
  'cms-user-login-request': CmsUserLoginRequestSchema,
  'cms-user-login-response': CmsUserLoginResponseSchema,
  'cms-cardholder-request': CmsCardholderRequestSchema,
} as const satisfies Record<string, { $id: string; description: string }>;

export type SchemaName = keyof typeof SCHEMAS;

/**
 * Schemas whose shape depends on a reading (schemas/readings.ts): the schema under a profile. Under the default
 * profile each returns the registered schema above; any other option has its own `$id` (`variantSchemaId`).
 */
const VARIANTS: Partial<Record<SchemaName, (readings: Readings) => object>> = {
  'custom-response': customResponseFor,
  'gateway-error': gatewayErrorFor,
  'middleware-error': middlewareErrorFor,
  'payment-link': paymentLinkFor,
  'alt-payment': altPaymentFor,
  'merchant-callback': merchantCallbackFor,
  'login-response': loginResponseFor,
  'refresh-request': refreshRequestFor,
  health: healthFor,
  'cms-app-login-request': cmsAppLoginRequestFor,
};
export const SCHEMA_NAMES: readonly SchemaName[] = Object.freeze(Object.keys(SCHEMAS) as SchemaName[]);

export interface FieldError {
  /** JSON pointer of the field at fault (for a missing field: where it should be). */
  path: string;
  message: string;
}
export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
}

for (const name of SCHEMA_NAMES) {
  // A `$id` that does not match its name would make reports and the OpenAPI document disagree.
  if (SCHEMAS[name].$id !== schemaId(name)) throw new Error(`schema "${name}" has $id ${SCHEMAS[name].$id}`);
}

// Union types are how a nullable or text-or-JSON body is written without an anyOf around everything. Strict mode
// still refuses unknown keywords and formats; the check against the 2020-12 meta-schema runs once, in a test
// (tests/contract/meta-schema.test.ts), not in every process that loads the registry (~250 ms each).
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateSchema: false });
addFormats(ajv);
ajv.addVocabulary([DOCUMENTED_VALUES]);
const STRICT_VARIANTS = new Map(
  SCHEMA_NAMES.map((name) => [name, strictVariant(SCHEMAS[name], strictSchemaId(name))]),
);
for (const name of SCHEMA_NAMES) {
  ajv.addSchema(SCHEMAS[name]);
  ajv.addSchema(STRICT_VARIANTS.get(name) as object);
}

export function isSchemaName(name: string): name is SchemaName {
  return Object.hasOwn(SCHEMAS, name);
}

function checkedName(name: string): SchemaName {
  if (isSchemaName(name)) return name;
  throw new Error(`unknown schema name "${name}"; the registered names are: ${SCHEMA_NAMES.join(', ')}`);
}

/** The lenient schema (the documented contract, unknown fields allowed), with its `$id`. */
export function schemaFor<N extends SchemaName>(name: N): (typeof SCHEMAS)[N] {
  return SCHEMAS[checkedName(name) as N];
}

/** The schema of `name` under a profile: the registered one, or another option's variant (its own `$id`). */
export function schemaUnder(name: SchemaName, readings: Readings): { $id: string; description: string } {
  const variant = VARIANTS[checkedName(name)]?.(readings);
  return (variant ?? SCHEMAS[name]) as { $id: string; description: string };
}

/** Whether the schema of `name` depends on a reading. */
export function hasVariants(name: SchemaName): boolean {
  return VARIANTS[name] !== undefined;
}

/** The strict variant: undocumented fields and undocumented enum values fail. */
export function strictSchemaFor(name: SchemaName): object {
  return STRICT_VARIANTS.get(checkedName(name)) as object;
}

/** The first sentence of a schema's description, for listings (descriptions open with a short summary). */
export function schemaSummary(name: SchemaName): string {
  const description = schemaFor(name).description;
  const end = description.indexOf('. ');
  return end === -1 ? description : description.slice(0, end);
}

// Compiled on first use: a command that validates one name should not pay for all of them.
function validatorFor(id: string): ValidateFunction {
  const fn = ajv.getSchema(id);
  if (!fn) throw new Error(`no schema registered under ${id}`);
  return fn;
}

/** Registers a variant the first time a profile asks for it (variants are built once per option set). */
function idUnder(name: SchemaName, readings: Readings): string {
  const schema = schemaUnder(name, readings);
  if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  return schema.$id;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function fieldPath(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const child = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
  return typeof child === 'string' ? `${error.instancePath}/${escapePointer(child)}` : error.instancePath;
}

function fieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    // "must match then schema" only repeats the error that follows it.
    if (error.keyword === 'if') continue;
    const path = fieldPath(error);
    const message =
      error.keyword === 'false schema' ? 'must not be present' : (error.message ?? error.keyword);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

function check(id: string, value: unknown): ErrorObject[] {
  const fn = validatorFor(id);
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

/**
 * Validates a body against the lenient schema of `name` under a profile (the default profile when omitted:
 * every reading at today's choice).
 */
export function validate(
  name: SchemaName,
  value: unknown,
  readings: Readings = DEFAULT_READINGS,
): ValidationResult {
  const errors = check(idUnder(name, readings), value);
  return { valid: errors.length === 0, errors: fieldErrors(errors) };
}

const parsePointer = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));

/** Sets (or, with `remove`, deletes) the value at a JSON pointer inside a JSON document; returns the document. */
function patch(document: unknown, pointer: string, replacement: unknown, remove: boolean): unknown {
  const keys = parsePointer(pointer);
  const last = keys.pop();
  if (last === undefined) return replacement;
  let parent: unknown = document;
  for (const key of keys) parent = (parent as Record<string, unknown>)[key];
  const container = parent as Record<string, unknown>;
  if (remove) delete container[last];
  else container[last] = replacement;
  return document;
}

const STRICT_ONLY_KEYWORDS = new Set(['unevaluatedProperties', 'additionalProperties', 'enum']);

/**
 * JSON pointers of what only the strict variant rejects: fields, and enum values, the docs do not name.
 * A strict failure inside an anyOf branch also makes the branch's sibling fields look unevaluated, so the
 * deepest findings are taken first and patched out of a copy (enum values before fields) until none is left:
 * the knock-on reports disappear with their cause. Meaningful for bodies that pass `validate`.
 */
export function undocumentedFields(name: SchemaName, value: unknown): string[] {
  const strictId = strictSchemaId(checkedName(name));
  const lenient = new Set(validate(name, value).errors.map((e) => e.path));
  const found: string[] = [];
  let copy = structuredClone(value);
  for (let round = 0; round < 1000; round += 1) {
    const findings = check(strictId, copy)
      .filter((e) => STRICT_ONLY_KEYWORDS.has(e.keyword))
      .map((error) => ({ error, path: fieldPath(error) }))
      .filter(({ path }) => !lenient.has(path));
    if (findings.length === 0) break;
    const depth = Math.max(...findings.map(({ path }) => parsePointer(path).length));
    const deepest = findings.filter(({ path }) => parsePointer(path).length === depth);
    const enums = deepest.filter(({ error }) => error.keyword === 'enum');
    for (const { error, path } of enums.length > 0 ? enums : deepest) {
      found.push(path);
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
      copy = patch(copy, path, allowed?.[0], error.keyword !== 'enum');
    }
  }
  return [...new Set(found)];
}
