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
import { test, expect, expectUnderReadings, goLive } from '../../fixtures';
import { ERROR_CATALOG, type ErrorCode } from '../../schemas/error-catalog';
import { gatewayErrorItems } from '../../schemas/gateway-error.schema';
import { DEFAULT_READINGS, isReadingName, type Readings } from '../../schemas/readings';
import { validate } from '../../schemas/registry';
import { DOCUMENTED_ERRORS, documentedError, labelOf, type DocumentedError } from '../documented';
import {
  CATALOG_CASES,
  isDriven,
  type Answer,
  type CatalogCase,
  type DriveFixtures,
  type DrivenCase,
} from './catalog-cases';

/** The status to expect: the documented one, else the option of the code's reading (never a literal of ours). */
function expectedStatus(doc: DocumentedError, readings: Readings): { status: number; reading?: string } {
  if (doc.http !== null) return { status: doc.http };
  const reading = `error-status-${doc.code}`;
  if (!isReadingName(reading))
    throw new Error(
      `no page states the HTTP status of ${doc.code} and schemas/readings.ts has no reading ${reading}: give its row in schemas/error-catalog.ts an assumedHttp`,
    );
  return { status: Number(readings[reading]), reading };
}

function envelopeProblem(
  schema: 'gateway-error' | 'middleware-error' | 'token-expired',
  body: unknown,
  readings: Readings,
): string | undefined {
  const errors = validate(schema, body, readings).errors.map((e) => `${e.path || '/'}: ${e.message}`);
  return errors.length > 0 ? `the ${schema} envelope fails: ${errors.join('; ')}` : undefined;
}

/** What is wrong with the message beside a WG/CMS code, judged against the documented text. */
function messageProblem(doc: DocumentedError, message: unknown): string | undefined {
  if (doc.message !== null)
    return message === doc.message
      ? undefined
      : `the message of ${doc.code} is ${JSON.stringify(message)}, not the documented ${JSON.stringify(doc.message)} (${doc.page})`;
  if (doc.messageCut !== undefined)
    return typeof message === 'string' && message.startsWith(doc.messageCut)
      ? undefined
      : `the message of ${doc.code} is ${JSON.stringify(message)}, not the documented text starting ${JSON.stringify(doc.messageCut)} (${doc.page})`;
  return typeof message === 'string' && message.trim() !== ''
    ? undefined
    : `${doc.code} comes without a message`;
}

/** What is wrong with a catalog answer under a profile: status, envelope, code and message. */
function catalogAnswerProblem(doc: DocumentedError, answer: Answer, readings: Readings): string | undefined {
  const { status } = expectedStatus(doc, readings);
  if (answer.status !== status) return `${doc.code} came with HTTP status ${answer.status}, not ${status}`;
  switch (doc.surface) {
    case 'gateway': {
      const envelope = envelopeProblem('gateway-error', answer.body, readings);
      if (envelope) return envelope;
      const errors = gatewayErrorItems(answer.body, readings);
      const error = errors.find((e) => String(e.code) === doc.code);
      if (!error) return `the body does not carry the code "${doc.code}"; got ${JSON.stringify(errors)}`;
      return messageProblem(doc, error.message);
    }
    case 'middleware': {
      const envelope = envelopeProblem('middleware-error', answer.body, readings);
      if (envelope) return envelope;
      const ownCode = (answer.body as { ownCode: unknown }).ownCode;
      return String(ownCode) === doc.code
        ? undefined
        : `ownCode is ${JSON.stringify(ownCode)}, not ${doc.code}`;
    }
    case 'auth':
      return envelopeProblem('token-expired', answer.body, readings);
  }
}

/** The status, envelope, code and message of one catalog answer, judged under the run's profile. */
function expectCatalogAnswer(doc: DocumentedError, answer: Answer, readings: Readings): void {
  const expected = expectedStatus(doc, readings);
  if (expected.reading) {
    test.info().annotations.push({
      type: 'assumption',
      description: `${doc.code} ${labelOf(doc)}: HTTP ${expected.status} is the option of the reading ${expected.reading} in this run; no doc page states it (${doc.page})`,
    });
  }
  expectUnderReadings(readings, `the answer of ${doc.code} ${labelOf(doc)}`, (profile) =>
    catalogAnswerProblem(doc, answer, profile),
  );
}

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
