/**
 * Schema vectors (`vectors/<name>.json`), in the JSON-Schema-Test-Suite shape. Two optional fields extend it:
 * `source` on a documented example (the page it is copied from; the OpenAPI document uses these as examples)
 * and `path` on an invalid case (the field its error must name).
 */
import { join } from 'node:path';
import type { SchemaName } from './registry';

export interface VectorCase {
  description: string;
  data: unknown;
  valid: boolean;
  source?: string;
  path?: string;
}
export interface VectorGroup {
  description: string;
  tests: VectorCase[];
}

export const VECTORS_DIR = join(__dirname, 'vectors');

export function vectorFile(name: SchemaName): string {
  return join(VECTORS_DIR, `${name}.json`);
}

/** A fresh copy of the vectors of one schema (required, not read by path, so the CLI bundle carries them). */
export function loadVectors(name: SchemaName): VectorGroup[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return structuredClone(require(`./vectors/${name}.json`) as VectorGroup[]);
}

/** The valid cases copied from a doc page, in file order. */
export function documentedExamples(name: SchemaName): VectorCase[] {
  return loadVectors(name).flatMap((group) => group.tests.filter((test) => test.valid && test.source));
}
