/**
 * The simulator's test cards. They are OURS: Migo's "Testing your integration" page (with its test cards) could
 * not be read, so none of these numbers is documented by Migo. Use any future expiry (e.g. `12/30`) and CVC `123`.
 * Against the real sandbox, use the cards Migo gives you (configure them in the suite, not here).
 */
export interface TestCard {
  readonly pan: string;
  readonly brand: 'visa' | 'mastercard';
  /** What the simulated issuer answers. */
  readonly outcome: 'approved' | 'denied';
  /** Why a declined card is declined (shown on the result page, never in the return URL). */
  readonly declineReason?: 'generic' | 'insufficient-funds' | 'expired-card';
  /**
   * 3-D Secure: `none` pays at once; `challenge` shows the issuer challenge page, where "approve" gives `outcome`
   * and "fail" gives denied; `challenge-fails` shows the page but the issuer fails authentication whatever is
   * clicked (denied).
   */
  readonly threeDs: 'none' | 'challenge' | 'challenge-fails';
}

export const TEST_CARDS = {
  approved: { pan: '4000000000001000', brand: 'visa', outcome: 'approved', threeDs: 'none' },
  declinedGeneric: {
    pan: '4000000000002008',
    brand: 'visa',
    outcome: 'denied',
    declineReason: 'generic',
    threeDs: 'none',
  },
  declinedInsufficientFunds: {
    pan: '4000000000003006',
    brand: 'visa',
    outcome: 'denied',
    declineReason: 'insufficient-funds',
    threeDs: 'none',
  },
  declinedExpiredCard: {
    pan: '4000000000004004',
    brand: 'visa',
    outcome: 'denied',
    declineReason: 'expired-card',
    threeDs: 'none',
  },
  threeDsApproved: { pan: '4000000000005001', brand: 'visa', outcome: 'approved', threeDs: 'challenge' },
  threeDsFailed: { pan: '4000000000006009', brand: 'visa', outcome: 'approved', threeDs: 'challenge-fails' },
  approvedMastercard: { pan: '5555550000001000', brand: 'mastercard', outcome: 'approved', threeDs: 'none' },
} as const satisfies Record<string, TestCard>;

export type TestCardKey = keyof typeof TEST_CARDS;

/** Expiry and CVC that every test card accepts. */
export const TEST_CARD_EXPIRY = '12/30';
export const TEST_CARD_CVC = '123';

const BY_PAN = new Map<string, TestCard>(Object.values(TEST_CARDS).map((card) => [card.pan, card]));

/** The test card with this PAN, or undefined: an unknown (but well-formed) card is declined by the simulator. */
export function testCardByPan(pan: string): TestCard | undefined {
  return BY_PAN.get(pan);
}

/** Luhn check, so a mistyped number is a form error rather than a silent decline. */
export function isLuhnValid(pan: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = pan.length - 1; i >= 0; i -= 1) {
    let digit = pan.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
