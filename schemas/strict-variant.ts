/**
 * Strict variants, derived mechanically from the lenient schemas (never copied by hand):
 * - every place that describes an object's properties gets `unevaluatedProperties: false`, so a field the docs
 *   do not name is reported (it sees through allOf/anyOf/if, which `additionalProperties` would not);
 * - every open enum (`x-documented-values`) becomes a closed `enum`, so a new value is reported.
 * Free-form objects (no `properties` anywhere) stay free-form: the docs say nothing about their keys.
 */
import { DOCUMENTED_VALUES } from './documented-values';

type SchemaNode = Record<string, unknown>;

/** Subschemas that apply to the same instance as their parent. */
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_SINGLES = ['if', 'then', 'else', 'not'] as const;
const IN_PLACE_MAPS = ['dependentSchemas'] as const;
/** Matchers: they pick items out rather than describe them, so they are never closed. */
const MATCHERS = ['contains'] as const;
/** Subschemas that apply to a child instance (a property value, an array item ...). */
const CHILD_SINGLES = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
] as const;
const CHILD_LISTS = ['prefixItems'] as const;
const CHILD_MAPS = ['properties', 'patternProperties', '$defs'] as const;

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether this node, or a subschema evaluated on the same instance, names properties. */
function declaresProperties(node: SchemaNode): boolean {
  if (isNode(node.properties) || isNode(node.patternProperties)) return true;
  // `not` never contributes evaluated properties, so it cannot make a field documented.
  const inPlace = [
    ...IN_PLACE_LISTS.flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]) : [])),
    ...IN_PLACE_MAPS.flatMap((key) => (isNode(node[key]) ? Object.values(node[key]) : [])),
    node.if,
    node.then,
    node.else,
  ];
  return inPlace.some((sub) => isNode(sub) && declaresProperties(sub));
}

function mapValues(map: SchemaNode, instanceRoot: boolean): SchemaNode {
  return Object.fromEntries(Object.entries(map).map(([name, sub]) => [name, strictNode(sub, instanceRoot)]));
}

function strictNode(node: unknown, instanceRoot: boolean): unknown {
  if (!isNode(node)) return node;
  const out: SchemaNode = { ...node };
  for (const key of IN_PLACE_LISTS) {
    if (Array.isArray(node[key])) out[key] = (node[key] as unknown[]).map((sub) => strictNode(sub, false));
  }
  for (const key of [...IN_PLACE_SINGLES, ...MATCHERS])
    if (key in node) out[key] = strictNode(node[key], false);
  for (const key of CHILD_SINGLES) if (key in node) out[key] = strictNode(node[key], true);
  for (const key of CHILD_LISTS) {
    if (Array.isArray(node[key])) out[key] = (node[key] as unknown[]).map((sub) => strictNode(sub, true));
  }
  for (const key of IN_PLACE_MAPS) if (isNode(node[key])) out[key] = mapValues(node[key], false);
  for (const key of CHILD_MAPS) if (isNode(node[key])) out[key] = mapValues(node[key], true);
  if (DOCUMENTED_VALUES in node) out.enum = node[DOCUMENTED_VALUES];
  const closed = 'additionalProperties' in node || 'unevaluatedProperties' in node;
  // Only at the node that owns the instance: inside allOf/anyOf a branch sees only its own properties.
  if (instanceRoot && !closed && declaresProperties(node)) out.unevaluatedProperties = false;
  return out;
}

/** The strict twin of a registered schema, under its own `$id`. */
export function strictVariant(schema: object, $id: string): SchemaNode {
  return { ...(strictNode(schema, true) as SchemaNode), $id };
}
