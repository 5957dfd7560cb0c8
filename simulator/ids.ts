/** Identifiers in the shapes the docs show (`trx_8f3c2b1d9e7a`, `CLIENT020007SB`). */
import { randomBytes } from 'node:crypto';

// One randomBytes call per 4 KiB of ids instead of one per id: POST /transactions is the load-test route.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/** `length` lowercase hex characters (length even). */
export function randomHex(length: number): string {
  const bytes = length / 2;
  if (offset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/** A transaction uid: `trx_` + 12 hex characters. */
export function transactionUid(): string {
  return `trx_${randomHex(12)}`;
}

/** The client part of a reference: the slug upper-cased, letters and digits only (e.g. MIGOLOCALSIM). */
export function referencePrefix(clientSlug: string): string {
  return (
    clientSlug
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 12) || 'CLIENT'
  );
}

/** `<CLIENT><6-digit sequence>SB`: the sandbox reference form of the docs (`CLIENT020007SB`). */
export function reference(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence % 1_000_000).padStart(6, '0')}SB`;
}
