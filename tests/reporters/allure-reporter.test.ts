/**
 * The go-live labels of the matrix's Allure reporter (reporters/allure/labels.ts). The reporter itself runs for real
 * in tests/reporters/allure-reporter.proof.ts.
 */
import { test, expect } from '@playwright/test';
import { allureMetadataFor } from '../../reporters/allure/labels';
import { GO_LIVE_ANNOTATION } from '../../checklist/go-live';

test('labels come from the go-live annotations, the feature from the spec folder', () => {
  const { labels, links } = allureMetadataFor('/x/specs/payment-links/create.spec.ts', [
    { type: GO_LIVE_ANNOTATION, description: 'GL-SCN-01 Happy-path charge' },
    { type: GO_LIVE_ANNOTATION, description: 'GL-OBS-03 Logging never records a full PAN' },
    { type: 'issue', description: 'not a go-live item' },
  ]);
  expect(labels).toEqual([
    { name: 'feature', value: 'Payment Links' },
    { name: 'epic', value: expect.any(String) },
    { name: 'story', value: expect.stringMatching(/^GL-SCN-01 /) },
    { name: 'story', value: expect.stringMatching(/^GL-OBS-03 /) },
    // The scenarios gate a go-live outright: the most severe item wins.
    { name: 'severity', value: 'blocker' },
  ]);
  expect(links.map((l) => l.name)).toEqual([
    expect.stringMatching(/^GL-SCN-01: /),
    expect.stringMatching(/^GL-OBS-03: /),
  ]);
  expect(links.every((l) => l.url.startsWith('https://api-docs.migopayments.com/'))).toBe(true);
  expect(allureMetadataFor('/x/specs/auth/a.spec.ts', [])).toEqual({
    labels: [{ name: 'feature', value: 'Auth' }],
    links: [],
  });
});
