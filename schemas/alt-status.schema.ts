import type { FromSchema } from 'json-schema-to-ts';
import { DOC_PAGES } from './doc-pages';
import { DOCUMENTED_VALUES } from './documented-values';
import { schemaId } from './schema-id';

/** The documented Alternative Payments transaction statuses (uppercase). */
export const ALT_STATUSES = [
  'CREATED',
  'USED',
  'IN_PROGRESS',
  'APPROVED',
  'DENIED',
  'EXPIRED',
  'DISMISSED',
  'CANCELLED',
] as const;
export type KnownAltStatus = (typeof ALT_STATUSES)[number];

export const AltStatusSchema = {
  $id: schemaId('alt-status'),
  description: `Alternative Payments transaction status (uppercase). Documented values: ${ALT_STATUSES.join(', ')}. Source: ${DOC_PAGES.altDismissTransaction} and ${DOC_PAGES.versioning} (clients ignore unknown enum values, so an unknown UPPERCASE value passes here and is reported by the strict variant; a lowercase value fails).`,
  type: 'string',
  pattern: '^[A-Z][A-Z_]*$',
  [DOCUMENTED_VALUES]: ALT_STATUSES,
} as const;
export type AltStatus = FromSchema<typeof AltStatusSchema>;
