/**
 * What fails a rehearsal besides its tests (scripts/rehearsal/outcome.ts): a go-live report that does not say
 * "rehearsal" or shows a PASS, and money the run left on a card.
 */
import { test, expect } from '@playwright/test';
import { cardholderProblems, goLiveProblems } from '../../scripts/rehearsal/outcome';

const totals = (pass: number) => ({ PASS: pass, FAIL: 0, 'NOT RUN': 3, SIMULATED: 40, MANUAL: 23 });
type Run = NonNullable<Parameters<typeof goLiveProblems>[0]>['run'];
const run = (label?: string) => ({ target: 'sandbox', ...(label ? { label } : {}) }) as Run;

test('a go-live report labelled rehearsal with no PASS is fine; a PASS or another label is a problem', () => {
  expect(goLiveProblems({ run: run('rehearsal'), totals: totals(0) })).toEqual([]);
  expect(goLiveProblems({ run: run('rehearsal'), totals: totals(2) })).toEqual([
    'the go-live report shows 2 PASS for a rehearsal',
  ]);
  expect(goLiveProblems({ run: run(), totals: totals(0) })).toEqual([
    'the go-live report is labelled nothing, not "rehearsal"',
  ]);
  expect(goLiveProblems(undefined)).toEqual(['the run wrote no go-live report (reports/go-live.json)']);
});

test('a balance left on a card fails the rehearsal; users and cards left over do not', () => {
  const user = { kind: 'user' as const, id: 'u-1', note: 'no endpoint' };
  const card = { kind: 'card' as const, id: 'card 7', note: 'no endpoint' };
  expect(cardholderProblems({ created: [user, card], tornDown: [], leftover: [user, card] })).toEqual([]);
  expect(
    cardholderProblems({
      created: [user, card],
      tornDown: [],
      leftover: [{ kind: 'balance', id: 'card 7 balance', note: '1.00 GTQ still on the card: 7303' }],
    }),
  ).toEqual(['left over: card 7 balance: 1.00 GTQ still on the card: 7303']);
  expect(cardholderProblems(undefined)).toEqual([
    'the run wrote no cardholder ledger (run-summary.json has no "cardholder")',
  ]);
});
