/** Stable `$id`s: tools and reports refer to schemas by these URIs, so they never change once published. */
export const SCHEMA_BASE_URL = 'https://contract.migo.test/schemas/';

export function schemaId<const N extends string>(name: N): `${typeof SCHEMA_BASE_URL}${N}.json` {
  return `${SCHEMA_BASE_URL}${name}.json`;
}

/** The strict variants live beside the lenient ones under `strict/`, so both can sit in one Ajv instance. */
export function strictSchemaId(name: string): string {
  return `${SCHEMA_BASE_URL}strict/${name}.json`;
}

/**
 * A schema as another option of a reading would have it (schemas/readings.ts), e.g.
 * `…/schemas/login-response/custom-response.json`; `key` names the options that differ from the defaults.
 */
export function variantSchemaId(name: string, key: string): string {
  return `${SCHEMA_BASE_URL}${name}/${key}.json`;
}

const variants = new Map<string, object>();

/**
 * The variant `build` makes for `key`, built once: schemas whose variants combine several readings build them on
 * demand, and the registry must see one object per `$id`.
 */
export function cachedVariant(name: string, key: string, build: (id: string) => object): object {
  const id = variantSchemaId(name, key);
  let schema = variants.get(id);
  if (!schema) {
    schema = build(id);
    variants.set(id, schema);
  }
  return schema;
}
