/**
 * The disposable cardholder's ledger of one run: what the run created at Migo (users, virtual cards, balance),
 * what its teardown removed, and what is left over with the reason. The run's global teardown writes it into the
 * run directory (fixtures/cardholder/); the run recorder copies it into run-summary.json (`cardholder`), and the
 * go-live report shows it in its header. It lives here, not in fixtures/, because reporters may not import
 * fixtures.
 *
 * No secret and no card number: a card is its numeric cardId and at most its last 4 digits, and every text
 * goes through the redaction (sanitizeLedger) on its way in and out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redaction';

export const CARDHOLDER_LEDGER_FILE = 'cardholder-ledger.json';

export const LEDGER_KINDS = ['user', 'card', 'balance'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  kind: LedgerKind;
  /** The userId, `card <cardId>`, or `card <cardId> balance`: what to look up at Migo. */
  id: string;
  /** What happened or why it is left: `registered qa+migo-…@example.com`, `10.00 GTQ withdrawn`. */
  note: string;
}

export interface CardholderLedger {
  /** What the run created at Migo, in order. */
  created: LedgerEntry[];
  /** What its teardown removed (a withdrawn balance). */
  tornDown: LedgerEntry[];
  /** Created and not removed, each with the reason (no documented endpoint, a teardown that failed). */
  leftover: LedgerEntry[];
}

/**
 * Runs of 12-19 digits (spaces or dashes allowed) standing on their own: a card number, masked to its last 4. Not
 * inside a longer word, nor joined by a dash to one, so the digit groups of an identifier stay: a UUID such as
 * f93ac145-2781-4954-902d-… or fa8d1a30-0086-4432-9016-6795f2229710, whose middle groups are 12 digits in a row.
 */
const CARD_NUMBER = /(?<![0-9A-Za-z]-?)\d(?:[ -]?\d){11,18}(?!-?[0-9A-Za-z])/g;

export function maskCardNumbers(text: string): string {
  return text.replace(CARD_NUMBER, (digits) => `••••${digits.replace(/\D/g, '').slice(-4)}`);
}

const clean = (text: unknown, max: number) => maskCardNumbers(redact(String(text ?? ''))).slice(0, max);

function sanitizeEntry(entry: unknown): LedgerEntry | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { kind, id, note } = entry as Record<string, unknown>;
  if (!LEDGER_KINDS.includes(kind as LedgerKind)) return undefined;
  return { kind: kind as LedgerKind, id: clean(id, 120), note: clean(note, 300) };
}

/** A ledger as read from a file or built in memory, with card numbers masked and secrets redacted. */
export function sanitizeLedger(value: unknown): CardholderLedger {
  const list = (key: keyof CardholderLedger) => {
    const items = (value as Partial<Record<keyof CardholderLedger, unknown>> | undefined)?.[key];
    return Array.isArray(items) ? items.flatMap((item) => sanitizeEntry(item) ?? []) : [];
  };
  return { created: list('created'), tornDown: list('tornDown'), leftover: list('leftover') };
}

/** The run's ledger, when its teardown wrote one (a local run against the embedded simulator writes none). */
export function readCardholderLedger(runDir: string): CardholderLedger | undefined {
  const file = join(runDir, CARDHOLDER_LEDGER_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return sanitizeLedger(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** One line for a report header: "created 1 user, 1 card, 1 balance; torn down 1 balance; left over 1 user, 1 card". */
export function ledgerLine(ledger: CardholderLedger): string {
  const counted = (entries: LedgerEntry[]) => {
    const parts = LEDGER_KINDS.map((kind) => [kind, entries.filter((e) => e.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`);
    return parts.length > 0 ? parts.join(', ') : 'nothing';
  };
  return `created ${counted(ledger.created)}; torn down ${counted(ledger.tornDown)}; left over ${counted(ledger.leftover)}`;
}
