/**
 * The error catalog, table-driven: every code that can be driven from outside answers with its documented HTTP
 * status, its surface's envelope (Wallet Gateway: CustomResponse `errors[]` with string codes; Middleware: `ownCode`)
 * and, where the docs give one, its exact message ("Messages are the exact strings returned by the API",
 * error-catalog page).
 *
 * The expected values come from the documents (specs/documented/error-catalog.ts), never from
 * schemas/error-catalog.ts, the table the simulator answers from: a change to that table fails these tests
 * (tests/documented/catalog-table-change.proof.ts proves it). Where the docs give no status, the option of the
 * code's `error-status-<code>` reading is asserted and the test is annotated as resting on that reading; where the
 * code sits in the body is the reading error-code-form. An answer only another option explains fails as
 * AssumptionDiffers.
 */
import { test, expect, goLive } from '../../fixtures';
import { ERROR_CATALOG, type ErrorCode } from '../../schemas/error-catalog';
import { DEFAULT_READINGS } from '../../schemas/readings';
import { DOCUMENTED_ERRORS, documentedError, labelOf, type DocumentedError } from '../documented';
import { expectCatalogAnswer, expectedStatus } from './catalog-answer';
import {
  CATALOG_CASES,
  isDriven,
  type CatalogCase,
  type DriveFixtures,
  type DrivenCase,
} from './catalog-cases';

/** The title names the documented status, or the reading's default marked "assumed": stable across profiles. */
function title(doc: DocumentedError, driven: DrivenCase): string {
  const { status, reading } = expectedStatus(doc, DEFAULT_READINGS);
  const name = labelOf(doc) === doc.code ? doc.code : `${doc.code} ${labelOf(doc)}`;
  return `${driven.outcome} with ${name} (${status}${reading ? ', assumed' : ''})`;
}

test.describe('Error catalog', () => {
  for (const doc of DOCUMENTED_ERRORS) {
    // Undefined only when the docs list a code nobody classified: the coverage test below names it.
    const c: CatalogCase | undefined = CATALOG_CASES[doc.code as ErrorCode];
    if (!c || !isDriven(c)) continue;
    const run = async (f: DriveFixtures, requires: (...r: DrivenCase['needs']) => void) => {
      requires(...c.needs);
      test.skip(!!c.localOnly && f.migoConfig.target !== 'local', c.localOnly);
      expectCatalogAnswer(doc, await c.drive(f), f.migoConfig.readings);
    };
    if (c.simulator) {
      test(
        title(doc, c),
        goLive('GL-ERR-01'),
        async ({ api, cardholder, migoConfig, migoTarget, request, sim, requires }) =>
          run({ api, cardholder, migoConfig, migoTarget, request, sim }, requires),
      );
    } else {
      test(
        title(doc, c),
        goLive('GL-ERR-01'),
        async ({ api, cardholder, migoConfig, migoTarget, request, requires }) =>
          run({ api, cardholder, migoConfig, migoTarget, request, sim: undefined }, requires),
      );
    }
  }

  test(
    'classifies every catalog code as driven here or not drivable, with a reason',
    goLive('GL-ERR-01'),
    () => {
      const catalog = ERROR_CATALOG.map((row) => row.code);
      const documented = DOCUMENTED_ERRORS.map((row) => row.code);
      const classified = Object.keys(CATALOG_CASES);
      expect(
        documented.filter((code) => !classified.includes(code)),
        'documented codes with no case in specs/errors/catalog-cases.ts',
      ).toEqual([]);
      expect(
        classified.filter((code) => !catalog.includes(code as ErrorCode)),
        'cases for codes the catalog no longer has',
      ).toEqual([]);
      for (const code of classified) documentedError(code);
      for (const code of catalog) {
        const c = CATALOG_CASES[code as ErrorCode];
        if (isDriven(c)) continue;
        expect(c.notDrivable.trim(), `why ${code} cannot be driven`).not.toBe('');
        test.info().annotations.push({ type: 'not drivable', description: `${code}: ${c.notDrivable}` });
      }
    },
  );
});
