/**
 * Every schema the suite validates with is a valid JSON Schema 2020-12 document. The runtime Ajv instances (the
 * registry, the config check, the simulator's route validation) skip this check to start faster; it is made here,
 * once, for all of them: each registered schema, its strict variant, its variant under every option of every
 * reading, and the configuration schema.
 */
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ConfigEnvSchema } from '../../fixtures/config/config.schema';
import { READINGS, readingsWith, type Readings } from '../../schemas/readings';
import {
  SCHEMA_NAMES,
  hasVariants,
  schemaFor,
  schemaUnder,
  strictSchemaFor,
  type SchemaName,
} from '../../schemas/registry';

const meta = new Ajv2020({ allErrors: true, strict: false });
addFormats(meta);

function problems(schema: object): string[] {
  if (meta.validateSchema(schema)) return [];
  return (meta.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/** Every profile that moves one reading to one of its options. */
const singleReadingProfiles: Readings[] = READINGS.flatMap((reading) =>
  reading.options.map((option) => readingsWith({ [reading.name]: option.name } as Partial<Readings>)),
);

test('every registered schema and its strict variant follow the 2020-12 meta-schema', () => {
  const found: Record<string, string[]> = {};
  for (const name of SCHEMA_NAMES) {
    for (const [label, schema] of [
      [name, schemaFor(name)],
      [`${name} (strict)`, strictSchemaFor(name)],
    ] as const) {
      const listed = problems(schema);
      if (listed.length > 0) found[label] = listed;
    }
  }
  expect(found).toEqual({});
});

test('every reading variant of a schema follows the 2020-12 meta-schema', () => {
  const found: Record<string, string[]> = {};
  const seen = new Set<string>();
  const withVariants = SCHEMA_NAMES.filter(hasVariants) as SchemaName[];
  expect(withVariants.length).toBeGreaterThan(0);
  for (const name of withVariants) {
    for (const readings of singleReadingProfiles) {
      const schema = schemaUnder(name, readings);
      if (seen.has(schema.$id)) continue;
      seen.add(schema.$id);
      const listed = problems(schema);
      if (listed.length > 0) found[schema.$id] = listed;
    }
  }
  // More variants than schemas: the loop reached other options, not only the registered schemas.
  expect(seen.size).toBeGreaterThan(withVariants.length);
  expect(found).toEqual({});
});

test('the configuration schema follows the 2020-12 meta-schema', () => {
  expect(problems(ConfigEnvSchema)).toEqual([]);
});

test('a schema with a wrong type is caught (the check is not vacuous)', () => {
  expect(problems({ type: 'strnig' })).not.toEqual([]);
  expect(problems({ properties: { a: { minLength: -1 } } })).not.toEqual([]);
});
