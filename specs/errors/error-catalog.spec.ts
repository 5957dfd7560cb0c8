/**
 * The error catalog, table-driven: every code that can be driven from outside answers with its documented HTTP
 * status, its surface's envelope (Wallet Gateway: CustomResponse `errors[]` with string codes; Middleware: `ownCode`)
 * and, where the catalog gives one, its exact message ("Messages are the exact strings returned by the API",
 * error-catalog page). Where the docs give no status, the option of the code's `error-status-<code>` reading is
 * asserted and the test is annotated as resting on that reading; where the code sits in the body is the reading
 * error-code-form. An answer only another option explains fails as AssumptionDiffers.
 */
import { test, expect, expectUnderReadings, goLive } from '../../fixtures';
import { ERROR_CATALOG, catalogEntry, expectedStatus, type ErrorCode } from '../../schemas/error-catalog';
import { gatewayErrorItems } from '../../schemas/gateway-error.schema';
import type { Readings } from '../../schemas/readings';
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

function envelopeProblem(
  schema: 'gateway-error' | 'middleware-error' | 'token-expired',
  body: unknown,
  readings: Readings,
): string | undefined {
  const errors = validate(schema, body, readings).errors.map((e) => `${e.path || '/'}: ${e.message}`);
  return errors.length > 0 ? `the ${schema} envelope fails: ${errors.join('; ')}` : undefined;
}

/** What is wrong with a catalog answer under a profile: status, envelope, code and message. */
function catalogAnswerProblem(entry: Entry, answer: Answer, readings: Readings): string | undefined {
  const { status } = expectedStatus(entry.code, readings);
  if (answer.status !== status) return `HTTP status ${answer.status}, not ${status}`;
  switch (entry.surface) {
    case 'gateway': {
      const envelope = envelopeProblem('gateway-error', answer.body, readings);
      if (envelope) return envelope;
      const errors = gatewayErrorItems(answer.body, readings);
      const error = errors.find((e) => String(e.code) === entry.code);
      if (!error) return `the body does not carry the code "${entry.code}"; got ${JSON.stringify(errors)}`;
      if (entry.message !== null && error.message !== entry.message)
        return `the message is ${JSON.stringify(error.message)}, not the catalog's ${JSON.stringify(entry.message)}`;
      return typeof error.message === 'string' ? undefined : 'the code comes without a message';
    }
    case 'middleware': {
      const envelope = envelopeProblem('middleware-error', answer.body, readings);
      if (envelope) return envelope;
      const ownCode = (answer.body as { ownCode: unknown }).ownCode;
      return String(ownCode) === entry.code
        ? undefined
        : `ownCode is ${JSON.stringify(ownCode)}, not ${entry.code}`;
    }
    case 'auth':
      return envelopeProblem('token-expired', answer.body, readings);
  }
}

/** The status, envelope, code and message of one catalog answer, judged under the run's profile. */
function expectCatalogAnswer(entry: Entry, answer: Answer, readings: Readings): void {
  const expected = expectedStatus(entry.code, readings);
  if (expected.reading) {
    test.info().annotations.push({
      type: 'assumption',
      description: `${entry.code} ${entry.name}: HTTP ${expected.status} is the option of the reading ${expected.reading} in this run; no doc page states it (${entry.source})`,
    });
  }
  expectUnderReadings(readings, `the answer of ${entry.code} ${entry.name}`, (profile) =>
    catalogAnswerProblem(entry, answer, profile),
  );
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
      expectCatalogAnswer(entry, await c.drive(f), f.migoConfig.readings);
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
