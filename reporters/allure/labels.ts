/**
 * Allure labels and links for a test, derived from what it proves: epic = the checklist section, story = the
 * checklist item, feature = the spec folder (the API surface or area), severity from the item's area, and a link to
 * the Migo doc page of each item. Tags come from Playwright's own tags, so nothing is written twice.
 *
 * Computed in the runner from the test's static go-live annotations (`goLive(...)` in the test's details): a worker
 * that sent them as Allure runtime messages paid one IPC attachment per label per test (~6 ms a test).
 */
import { basename, dirname } from 'node:path';
import type { Label, Link } from 'allure-js-commons';
import { GO_LIVE_ANNOTATION, goLiveItem, isGoLiveId, type GoLiveItem } from '../../checklist/go-live';

// The recommended scenarios gate a go-live outright; credentials, environments, cutover and error handling are
// what a production incident is made of; the rest is important but not blocking.
const SEVERITY_BY_AREA: Record<string, 'blocker' | 'critical' | 'normal'> = {
  SCN: 'blocker',
  AUTH: 'critical',
  ENV: 'critical',
  CUT: 'critical',
  ERR: 'critical',
  INT: 'critical',
  PROD: 'critical',
};

const SEVERITY_ORDER = ['blocker', 'critical', 'normal'] as const;

function severityOf(items: GoLiveItem[]): string {
  const ranks = items.map((item) =>
    SEVERITY_ORDER.indexOf(SEVERITY_BY_AREA[item.id.split('-')[1]!] ?? 'normal'),
  );
  return SEVERITY_ORDER[Math.min(...ranks, SEVERITY_ORDER.length - 1)]!;
}

/** `specs/payment-links/create.spec.ts` → "Payment Links". */
function featureOf(file: string): string {
  return basename(dirname(file))
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export interface AllureMetadata {
  labels: Label[];
  links: Link[];
}

/** The labels and links of a test in `file` with these annotations (only the go-live ones count). */
export function allureMetadataFor(
  file: string,
  annotations: readonly { type: string; description?: string }[],
): AllureMetadata {
  const items = annotations
    .filter((a) => a.type === GO_LIVE_ANNOTATION)
    .map((a) => a.description?.split(' ')[0] ?? '')
    .filter(isGoLiveId)
    .map((id) => goLiveItem(id));
  const labels: Label[] = [{ name: 'feature', value: featureOf(file) }];
  if (items.length === 0) return { labels, links: [] };
  labels.push({ name: 'epic', value: items[0]!.section });
  for (const item of items) labels.push({ name: 'story', value: `${item.id} ${item.title}` });
  labels.push({ name: 'severity', value: severityOf(items) });
  return {
    labels,
    links: items.map((item) => ({ url: item.docs, name: `${item.id}: ${item.title}` })),
  };
}
