/**
 * The schema vectors (`schemas/vectors/<name>.json`): every valid case passes, every invalid one fails with an
 * error whose `path` names the field the case is about. A schema that is too loose or too tight fails here.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DOC_PAGES } from '../../schemas/doc-pages';
import { SCHEMA_NAMES, validate, type SchemaName } from '../../schemas/registry';
import { loadVectors, VECTORS_DIR } from '../../schemas/vectors';

test('every registered schema has a vector file, and every vector file a schema', () => {
  const files = readdirSync(VECTORS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
  expect(files).toEqual([...SCHEMA_NAMES].sort());
});

for (const name of SCHEMA_NAMES) {
  test(`vectors of ${name}`, () => {
    const cases = loadVectors(name).flatMap((group) => group.tests);
    expect(cases.filter((c) => c.valid).length, 'at least one valid case').toBeGreaterThan(0);
    expect(cases.filter((c) => !c.valid).length, 'at least one near-miss').toBeGreaterThan(0);
    for (const c of cases) {
      const result = validate(name, c.data);
      if (c.valid) {
        expect(result, `${name}: ${c.description}`).toEqual({ valid: true, errors: [] });
        continue;
      }
      expect(result.valid, `${name}: ${c.description} must fail`).toBe(false);
      expect(c.path, `${name}: ${c.description} must say which field it is about`).toEqual(
        expect.any(String),
      );
      expect(
        result.errors.map((e) => e.path),
        `${name}: ${c.description} must fail on ${c.path}`,
      ).toContain(c.path);
    }
  });
}

test('documented examples cite a Migo doc page', () => {
  const docsRoot = DOC_PAGES.quickstart.slice(0, DOC_PAGES.quickstart.indexOf('/en/') + 4);
  for (const name of SCHEMA_NAMES) {
    for (const c of loadVectors(name).flatMap((group) => group.tests)) {
      if (c.source === undefined) continue;
      expect(c.valid, `${name}: ${c.description} is documented, so valid`).toBe(true);
      expect(c.source, `${name}: ${c.description}`).toMatch(new RegExp(`^${docsRoot.replace(/\./g, '\\.')}`));
    }
  }
});

/** The near-misses the contract is most often broken by: deleting one of these vectors fails this test. */
const REQUIRED_NEAR_MISSES: { name: SchemaName; path: string; about: string }[] = [
  { name: 'payment-link', path: '/URL', about: 'lowercase url' },
  { name: 'payment-link', path: '/success', about: 'an envelope where none belongs' },
  { name: 'custom-response', path: '/errors/0/code', about: 'a numeric code or one outside 7000-8099' },
  {
    name: 'custom-response',
    path: '/errors',
    about: 'success:false without errors, success:true with errors',
  },
  { name: 'gateway-error', path: '/errors/0/code', about: 'a code outside 7000-8099' },
  { name: 'middleware-error', path: '/ownCode', about: 'an ownCode in the WG/CMS range' },
  { name: 'merchant-callback', path: '/uid', about: 'a callback without uid' },
  { name: 'alt-status', path: '', about: 'a lowercase alternative-payment status' },
  { name: 'alt-payment', path: '/data/type', about: 'an unknown payload kind' },
  { name: 'login-response', path: '/statusCode', about: 'the CustomResponse form of login' },
];

test('the known near-misses are covered', () => {
  for (const { name, path, about } of REQUIRED_NEAR_MISSES) {
    const cases = loadVectors(name).flatMap((group) => group.tests);
    expect(
      cases.some((c) => !c.valid && c.path === path),
      `${name}: a near-miss on ${path || '(root)'} (${about})`,
    ).toBe(true);
  }
});
