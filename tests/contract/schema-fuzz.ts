/**
 * A small, seeded generator of request bodies from the JSON Schemas of the OpenAPI document: one valid body, and
 * named invalid variants of it (a required field missing, a field of the wrong type, boundary values, a body that
 * is not an object). Deterministic for a seed, so a failure names a body that can be sent again.
 */
type Schema = Record<string, unknown>;

/** mulberry32: a tiny seeded PRNG, good enough to pick optional fields and values deterministically. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings tried, in order, against a `pattern` that has no example: the shapes the request schemas use. */
const PATTERN_CANDIDATES = [
  'GTQ',
  'GT',
  '+50212345678',
  'dGVzdA==',
  '123e4567-e89b-12d3-a456-426614174000',
  '1990-01-01',
  'fuzz',
  'Fuzz1',
  '12345',
];

const FORMATS: Record<string, string> = {
  email: 'fuzz@example.com',
  date: '1990-01-01',
  'date-time': '2026-01-01T00:00:00Z',
  uri: 'https://example.com/return',
};

export function validValue(schema: Schema, rng: () => number): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum)) return schema.enum[Math.floor(rng() * schema.enum.length)];
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf?.[0]) return validValue(anyOf[0], rng);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return validObject(schema, rng);
    case 'array':
      return schema.items ? [validValue(schema.items as Schema, rng)] : [];
    case 'boolean':
      return true;
    case 'integer':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'number': {
      const floor = Number(schema.minimum ?? schema.exclusiveMinimum ?? 0);
      return floor + 10;
    }
    case 'string':
    default:
      return validString(schema);
  }
}

function validString(schema: Schema): string {
  if (typeof schema.format === 'string' && FORMATS[schema.format]) return FORMATS[schema.format]!;
  let text = 'fuzz';
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    text = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate)) ?? text;
  }
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  if (text.length < min) text = text.padEnd(min, 'x');
  return text.slice(0, max);
}

function validObject(schema: Schema, rng: () => number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  // An optional field that switches on an if/then branch (e.g. invitationCode) would bring that branch's
  // required fields: the valid body leaves it out.
  const switches = new Set(((schema.if as Schema | undefined)?.required ?? []) as string[]);
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties))
    if (required.has(name) || (!switches.has(name) && rng() < 0.5)) body[name] = validValue(property, rng);
  // A required field the schema does not describe (e.g. a password) is still sent.
  for (const name of required) if (!(name in body)) body[name] = 'fuzz';
  return body;
}

/** A value of another JSON type than the schema's. */
function wrongType(schema: Schema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string' || schema.enum) return 12345;
  if (type === 'number' || type === 'integer') return 'ten';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return { not: 'an array' };
  return 'not an object';
}

function boundaries(schema: Schema): unknown[] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'number' || type === 'integer') return [0, -1, 1e15, 0.00001];
  if (type === 'string' && !schema.enum) return ['', 'x'.repeat(5000)];
  return [];
}

export interface Variant {
  name: string;
  body: unknown;
}

/**
 * The valid body (with `known` values laid over it: credentials, ids) and its invalid variants, at most
 * `limit`, the seed choosing which when there are more.
 */
export function bodyVariants(
  schema: Schema,
  known: Record<string, unknown>,
  seed: number,
  limit = 14,
): Variant[] {
  const rng = seeded(seed);
  const valid = { ...(validValue(schema, rng) as Record<string, unknown>), ...known };
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const without = (name: string) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== name));
  const invalid: Variant[] = [
    ...required.map((name) => ({ name: `without ${name}`, body: without(name) })),
    ...Object.entries(properties).map(([name, property]) => ({
      name: `${name} of the wrong type`,
      body: { ...valid, [name]: wrongType(property) },
    })),
    ...Object.entries(properties).flatMap(([name, property]) =>
      boundaries(property).map((value) => ({
        name: `${name} = ${JSON.stringify(value).slice(0, 20)}`,
        body: { ...valid, [name]: value },
      })),
    ),
  ];
  // Keep every missing-field variant; pick the rest with the seed.
  const [must, rest] = [invalid.slice(0, required.length), invalid.slice(required.length)];
  const picked = rest
    .map((variant) => ({ variant, key: rng() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, Math.max(0, limit - must.length - 3))
    .map(({ variant }) => variant);
  return [
    { name: 'valid', body: valid },
    ...must,
    ...picked,
    { name: 'an empty object', body: {} },
    { name: 'an array instead of an object', body: [valid] },
  ];
}
