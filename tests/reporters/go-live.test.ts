import { test, expect } from '@playwright/test';
import { GO_LIVE_ITEMS } from '../../checklist/go-live';
import type { RunSummary, TestRecord } from '../../reporters/diff/run-dir';
import { buildGoLiveReport, renderGoLiveHtml, renderGoLiveMarkdown } from '../../reporters/go-live';

const summary: RunSummary = {
  passed: 2,
  failed: 1,
  skipped: 1,
  flaky: 0,
  durationMs: 1234,
  environment: 'local',
  startedAt: '2026-11-22T00:00:00.000Z',
  runDir: 'reports/runs/x',
};

function record(
  title: string,
  tags: string[],
  status: TestRecord['status'],
  extra: Partial<TestRecord> = {},
) {
  return {
    id: `[api] a.spec.ts › ${title}`,
    title,
    titlePath: ['a.spec.ts', title],
    file: 'specs/a.spec.ts',
    project: 'api',
    tags,
    annotations: [],
    status,
    retries: 0,
    durationMs: 10,
    ...extra,
  } satisfies TestRecord;
}

test('an item is PASS when its specs passed, FAIL when one failed, with the reason', () => {
  const report = buildGoLiveReport(
    [
      record('happy', ['@go-live', '@GL-SCN-01'], 'passed'),
      record('declined', ['@go-live', '@GL-SCN-02'], 'passed'),
      record('declined 2', ['@go-live', '@GL-SCN-02'], 'failed', { error: 'Error: expected denied\n  at x' }),
    ],
    summary,
    'local',
  );
  const item = (id: string) => report.items.find((i) => i.id === id)!;
  expect(item('GL-SCN-01').status).toBe('PASS');
  expect(item('GL-SCN-01').reason).toBeUndefined();
  expect(item('GL-SCN-02')).toMatchObject({
    status: 'FAIL',
    reason: expect.stringContaining('expected denied'),
  });
  expect(report.totals.FAIL).toBe(1);
});

test('every status but PASS has a reason: manual, skipped, uncovered, other target', () => {
  const report = buildGoLiveReport(
    [
      record('skipped', ['@go-live', '@GL-AUTH-04'], 'skipped', {
        annotations: [{ type: 'skip', description: 'MIGO_WALLET_MERCHANT is not set' }],
      }),
      record('prod only', ['@go-live', '@GL-ENV-01'], 'passed'),
    ],
    summary,
    'local',
  );
  for (const item of report.items) {
    if (item.status !== 'PASS') expect(item.reason, item.id).toBeTruthy();
  }
  const byId = new Map(report.items.map((i) => [i.id, i]));
  expect(byId.get('GL-AUTH-04')).toMatchObject({
    status: 'NOT RUN',
    reason: 'MIGO_WALLET_MERCHANT is not set',
  });
  expect(byId.get('GL-ENV-01')).toMatchObject({
    status: 'NOT RUN',
    reason: expect.stringContaining('production'),
  });
  expect(byId.get('GL-AUTH-05')).toMatchObject({ status: 'MANUAL' });
  expect(report.items).toHaveLength(GO_LIVE_ITEMS.length);
  expect(report.uncovered).toContain('GL-SCN-01');
  expect(report.uncovered).not.toContain('GL-ENV-01'); // production-only: not provable locally
});

test('the Markdown and HTML pages show every item and the run numbers, escaped', () => {
  const report = buildGoLiveReport(
    [record('a <b> | c', ['@go-live', '@GL-SCN-01'], 'failed', { error: '<script>x</script>' })],
    summary,
    'local',
  );
  const md = renderGoLiveMarkdown(report);
  const html = renderGoLiveHtml(report);
  for (const item of GO_LIVE_ITEMS) {
    expect(md).toContain(item.id);
    expect(html).toContain(`data-id="${item.id}"`);
  }
  expect(html).toContain('<b id="failed">1</b>');
  expect(html).not.toContain('<script>x');
  expect(md).toContain('a <b> \\| c');
});
