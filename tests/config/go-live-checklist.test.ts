import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import {
  GO_LIVE_IDS,
  GO_LIVE_ITEMS,
  goLive,
  goLiveItem,
  isGoLiveId,
  provableIn,
  type GoLiveItem,
  type GoLiveSource,
} from '../../checklist/go-live';
import { evidenceOf, isManual } from '../../checklist/evidence';
import { parseSeed, type SeedUnit } from './seed-units';

// The user's seed documents live beside the project (shared reference material, not copied into it).
const SEEDS_DIR = process.env.MIGO_SEEDS_DIR ?? '/work/shared/seeds';
const SEED_FILES: Record<GoLiveSource, string> = {
  'go-live-checklist': join(SEEDS_DIR, 'go-live-checklist.md'),
  environments: join(SEEDS_DIR, 'environments-and-base-urls.md'),
};
const SCENARIO_IDS = ['GL-SCN-01', 'GL-SCN-02', 'GL-SCN-03', 'GL-SCN-04'];

function itemsOf(source: GoLiveSource): GoLiveItem[] {
  return GO_LIVE_ITEMS.filter((item) => item.source === source);
}

function sectionsOf(source: GoLiveSource): string[] {
  return [...new Set(itemsOf(source).map((item) => item.section))];
}

function matches(item: GoLiveItem, unit: SeedUnit): boolean {
  const subsection = 'subsection' in item ? item.subsection : undefined;
  return (
    item.section === unit.section &&
    (subsection === undefined || subsection === unit.heading) &&
    unit.text.includes(item.anchor)
  );
}

function seedUnits(source: GoLiveSource): { units: SeedUnit[]; headings: string[] } {
  const path = SEED_FILES[source];
  test.skip(!existsSync(path), `seed document not found at ${path}: set MIGO_SEEDS_DIR to its folder`);
  return parseSeed(readFileSync(path, 'utf8'), sectionsOf(source));
}

test.describe('go-live checklist IDs', () => {
  test('every ID is GL-<AREA>-<NN>, unique, and no ID is a prefix of another', () => {
    // Collected, then asserted once: an expect per pair of IDs (thousands) cost seconds.
    expect(GO_LIVE_IDS.filter((id) => !/^GL-[A-Z]{2,5}-\d{2}$/.test(id))).toEqual([]);
    expect(new Set(GO_LIVE_IDS).size).toBe(GO_LIVE_IDS.length);
    const prefixes = GO_LIVE_IDS.flatMap((a) =>
      GO_LIVE_IDS.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a} is a prefix of ${b}`),
    );
    expect(prefixes).toEqual([]);
  });

  test('the recommended scenarios are exactly GL-SCN-01..04, in the seed order', () => {
    const scenarios = GO_LIVE_ITEMS.filter((item) => item.id.startsWith('GL-SCN-'));
    expect(scenarios.map((item) => [item.id, item.title])).toEqual([
      ['GL-SCN-01', 'Happy-path charge'],
      ['GL-SCN-02', 'Declined charge'],
      ['GL-SCN-03', '3-D Secure challenge'],
      ['GL-SCN-04', 'Duplicate or replayed delivery'],
    ]);
  });

  test('manual items say what to check; automated items say which targets can prove them', () => {
    for (const item of GO_LIVE_ITEMS) {
      expect(item.docs, item.id).toMatch(/^https:\/\/api-docs\.migopayments\.com\/en\/[a-z-]+\/[a-z-]+$/);
      expect(item.title.length, item.id).toBeGreaterThan(5);
      const evidence = evidenceOf(item.id);
      if (isManual(evidence)) {
        expect(evidence.manual, item.id).toMatch(/^Check\b/);
        expect(provableIn(item)).toEqual([]);
      } else {
        expect(provableIn(item).length, item.id).toBeGreaterThan(0);
      }
    }
    expect(provableIn(goLiveItem('GL-ENV-01'))).toEqual(['production']);
  });

  test('goLive() gives the @go-live tag, one tag and one annotation per item, without duplicates', () => {
    expect(goLive('GL-SCN-01', 'GL-AUTH-03', 'GL-SCN-01')).toEqual({
      tag: ['@go-live', '@GL-SCN-01', '@GL-AUTH-03'],
      annotation: [
        { type: 'go-live', description: 'GL-SCN-01 Happy-path charge' },
        { type: 'go-live', description: `GL-AUTH-03 ${goLiveItem('GL-AUTH-03').title}` },
      ],
    });
    // @ts-expect-error a mistyped ID does not compile
    expect(() => goLive('GL-SCN-1')).toThrow('unknown go-live ID "GL-SCN-1"');
    expect(isGoLiveId('GL-RATE-02')).toBe(true);
    expect(isGoLiveId('GL-RATE-2')).toBe(false);
  });
});

test.describe('every seed item has exactly one ID', () => {
  for (const source of ['go-live-checklist', 'environments'] as const) {
    test(`${source}: sections are the seed headings`, () => {
      const { headings } = seedUnits(source);
      const sections = sectionsOf(source);
      for (const section of sections) expect(headings, `section "${section}"`).toContain(section);
      if (source === 'go-live-checklist') {
        // The checklist has no sub-headings: every heading after the title is one of ours, in order.
        expect(headings.slice(1)).toEqual(sections);
      }
    });

    test(`${source}: each bullet, table row and paragraph maps to one item, and each item to one of them`, () => {
      const { units } = seedUnits(source);
      const items = itemsOf(source);
      expect(units.length).toBeGreaterThan(10);
      for (const unit of units) {
        const ids = items.filter((item) => matches(item, unit)).map((item) => item.id);
        const expected = ids.some((id) => SCENARIO_IDS.includes(id)) ? SCENARIO_IDS : [ids[0]];
        expect(ids, `"${unit.text.slice(0, 70)}" (${unit.section})`).toEqual(expected);
      }
      for (const item of items) {
        const hits = units.filter((unit) => matches(item, unit));
        expect(hits.length, `${item.id} anchor "${item.anchor}"`).toBe(1);
      }
    });
  }

  test('the counts: 25 checklist bullets (28 IDs) and 21 environments items', () => {
    expect(seedUnits('go-live-checklist').units).toHaveLength(25);
    expect(seedUnits('environments').units).toHaveLength(21);
    expect(itemsOf('go-live-checklist')).toHaveLength(28);
    expect(itemsOf('environments')).toHaveLength(21);
  });
});
