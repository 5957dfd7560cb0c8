/**
 * "PANs are stored tokenized and never echoed": the integration stores the numeric `cardId`, never the PAN
 * (security page; card ids are numeric, card-lifecycle page). Every exchange already runs the noCardData check;
 * these tests also look for a card number themselves, in the body and the headers, so the rule holds even if that
 * check is switched off.
 */
import { randomUUID } from 'node:crypto';
import { test, expect, goLive } from '../../fixtures';

/** Keys that carry a card number: with 12 or more digits in the value, it is not masked. */
const CARD_NUMBER_KEY = /^(?:pan|card_?number|primary_?account_?number)$/i;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers in `text`, masked to the last four digits (a failure message must not print a PAN either): runs of
 * 13–19 digits, separators allowed, that pass Luhn and start like a payment card (2–6).
 */
function cardNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (/^[2-6]/.test(digits) && luhn(digits)) found.push(`••••${digits.slice(-4)}`);
  }
  return found;
}

/** JSON pointers of card-number fields holding an unmasked number (Luhn or not). */
function cardNumberKeys(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const unmasked = (v: unknown) =>
    (typeof v === 'string' || typeof v === 'number') && String(v).replace(/\D/g, '').length >= 12;
  return Object.entries(value).flatMap(([key, child]) => [
    ...(CARD_NUMBER_KEY.test(key) && unmasked(child) ? [`${path}/${key}`] : []),
    ...cardNumberKeys(child, `${path}/${key}`),
  ]);
}

test.describe('POST /users/{userId}/cards/virtuals', () => {
  test.beforeEach(({ requires }) => requires('walletGateway'));

  test(
    'issues a card referred to by a numeric cardId, with no card number in the answer',
    goLive('GL-INT-01', 'GL-OBS-03'),
    async ({ api, cardholder, migoConfig }) => {
      const [firstName = 'Contract', lastName = 'Cardholder'] = cardholder.name.split(' ');
      const user = await api.wallet.createUser({
        firstName,
        lastName,
        phoneNumber: cardholder.userId,
        username: cardholder.email,
      });
      expect(user.status).toBe(200);
      const { userId } = (user.body as { data: { userId: string } }).data;

      const card = await api.wallet.createVirtualCard(userId);
      expect(card.status).toBe(200);
      const { cardId } = (card.body as { data: { cardId: unknown } }).data;
      expect(
        Number.isInteger(cardId) && (cardId as number) > 0,
        `cardId ${JSON.stringify(cardId)} is a positive integer`,
      ).toBe(true);
      expect(
        cardNumbersIn(`${JSON.stringify(card.headers)}\n${card.text}`),
        'card numbers in the card answer',
      ).toEqual([]);
      expect(cardNumberKeys(card.body), 'card-number fields in the card answer').toEqual([]);

      // The cardId alone is enough to operate the card: the integration never needs the PAN.
      const funds = await api.wallet.funds(cardId as number, {
        amount: migoConfig.charge.amount,
        operation: 'ADD_FUNDS',
        channel: 'WEB',
        reference: `contract-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`,
      });
      expect(funds.status).toBe(200);
      expect(
        cardNumbersIn(`${JSON.stringify(funds.headers)}\n${funds.text}`),
        'card numbers in the funds answer',
      ).toEqual([]);
      expect(cardNumberKeys(funds.body), 'card-number fields in the funds answer').toEqual([]);
    },
  );
});
