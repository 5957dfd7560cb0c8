/** Card numbers: the Luhn check, what counts as a card number in text, and the mask that keeps the last 4. */

const BULLET = '\u2022';

/**
 * Separators people and pages put between the digit groups of a card number: space, no-break and figure spaces,
 * dash and dot (`4000 0000 0000 1000`, `4000-0000-…`, `4000.0000.0000.1000`).
 */
export const PAN_SEPARATORS = ' \u00a0\u2007\u202f.-';
const SEPARATOR = new RegExp(`[${PAN_SEPARATORS.replace('-', '\\-')}]`, 'g');

/** Masks every digit but the last four, keeping separators: `4000 0000 0000 1000` → `•••• •••• •••• 1000`. */
export function maskPan(text: string): string {
  const digits = text.replace(/\D/g, '').length;
  if (digits <= 4) return text;
  let seen = 0;
  return text.replace(/\d/g, (d) => (++seen > digits - 4 ? d : BULLET));
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A digit run is treated as a card number when it has 13–19 digits, passes Luhn and starts like a payment
 * card (3 Amex/JCB/Diners, 4 Visa, 5 Mastercard/Maestro, 6 Discover/UnionPay, 2221–2720 Mastercard). The issuer
 * prefix rule keeps millisecond and nanosecond timestamps (which start with 1) readable. Group separators
 * (PAN_SEPARATORS) are ignored.
 */
export function looksLikePan(text: string): boolean {
  const digits = text.replace(SEPARATOR, '');
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return false;
  const first = digits[0]!;
  if (first === '2') {
    const prefix = Number(digits.slice(0, 4));
    return prefix >= 2221 && prefix <= 2720;
  }
  return first >= '3' && first <= '6';
}
