/**
 * The simulator's in-memory state. Every collection is bounded (newest N kept), so 100k requests leave the memory
 * flat; what falls out simply becomes "not found".
 */
import { BoundedMap } from './bounded-map';
import { randomHex, reference, referencePrefix, transactionUid } from './ids';
import type { ProcessorName } from './processors';

/** Card-acceptance (Payment Link) statuses: lowercase, as in the callback example. */
export type PaymentLinkStatus = 'created' | 'approved' | 'denied';

/** Alternative Payments statuses: uppercase (dismiss-transaction page). */
export type AlternativeStatus =
  'CREATED' | 'USED' | 'IN_PROGRESS' | 'APPROVED' | 'DENIED' | 'EXPIRED' | 'DISMISSED' | 'CANCELLED';

export const TERMINAL_ALTERNATIVE: ReadonlySet<AlternativeStatus> = new Set([
  'APPROVED',
  'DENIED',
  'EXPIRED',
  'DISMISSED',
  'CANCELLED',
]);

export interface PaymentLinkTransaction {
  kind: 'payment-link';
  uid: string;
  reference: string;
  client: string;
  amount: number;
  currency: string;
  status: PaymentLinkStatus;
  createdAtMs: number;
  /** The stored card (tokenized): only its id, brand and last 4 digits are kept. */
  card?: { cardId: string; brand: string; last4: string };
}

export interface AlternativeTransaction {
  kind: 'alternative';
  uid: string;
  reference: string;
  client: string;
  amount: number;
  status: AlternativeStatus;
  paymentMethods: string[];
  processor?: ProcessorName;
  expiresAtMs: number;
}

export type Transaction = PaymentLinkTransaction | AlternativeTransaction;

export interface WalletUser {
  userId: string;
  username: string;
  createdAtMs: number;
}

export interface WalletCard {
  cardId: number;
  userId: string;
  last4: string;
  status: 'active';
  currency: string;
  /** Balance in 1/10,000 of the currency unit: the docs give balances 4 decimals, so integers keep them exact. */
  balanceUnits: number;
}

export interface Cardholder {
  id: number;
  partnerId: string;
  createdAt: string;
  [field: string]: unknown;
}

/** A 3-D Secure challenge waiting for the payer's answer. */
export interface Challenge {
  id: string;
  uid: string;
  outcomeOnApprove: 'approved' | 'denied';
  card: { brand: string; last4: string };
  /** Only kept while a PAN/CVV-leaking mutation is on (they need the value to leak it). */
  leak?: { pan?: string; cvc?: string };
}

/** The card fields the hosted fields collect (frames layout), each in its own frame. */
export const CARD_FIELDS = ['number', 'expiry', 'cvc'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/**
 * One card field tokenized by the hosted fields (frames layout): redeemed once, by the `/pay` of its own order.
 * The value lives only here, between the field's tokenization and that `/pay`.
 */
export interface CardFieldToken {
  uid: string;
  field: CardField;
  value: string;
}

/** A refresh token the simulator issued (single-use). */
export interface IssuedRefresh {
  subject: string;
  audience: string;
  used: boolean;
}

export interface StoreLimits {
  transactions: number;
  others: number;
}

export const DEFAULT_LIMITS: StoreLimits = { transactions: 10_000, others: 10_000 };

export class Store {
  transactions: BoundedMap<string, Transaction>;
  users: BoundedMap<string, WalletUser>;
  cards: BoundedMap<number, WalletCard>;
  cardholders: BoundedMap<number, Cardholder>;
  challenges: BoundedMap<string, Challenge>;
  cardTokens: BoundedMap<string, CardFieldToken>;
  refreshTokens: BoundedMap<string, IssuedRefresh>;
  appConfig: Record<string, unknown> = {};
  private referenceSeq = 0;
  private cardSeq = 0;
  private cardholderSeq = 0;

  constructor(private readonly limits: StoreLimits) {
    this.transactions = new BoundedMap(limits.transactions);
    this.users = new BoundedMap(limits.others);
    this.cards = new BoundedMap(limits.others);
    this.cardholders = new BoundedMap(limits.others);
    this.challenges = new BoundedMap(limits.others);
    this.cardTokens = new BoundedMap(limits.others);
    this.refreshTokens = new BoundedMap(limits.others);
  }

  reset(appConfig: Record<string, unknown>): void {
    this.transactions = new BoundedMap(this.limits.transactions);
    this.users = new BoundedMap(this.limits.others);
    this.cards = new BoundedMap(this.limits.others);
    this.cardholders = new BoundedMap(this.limits.others);
    this.challenges = new BoundedMap(this.limits.others);
    this.cardTokens = new BoundedMap(this.limits.others);
    this.refreshTokens = new BoundedMap(this.limits.others);
    this.appConfig = appConfig;
    this.referenceSeq = 0;
    this.cardSeq = 0;
    this.cardholderSeq = 0;
  }

  nextIdentity(client: string): { uid: string; reference: string } {
    this.referenceSeq += 1;
    return {
      uid: transactionUid(),
      reference: reference(referencePrefix(client), 20_000 + this.referenceSeq),
    };
  }

  nextCardId(): number {
    this.cardSeq += 1;
    return 100_000 + this.cardSeq;
  }

  nextCardholderId(): number {
    this.cardholderSeq += 1;
    return this.cardholderSeq;
  }

  newChallengeId(): string {
    return randomHex(24);
  }

  newCardToken(): string {
    return `tok_${randomHex(24)}`;
  }
}
