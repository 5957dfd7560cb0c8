/** Where the generated floor lives (a git-ignored cache folder), and how its config reads the shape back. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatrixShape } from './shape';

export const FLOOR_DIR = join(__dirname, '..', '..', '.cache', 'floor');
export const FLOOR_SPECS_DIR = join(FLOOR_DIR, 'specs');
export const FLOOR_SHAPE_FILE = join(FLOOR_DIR, 'shape.json');

export interface FloorShape extends MatrixShape {
  generatedAt: string;
  /** HTTP exchanges each API test makes (bench/README.md says why 2). */
  requestsPerApiTest: number;
  /** Project → spec file → tests declared skipped, as a matrix run skipped them. */
  skipped: Record<string, Record<string, number>>;
}

export function readFloorShape(): FloorShape {
  if (!existsSync(FLOOR_SHAPE_FILE))
    throw new Error(
      `no floor generated yet (${FLOOR_SHAPE_FILE} is missing): run "npx tsx bench/floor/generate.ts" first.`,
    );
  return JSON.parse(readFileSync(FLOOR_SHAPE_FILE, 'utf8')) as FloorShape;
}
