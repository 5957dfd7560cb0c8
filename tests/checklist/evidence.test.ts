/**
 * The evidence model against the matrix as Playwright lists it: every spec an item declares exists, every spec
 * tagged with an item is declared for it (and the other way round, so `--grep @GL-…` selects exactly the
 * evidence), and the declarations can be met: a production-provable item's decisive specs run in production.
 */
import { test, expect } from '@playwright/test';
import { GO_LIVE_IDS, type GoLiveId } from '../../checklist/go-live';
import {
  EVIDENCE,
  MERCHANT_SYSTEM_SPECS,
  declaredSpecs,
  evidenceOf,
  isManual,
  standInSpecs,
  type SpecRef,
} from '../../checklist/evidence';
import { listMatrix, type ListedTest } from '../../bench/nested-run';
import { editDistance } from '../../fixtures/config/edit-distance';

let listed: ListedTest[];
test.beforeAll(() => {
  listed = listMatrix();
});

const specsTagged = (id: GoLiveId) =>
  new Set(listed.filter((t) => t.tags.includes(id) || t.tags.includes(`@${id}`)).map((t) => t.spec));

function closest(spec: SpecRef): string {
  const [best] = [...new Set(listed.map((t) => t.spec))].sort(
    (a, b) => editDistance(a, spec) - editDistance(b, spec),
  );
  return best ?? '(the matrix is empty)';
}

test('the model covers every checklist item and nothing else', () => {
  expect(Object.keys(EVIDENCE).sort()).toEqual([...GO_LIVE_IDS].sort());
});

test('every declared spec exists in the matrix', () => {
  expect(listed.length).toBeGreaterThan(50);
  const names = new Set(listed.map((t) => t.spec));
  const missing = GO_LIVE_IDS.flatMap((id) =>
    declaredSpecs(evidenceOf(id))
      .filter((spec) => !names.has(spec))
      .map((spec) => `${id}: "${spec}" is not in the matrix; closest: "${closest(spec)}"`),
  );
  expect(missing).toEqual([]);
});

test('every spec tagged with an item is declared for it, and every declared spec carries the tag', () => {
  const problems: string[] = [];
  for (const id of GO_LIVE_IDS) {
    const declared = new Set(declaredSpecs(evidenceOf(id)));
    const tagged = specsTagged(id);
    for (const spec of tagged)
      if (!declared.has(spec)) problems.push(`${id}: tagged but not declared: ${spec}`);
    for (const spec of declared)
      if (!tagged.has(spec)) problems.push(`${id}: declared but not tagged: ${spec}`);
  }
  expect(problems).toEqual([]);
});

test('automated items have decisive specs and a stand-in check; manual items say what to check', () => {
  for (const id of GO_LIVE_IDS) {
    const evidence = evidenceOf(id);
    if (isManual(evidence)) {
      expect(evidence.manual, id).toMatch(/^Check\b.{40,}/);
      continue;
    }
    expect(evidence.provenBy.length, id).toBeGreaterThan(0);
    expect(evidence.decisive.length, id).toBeGreaterThan(0);
    expect(standInSpecs(evidence).length, id).toBeGreaterThan(0);
  }
});

test("a production-provable item's decisive specs are @prod-safe, so a production run can run them", () => {
  const prodSafe = new Set(
    listed.filter((t) => t.tags.some((tag) => tag.replace(/^@/, '') === 'prod-safe')).map((t) => t.spec),
  );
  const problems = GO_LIVE_IDS.flatMap((id) => {
    const evidence = evidenceOf(id);
    if (isManual(evidence) || !evidence.provenBy.includes('production')) return [];
    return evidence.decisive.filter((spec) => !prodSafe.has(spec)).map((spec) => `${id}: ${spec}`);
  });
  expect(problems).toEqual([]);
});

test("an item about the merchant's systems is never decided by the suite's own stand-in", () => {
  const merchantSpecs = new Set(MERCHANT_SYSTEM_SPECS);
  for (const id of GO_LIVE_IDS) {
    const evidence = evidenceOf(id);
    if (isManual(evidence) || !evidence.provenBy.includes('merchant')) continue;
    expect(
      evidence.decisive.filter((spec) => !merchantSpecs.has(spec)),
      `${id}: its decisive specs must reach your systems`,
    ).toEqual([]);
    // A declared stand-in is the suite's own check (its receiver): never one of the decisive probes, and the
    // probes themselves stand in (against a loopback handler) only where no other stand-in is declared.
    const standIn = new Set(standInSpecs(evidence));
    if (evidence.standIn)
      expect(
        evidence.decisive.filter((spec) => standIn.has(spec)),
        `${id}: its stand-in must not be its decisive specs`,
      ).toEqual([]);
  }
  // Every spec that reaches the merchant's systems exists in the matrix.
  const specs = new Set(listed.map((t) => t.spec));
  expect(MERCHANT_SYSTEM_SPECS.filter((spec) => !specs.has(spec))).toEqual([]);
});
