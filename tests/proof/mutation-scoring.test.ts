/**
 * How the mutation harness scores a run (bench/mutation.ts judgeGuard, scoreRun), on exact outcomes: a mutation is
 * caught only by its guard failing with the predicted failure. An HTTP 500, a hang, a transport error or a crash is
 * never a catch; tests/proof/mutations.proof.ts shows the same on real nested runs.
 */
import { test, expect } from '@playwright/test';
import { judgeGuard, scoreRun } from '../../bench/mutation';
import { failuresOf, verdictOf, type NestedRun, type TestOutcome } from '../../bench/nested-run';

const GUARD = {
  test: 'payment-links/create-payment-link.spec.ts › POST /transactions › answers uid, reference and an uppercase URL at the top level, with no envelope',
  failure: "must have required property 'URL'",
};
const PASSED: TestOutcome = { spec: GUARD.test, project: 'api', verdict: 'passed', status: 'passed' };
const failed = (message: string, status: TestOutcome['status'] = 'failed'): TestOutcome => ({
  ...PASSED,
  verdict: 'failed',
  status,
  message,
});
const PREDICTED = failed(
  `ContractViolation: schema: POST /transactions body does not match "payment-link" (HTTP 200).\n  Received:   /: must have required property 'URL'\n  Documented: schema payment-link`,
);
const HTTP_500 = failed(
  'ContractViolation: statusDocumented: POST /transactions answered with an undocumented status.\n  Received:   500\n  Documented: 200, 400, 401',
);

test('the guard failing with its predicted failure catches the mutation', () => {
  expect(judgeGuard(GUARD, PASSED, PREDICTED)).toMatchObject({
    caught: true,
    failure: 'ContractViolation: schema: POST /transactions body does not match "payment-link" (HTTP 200).',
  });
});

test('an HTTP 500, a hang, a transport error or a crash is not a catch', () => {
  expect(judgeGuard(GUARD, PASSED, HTTP_500)).toMatchObject({
    caught: false,
    why: 'failed on an HTTP 500 the guard does not predict',
  });
  // Even a 500 whose message happens to contain the fragment: the server error is the failure.
  expect(judgeGuard(GUARD, PASSED, failed(`Received: 500 — ${GUARD.failure}`)).caught).toBe(false);
  expect(judgeGuard(GUARD, PASSED, failed('Test timeout of 20000ms exceeded.', 'timedOut'))).toMatchObject({
    caught: false,
    why: 'timed out: a hang is not a catch',
  });
  for (const message of [
    'TransportError: POST /transactions failed: ECONNRESET (socket hang up)',
    'TransportError: POST /transactions: no answer within 5000 ms',
    'Error: page.goto: Target page, context or browser has been closed',
  ])
    expect(judgeGuard(GUARD, PASSED, failed(`${message} ${GUARD.failure}`)).caught, message).toBe(false);
  expect(judgeGuard(GUARD, PASSED, failed('x', 'interrupted')).caught).toBe(false);
});

test('a 5xx the guard predicts is a catch (a rule about the status itself)', () => {
  const statusGuard = { test: GUARD.test, failure: 'Received: 500' };
  expect(
    judgeGuard(
      statusGuard,
      PASSED,
      failed('HTTP status of 7001 GREATER_THAN_ZERO\n\nExpected: 400\nReceived: 500'),
    ).caught,
  ).toBe(true);
});

test('a guard that failed without the mutation, still passes, or fails otherwise proves nothing', () => {
  expect(judgeGuard(GUARD, failed('x'), PREDICTED).why).toBe(
    'did not pass without the mutation (baseline: failed)',
  );
  expect(judgeGuard(GUARD, undefined, PREDICTED).caught).toBe(false);
  expect(judgeGuard(GUARD, PASSED, PASSED).why).toBe('still passed under the mutation');
  expect(judgeGuard(GUARD, PASSED, undefined).why).toBe('did not run under the mutation');
  expect(judgeGuard(GUARD, PASSED, failed('Error: expected 3 deliveries')).why).toBe(
    `failed, but not with the predicted "${GUARD.failure}"`,
  );
});

