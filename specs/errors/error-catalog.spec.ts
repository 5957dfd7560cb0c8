/**
 * The error catalog, table-driven: every code that can be driven from outside answers with its documented HTTP
 * status, its surface's envelope (Wallet Gateway: CustomResponse `errors[]` with string codes; Middleware: `ownCode`)
 * and, where the catalog gives one, its exact message ("Messages are the exact strings returned by the API",
 * error-catalog page). Where the docs give no status, the status pinned in MIGO_ERROR_STATUSES is asserted, else
 * the catalog's assumed one, and the test is annotated as resting on an assumption.
 */
import { test, expect, goLive } from '../../fixtures';
import { ERROR_CATALOG, catalogEntry, expectedStatus, type ErrorCode } from '../../schemas/error-catalog';
import { validate } from '../../schemas/registry';
import {
  CATALOG_CASES,
  isDriven,
  type Answer,
  type CatalogCase,
  type DriveFixtures,
  type DrivenCase,
} from './catalog-cases';

type Entry = (typeof ERROR_CATALOG)[number];

function envelopeProblems(schema: 'gateway-error' | 'middleware-error' | 'token-expired', body: unknown) {
  return validate(schema, body).errors.map((e) => `${e.path || '/'}: ${e.message}`);
}

/** The documented status; for an undocumented one, the status pinned for this target, else the assumption. */
function statusFor(entry: Entry, pinned: Record<string, number>): { status: number; documented: boolean } {
  const expected = expectedStatus(entry.code);
  return expected.documented
    ? expected
    : { status: pinned[entry.code] ?? expected.status, documented: false };
}

/** The status, envelope, code and message of one catalog answer. */
function expectCatalogAnswer(entry: Entry, answer: Answer, pinned: Record<string, number>): void {
  const { status, documented } = statusFor(entry, pinned);
  expect(answer.status, `HTTP status of ${entry.code} ${entry.name}`).toBe(status);
  if (!documented) {
    test.info().annotations.push({
      type: 'assumption',
      description: `${entry.code} ${entry.name}: HTTP ${status} is ${entry.code in pinned ? 'pinned by MIGO_ERROR_STATUSES' : "the catalog's assumed status"}; no doc page states it (${entry.source})`,
    });
  }
  switch (entry.surface) {
    case 'gateway': {
      expect(envelopeProblems('gateway-error', answer.body), 'gateway-error envelope').toEqual([]);
      const errors = (answer.body as { errors: { code: unknown; message: unknown }[] }).errors;
      const error = errors.find((e) => e.code === entry.code);
      expect(
        error,
        `errors[] carries the string code "${entry.code}"; got ${JSON.stringify(errors)}`,
      ).toBeDefined();
      if (entry.message !== null) expect(error!.message, 'the catalog message, verbatim').toBe(entry.message);
      else expect(error!.message).toEqual(expect.any(String));
      return;
    }
    case 'middleware':
      expect(envelopeProblems('middleware-error', answer.body), 'middleware-error envelope').toEqual([]);
      expect((answer.body as { ownCode: unknown }).ownCode, 'ownCode').toBe(Number(entry.code));
      return;
    case 'auth':
      expect(envelopeProblems('token-expired', answer.body), `a 401 body carrying ${entry.code}`).toEqual([]);
      return;
  }
}

function title(entry: Entry, driven: DrivenCase): string {
  const { status, documented } = expectedStatus(entry.code);
  const name = entry.name === entry.code ? entry.code : `${entry.code} ${entry.name}`;
  return `${driven.outcome} with ${name} (${status}${documented ? '' : ', assumed'})`;
}

test.describe('Error catalog', () => {
  for (const entry of ERROR_CATALOG) {
    // Undefined only when the catalog gained a row nobody classified: the coverage test below names it.
    const c: CatalogCase | undefined = CATALOG_CASES[entry.code];
    if (!c || !isDriven(c)) continue;
    const run = async (f: DriveFixtures, requires: (...r: DrivenCase['needs']) => void) => {
      requires(...c.needs);
      test.skip(!!c.localOnly && f.migoConfig.target !== 'local', c.localOnly);
      expectCatalogAnswer(entry, await c.drive(f), f.migoConfig.errorStatuses);
    };
    if (c.simulator) {
      test(
        title(entry, c),
        goLive('GL-ERR-01'),
        async ({ api, cardholder, migoConfig, migoTarget, request, sim, requires }) =>
          run({ api, cardholder, migoConfig, migoTarget, request, sim }, requires),
      );
    } else {
      test(
        title(entry, c),
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
      const classified = Object.keys(CATALOG_CASES);
      expect(
        catalog.filter((code) => !classified.includes(code)),
        'catalog codes with no case in specs/errors/catalog-cases.ts',
      ).toEqual([]);
      expect(
        classified.filter((code) => !catalogEntry(code)),
        'cases for codes the catalog no longer has',
      ).toEqual([]);
      for (const code of catalog) {
        const c = CATALOG_CASES[code as ErrorCode];
        if (isDriven(c)) continue;
        expect(c.notDrivable.trim(), `why ${code} cannot be driven`).not.toBe('');
        test.info().annotations.push({ type: 'not drivable', description: `${code}: ${c.notDrivable}` });
      }
    },
  );
});
