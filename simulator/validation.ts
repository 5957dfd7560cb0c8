/**
 * Request-body validation for every surface: one Ajv (2020-12, the contract schemas' dialect) shared by the four
 * fastify instances, set to reject rather than repair (no type coercion, no removal of extra fields, no defaults).
 * Each route's validator is compiled on its first request, so starting the simulator compiles nothing.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import type addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { createRequire } from 'node:module';

// Ajv takes ~80 ms to load: it is required on the first validated request, not at startup.
const load = createRequire(__filename);

let shared: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  if (!shared) {
    const Ajv = (load('ajv/dist/2020') as { default: typeof Ajv2020 }).default;
    const formats = (load('ajv-formats') as { default: typeof addFormats }).default;
    shared = new Ajv({
      coerceTypes: false,
      removeAdditional: false,
      useDefaults: false,
      allErrors: false,
      // Routes share schema objects that carry an `$id`: compile each one without registering it globally.
      addUsedSchema: false,
      // The registry (schemas/registry.ts) checks these schemas strictly; here annotations must not break a route.
      strict: false,
      // Route schemas come from schemas/, checked against the 2020-12 meta-schema once, by a test
      // (tests/contract/meta-schema.test.ts): compiling the meta-schema in every process cost ~250 ms.
      validateSchema: false,
    });
    formats(shared);
  }
  return shared;
}

export const lazyValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  let compiled: ValidateFunction | undefined;
  const validate = (data: unknown): boolean => {
    compiled ??= ajv().compile(schema as object);
    const valid = compiled(data);
    validate.errors = compiled.errors ?? null;
    return valid;
  };
  validate.errors = null as ValidateFunction['errors'];
  return validate;
};

/**
 * A body check for a route whose schema depends on a reading (so it cannot be the route's fixed schema): the
 * first problem as "<field> <what is wrong>", or undefined for a valid body. Compiled on first use.
 */
export function compileBodyCheck(schema: object): (body: unknown) => string | undefined {
  let compiled: ValidateFunction | undefined;
  return (body) => {
    compiled ??= ajv().compile(schema);
    if (compiled(body)) return undefined;
    const first = compiled.errors?.[0];
    const params = (first?.params ?? {}) as Record<string, unknown>;
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
    if (typeof params.missingProperty === 'string')
      return `${where ? `${where}.` : ''}${params.missingProperty} is required`;
    return `${where || 'body'} ${first?.message ?? 'is invalid'}`;
  };
}
