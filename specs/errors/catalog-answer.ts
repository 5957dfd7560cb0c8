/**
 * How a catalog answer is judged: its status, envelope, code and message against the documented catalog
 * (specs/documented/error-catalog.ts), under a run's readings profile. Shared by error-catalog.spec.ts and the
 * readings' wire scenarios (tests/readings/scenarios.ts), which prove each reading it reads: error-status-<code>,
 * error-code-form, error-message-7303 and token-expired-place.
 */
import { test, expectUnderReadings } from '../../fixtures';
import { gatewayErrorItems } from '../../schemas/gateway-error.schema';
import { isReadingName, type Readings } from '../../schemas/readings';
import { validate } from '../../schemas/registry';
import { labelOf, type DocumentedError } from '../documented';
import type { Answer } from './catalog-cases';

/** The status to expect: the documented one, else the option of the code's reading (never a literal of ours). */
export function expectedStatus(
  doc: DocumentedError,
  readings: Readings,
): { status: number; reading?: string } {
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

/** The codes whose wire message no page shows, and the reading that says what to expect instead. */
const MESSAGE_READINGS: Readonly<Record<string, 'error-message-7303'>> = { '7303': 'error-message-7303' };

/**
 * What is wrong with the message beside a WG/CMS code: the documented text verbatim, the documented start of a
 * text the page cuts off, or where no page shows the text, what the code's reading says. A driven code with none
 * of these would only be checked for presence: that is a problem of its own.
 */
function messageProblem(doc: DocumentedError, message: unknown, readings: Readings): string | undefined {
  const shown = JSON.stringify(message);
  if (doc.message !== null)
    return message === doc.message
      ? undefined
      : `the message of ${doc.code} is ${shown}, not the documented ${JSON.stringify(doc.message)} (${doc.page})`;
  if (doc.messageCut !== undefined)
    return typeof message === 'string' && message.startsWith(doc.messageCut)
      ? undefined
      : `the message of ${doc.code} is ${shown}, not the documented text starting ${JSON.stringify(doc.messageCut)} (${doc.page})`;
  const reading = MESSAGE_READINGS[doc.code];
  if (!reading)
    return `no page shows the message of ${doc.code} and no reading says what to expect: add one (error-message-${doc.code}) to schemas/readings.ts`;
  if (readings[reading] === 'doc-meaning')
    return message === doc.meaning
      ? undefined
      : `the message of ${doc.code} is ${shown}, not the documented description ${JSON.stringify(doc.meaning)} (reading ${reading}=doc-meaning)`;
  return typeof message === 'string' && message.trim() !== ''
    ? undefined
    : `${doc.code} comes without a message (reading ${reading}=other-text)`;
}

/** Where the reading token-expired-place puts the documented string `TOKEN_EXPIRED`, and what stands there. */
function tokenExpiredAt(body: unknown, readings: Readings): { place: string; value: unknown } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const place = readings['token-expired-place'];
  if (place !== 'errors-code') return { place, value: b[place] };
  const errors = Array.isArray(b.errors) ? (b.errors as { code?: unknown }[]) : [];
  return {
    place: 'errors[].code',
    value: errors.map((e) => e?.code).find((code) => code === 'TOKEN_EXPIRED'),
  };
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
      return messageProblem(doc, error.message, readings);
    }
    case 'middleware': {
      const envelope = envelopeProblem('middleware-error', answer.body, readings);
      if (envelope) return envelope;
      const ownCode = (answer.body as { ownCode: unknown }).ownCode;
      return String(ownCode) === doc.code
        ? undefined
        : `ownCode is ${JSON.stringify(ownCode)}, not ${doc.code}`;
    }
    case 'auth': {
      const envelope = envelopeProblem('token-expired', answer.body, readings);
      if (envelope) return envelope;
      // The documented string (go-live page: "401 TOKEN_EXPIRED") exactly, at the reading's place.
      const { place, value } = tokenExpiredAt(answer.body, readings);
      return value === doc.code
        ? undefined
        : `${doc.code} is not at ${place} (reading token-expired-place), which holds ${JSON.stringify(value)}; the docs name the code ${doc.code} (${doc.page})`;
    }
  }
}

/** The status, envelope, code and message of one catalog answer, judged under the run's profile. */
export function expectCatalogAnswer(doc: DocumentedError, answer: Answer, readings: Readings): void {
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