test('scoreRun names the catching test and its first failure line, and reports other failures apart', () => {
  const other: TestOutcome = {
    spec: 'a.spec.ts › other',
    project: 'api',
    verdict: 'failed',
    status: 'failed',
    message: 'boom',
  };
  const run = (outcomes: TestOutcome[], problem?: string): NestedRun => ({
    verdicts: new Map(outcomes.map((o) => [`[api] ${o.spec}`, o.verdict])),
    outcomes: new Map(outcomes.map((o) => [`[api] ${o.spec}`, o])),
    durationMs: 1,
    exitCode: 1,
    ...(problem ? { problem } : {}),
  });
  const mutation = { name: 'payment-link-lowercase-url', rule: 'URL is uppercase', caughtBy: [GUARD] };
  const caught = scoreRun(mutation, run([PASSED]), run([PREDICTED, other]));
  expect(caught).toMatchObject({
    name: 'payment-link-lowercase-url',
    caught: true,
    by: GUARD.test,
    failure: 'ContractViolation: schema: POST /transactions body does not match "payment-link" (HTTP 200).',
    otherFailures: ['[api] a.spec.ts › other'],
  });
  const missed = scoreRun(mutation, run([PASSED]), run([HTTP_500]));
  expect(missed).toMatchObject({
    caught: false,
    by: null,
    failure: 'ContractViolation: statusDocumented: POST /transactions answered with an undocumented status.',
  });
  expect(scoreRun(mutation, run([PASSED]), run([PREDICTED], 'playwright exited 2')).caught).toBe(false);
});

test('a guard marked to fail (batched mutation run) is judged by what it did, not by the mark', () => {
  // Playwright reports a marked test that failed as "expected", and one that passed as "unexpected".
  const marked = (status: string, lastStatus: 'passed' | 'failed' | 'timedOut' | 'skipped') =>
    verdictOf({ status, expectedStatus: 'failed', lastStatus });
  expect(marked('expected', 'failed')).toBe('failed');
  expect(marked('expected', 'timedOut')).toBe('failed');
  expect(marked('unexpected', 'passed')).toBe('passed');
  expect(marked('skipped', 'skipped')).toBe('skipped');
  // Unmarked tests keep Playwright's verdict.
  expect(verdictOf({ status: 'expected', lastStatus: 'passed' })).toBe('passed');
  expect(verdictOf({ status: 'unexpected', lastStatus: 'failed' })).toBe('failed');
  expect(verdictOf({ status: 'flaky', lastStatus: 'passed' })).toBe('flaky');
  // A marked guard that passed still passed under its mutation: not a catch.
  const baseline: TestOutcome = { spec: 'g', project: 'api', verdict: 'passed', status: 'passed' };
  const stillPassed: TestOutcome = { ...baseline, verdict: marked('unexpected', 'passed') };
  expect(judgeGuard({ test: 'g', failure: 'x' }, baseline, stillPassed).caught).toBe(false);
});

test('a proof expecting no failure is shown each failed test with how it failed', () => {
  const outcomes: TestOutcome[] = [
    PASSED,
    { ...failed('Test timeout of 20000ms exceeded.', 'timedOut'), spec: 'a › slow' },
    { ...failed(''), spec: 'b › silent', message: undefined },
    {
      ...failed('expected 200, got 401 for Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'),
      spec: 'd › jwt',
    },
    { ...PASSED, spec: 'c › skipped', verdict: 'skipped', status: 'skipped' },
  ];
  const run: NestedRun = {
    verdicts: new Map(outcomes.map((o) => [`[api] ${o.spec}`, o.verdict])),
    outcomes: new Map(outcomes.map((o) => [`[api] ${o.spec}`, o])),
    durationMs: 1,
    exitCode: 1,
  };
  expect(failuresOf(run)).toEqual({
    '[api] a › slow': 'timedOut: Test timeout of 20000ms exceeded.',
    '[api] b › silent': 'failed: (no message)',
    '[api] d › jwt': expect.stringMatching(/^failed: expected 200, got 401 for Bearer (?!eyJ)/),
  });
  expect(
    JSON.stringify(failuresOf(run)),
    'the nested report is not redacted: its messages are',
  ).not.toContain('eyJhbGciOiJIUzI1NiJ9');
});
