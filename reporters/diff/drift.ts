/**
 * Schema drift between two runs, from the observed field shapes (not from our schemas, so a field the lenient
 * schema tolerates still shows up). Compared per surface + endpoint + status, only where both runs saw that
 * response: a 404 that one run did not provoke is a coverage difference, not drift.
 *
 * - added: a field the baseline never had. Not breaking (clients ignore unknown fields), but worth reading.
 * - removed: a field the baseline had and the current run never sent although it saw its parent. Breaking.
 *   Not reported when the parent was not observable this time (an array that was always empty, an object that
 *   was only null): that is a retype of the parent, or no evidence at all.
 * - retyped: the current run sent a type the baseline never saw (`string` → `integer`, `object` → `null`).
 *   Breaking. An integer where the baseline saw non-integer numbers is not a change; a narrower set is not either.
 */
import { JSON_TYPES, type Observation } from '../observations';

export interface FieldChange {
  pointer: string;
  /** The union of types seen in the baseline (absent for added fields). */
  before?: string;
  /** The union of types seen in the current run (absent for removed fields). */
  after?: string;
  /** Added or removed fields under this one, folded into it. */
  beneath?: number;
}

export interface EndpointDrift {
  surface: string;
  endpoint: string;
  status: number;
  added: FieldChange[];
  removed: FieldChange[];
  retyped: FieldChange[];
  breaking: boolean;
}

export interface DriftCoverage {
  /** `surface endpoint → status` keys seen only in one run: not compared. */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
  compared: number;
}

type Types = Map<string, Set<string>>;
interface ResponseShape {
  surface: string;
  endpoint: string;
  status: number;
  fields: Types;
}

function responseKey(o: { surface: string; endpoint: string; status: number }): string {
  return `${o.surface} ${o.endpoint} → ${o.status}`;
}

export function collectShapes(observations: readonly Observation[]): Map<string, ResponseShape> {
  const shapes = new Map<string, ResponseShape>();
  for (const o of observations) {
    const key = responseKey(o);
    let entry = shapes.get(key);
    if (!entry) {
      entry = { surface: o.surface, endpoint: o.endpoint, status: o.status, fields: new Map() };
      shapes.set(key, entry);
    }
    for (const [pointer, union] of Object.entries(o.shape)) {
      let set = entry.fields.get(pointer);
      if (!set) entry.fields.set(pointer, (set = new Set()));
      for (const t of union.split('|')) set.add(t);
    }
  }
  return shapes;
}

export function diffDrift(
  baseline: readonly Observation[],
  current: readonly Observation[],
): { drift: EndpointDrift[]; coverage: DriftCoverage } {
  const base = collectShapes(baseline);
  const cur = collectShapes(current);
  const drift: EndpointDrift[] = [];
  let compared = 0;
  for (const [key, b] of base) {
    const c = cur.get(key);
    if (!c) continue;
    compared += 1;
    const change = compareFields(b.fields, c.fields);
    if (change.added.length || change.removed.length || change.retyped.length) {
      drift.push({
        surface: b.surface,
        endpoint: b.endpoint,
        status: b.status,
        ...change,
        breaking: change.removed.length > 0 || change.retyped.length > 0,
      });
    }
  }
  drift.sort(
    (x, y) => Number(y.breaking) - Number(x.breaking) || responseKey(x).localeCompare(responseKey(y)),
  );
  const onlyInBaseline = [...base.keys()].filter((k) => !cur.has(k)).sort();
  const onlyInCurrent = [...cur.keys()].filter((k) => !base.has(k)).sort();
  return { drift, coverage: { onlyInBaseline, onlyInCurrent, compared } };
}

function compareFields(base: Types, cur: Types): Pick<EndpointDrift, 'added' | 'removed' | 'retyped'> {
  const union = (set: Set<string> | undefined) =>
    set ? JSON_TYPES.filter((t) => set.has(t)).join('|') : undefined;
  const added = fold(
    [...cur.keys()].filter((p) => !base.has(p)),
    (p) => ({ pointer: p, after: union(cur.get(p)) }),
  );
  const removed = fold(
    [...base.keys()].filter((p) => !cur.has(p) && observable(p, cur)),
    (p) => ({ pointer: p, before: union(base.get(p)) }),
  );
  const retyped: FieldChange[] = [];
  for (const [pointer, types] of cur) {
    const before = base.get(pointer);
    if (!before) continue;
    const novel = [...types].filter((t) => !before.has(t) && !(t === 'integer' && before.has('number')));
    if (novel.length) retyped.push({ pointer, before: union(before), after: union(types) });
  }
  retyped.sort((x, y) => x.pointer.localeCompare(y.pointer));
  return { added, removed, retyped };
}

/**
 * Whether a missing pointer could have been seen: its parent was observed in the current run as the container
 * that holds it (an object for a named field; an array with at least one item for `/*`). A parent that is itself
 * missing counts as observable so that the parent is what gets reported.
 */
function observable(pointer: string, cur: Types): boolean {
  const cut = pointer.lastIndexOf('/');
  const parent = pointer.slice(0, cut);
  const parentTypes = cur.get(parent);
  if (!parentTypes) return parent === '' ? false : observable(parent, cur);
  if (pointer.endsWith('/*')) {
    if (!parentTypes.has('array')) return false;
    for (const p of cur.keys()) if (p === pointer || p.startsWith(`${pointer}/`)) return true;
    return false;
  }
  return parentTypes.has('object');
}

/** Keeps the top-most pointer of each changed subtree and counts what is under it. */
function fold(pointers: string[], make: (pointer: string) => FieldChange): FieldChange[] {
  const all = new Set(pointers);
  const tops = new Map<string, FieldChange>();
  const below: string[] = [];
  for (const pointer of pointers) {
    if (topAncestor(pointer, all) === pointer) tops.set(pointer, make(pointer));
    else below.push(pointer);
  }
  for (const pointer of below) {
    const top = tops.get(topAncestor(pointer, all))!;
    top.beneath = (top.beneath ?? 0) + 1;
  }
  return [...tops.values()].sort((x, y) => x.pointer.localeCompare(y.pointer));
}

function topAncestor(pointer: string, changed: Set<string>): string {
  let top = pointer;
  for (let i = pointer.lastIndexOf('/'); i > 0; i = pointer.lastIndexOf('/', i - 1)) {
    if (changed.has(pointer.slice(0, i))) top = pointer.slice(0, i);
  }
  if (pointer !== '' && changed.has('')) top = '';
  return top;
}
