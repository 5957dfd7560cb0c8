/**
 * The documented values (specs/documented/) against the tables the simulator and the configuration are built from
 * (schemas/error-catalog.ts, schemas/base-urls.ts): they agree today, and where they drift each difference is
 * named with the side to fix. The docs data only changes when the docs change; the tables follow it.
 *
 * Also: nothing on the serving or configuring side imports the documented values (the eslint layer rule says the
 * same for lint runs; this test holds without one).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test, expect } from '@playwright/test';
import { MIGO_BASE_URLS } from '../../schemas/base-urls';
import { ERROR_CATALOG, type CatalogEntry } from '../../schemas/error-catalog';
import { DOCUMENTED_URLS } from '../../fixtures/config';
import {
  CATALOG_ERROR_EXAMPLE,
  DOCUMENTED_BASE_URLS,
  DOCUMENTED_ERRORS,
  PAYMENT_LINK_EXAMPLE,
  documentedError,
  type DocumentedError,
} from '../../specs/documented';

const root = join(__dirname, '..', '..');
const FIX_TABLE =
  'fix schemas/error-catalog.ts (the simulator answers from it); specs/documented/ changes only when the docs change';

/** Every way a simulator table row differs from the documented row, in words. */
function catalogDifferences(doc: DocumentedError, row: CatalogEntry | undefined): string[] {
  if (!row) return [`${doc.code}: documented on ${doc.page} but missing from schemas/error-catalog.ts`];
  const out: string[] = [];
  const differs = (what: string, table: unknown, docs: unknown) =>
    out.push(
      `${doc.code} ${what}: the table says ${JSON.stringify(table)}, the docs say ${JSON.stringify(docs)}`,
    );
  if (row.http !== doc.http) differs('HTTP status', row.http, doc.http);
  if (row.message !== doc.message) differs('message', row.message, doc.message);
  if (doc.name !== null && row.name !== doc.name) differs('name', row.name, doc.name);
  if (row.surface !== doc.surface) differs('surface', row.surface, doc.surface);
  if (row.source !== doc.page) differs('source page', row.source, doc.page);
  if (doc.http === null && !('assumedHttp' in row))
    out.push(
      `${doc.code}: no page states its status, so its row needs an assumedHttp (a reading), not a literal`,
    );
  return out;
}

test('the error catalog the simulator answers from agrees with the documented catalog, row by row', () => {
  const differences = DOCUMENTED_ERRORS.flatMap((doc) =>
    catalogDifferences(
      doc,
      ERROR_CATALOG.find((row) => row.code === doc.code),
    ),
  );
  const undocumented = ERROR_CATALOG.filter((row) => !DOCUMENTED_ERRORS.some((d) => d.code === row.code)).map(
    (row) =>
      `${row.code}: in schemas/error-catalog.ts but on no doc page (specs/documented/error-catalog.ts)`,
  );
  expect([...differences, ...undocumented], FIX_TABLE).toEqual([]);
});

test('the documented catalog agrees with the documented envelope example', () => {
  const [example] = CATALOG_ERROR_EXAMPLE.body.errors;
  expect(documentedError(example.code).message).toBe(example.message);
});

test('a difference is named with its code and the side to fix', () => {
  const doc = documentedError('7001');
  const row = ERROR_CATALOG.find((r) => r.code === '7001')!;
  const changed = { ...row, message: 'The amount must be positive.', http: 500 } as unknown as CatalogEntry;
  expect(catalogDifferences(doc, changed)).toEqual([
    '7001 HTTP status: the table says 500, the docs say 400',
    '7001 message: the table says "The amount must be positive.", the docs say "The amount must be greater than zero."',
  ]);
  expect(catalogDifferences(doc, row)).toEqual([]);
});

test('the base URLs the configuration is built from agree with the documented ones', () => {
  const differences: string[] = [];
  for (const surface of ['middleware', 'walletGateway', 'cms'] as const)
    for (const env of ['sandbox', 'production', 'local'] as const)
      if (MIGO_BASE_URLS[surface][env] !== DOCUMENTED_BASE_URLS[surface][env])
        differences.push(
          `${surface} ${env}: schemas/base-urls.ts says ${MIGO_BASE_URLS[surface][env]}, the docs say ${DOCUMENTED_BASE_URLS[surface][env]}`,
        );
  for (const env of ['sandbox', 'production'] as const)
    if (DOCUMENTED_URLS[env].webview !== DOCUMENTED_BASE_URLS.webview[env])
      differences.push(
        `webview ${env}: fixtures/config/defaults.ts says ${DOCUMENTED_URLS[env].webview}, the docs say ${DOCUMENTED_BASE_URLS.webview[env]}`,
      );
  expect(
    differences,
    'fix the configuration tables; specs/documented/ changes only when the docs change',
  ).toEqual([]);
  // The Payment Link example opens the documented sandbox webview: the two pages agree with each other.
  expect(new URL(PAYMENT_LINK_EXAMPLE.body.URL).origin).toBe(DOCUMENTED_BASE_URLS.webview.sandbox);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

test('nothing that serves answers or builds the configuration imports the documented values', () => {
  const offenders = ['simulator', 'schemas', 'fixtures', 'cli', 'bench']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => /from\s+['"][^'"]*specs\/documented/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
  expect(offenders, 'files importing specs/documented/ (the expected values must stay apart)').toEqual([]);
});
