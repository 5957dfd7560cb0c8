/**
 * The go-live page in a real Chromium (fixtures/browser.ts): the filter hides and shows items by status, nothing
 * is fetched, and the A4 print layout holds: no horizontal overflow at 210 mm, every section on a new page.
 */
import { chromium, test, expect, type Browser, type Page } from '@playwright/test';
import { EVIDENCE, declaredSpecs, type Evidence } from '../../checklist/evidence';
import { chromiumLaunchOptions, findChromium, HOW_TO_GET_A_BROWSER } from '../../fixtures/browser';
import type { RunSummary, TestRecord } from '../../reporters/diff/run-dir';
import { buildGoLiveReport, renderGoLiveHtml, type GoLiveReport } from '../../reporters/go-live';
import { documentedRun, specRecord } from './synthetic-run';

const A4_WIDTH_PX = Math.round((210 / 25.4) * 96);

/** A sandbox run with every status on the page: PASS, FAIL (two categories), NOT RUN, SIMULATED-free, MANUAL. */
function mixedReport(): GoLiveReport {
  const specs = [...new Set(Object.values(EVIDENCE).flatMap((e) => declaredSpecs(e as Evidence)))];
  const tests: TestRecord[] = specs.map((spec) => {
    if (spec.startsWith('checkout/three-d-secure'))
      return specRecord(spec, 'failed', {
        error:
          'AssumptionDiffers: reading callback-status-case is lowercase in this run; the target answered as uppercase; set MIGO_READINGS=callback-status-case=uppercase once Migo confirms it',
      });
    if (spec.startsWith('checkout/declined-charge'))
      return specRecord(spec, 'skipped', {
        annotations: [
          { type: 'skip', description: 'MIGO_CARD_DECLINED is not set: a very long reason '.repeat(6) },
        ],
      });
    return specRecord(spec);
  });
  const summary: RunSummary = {
    passed: tests.filter((t) => t.status === 'passed').length,
    failed: tests.filter((t) => t.status === 'failed').length,
    skipped: tests.filter((t) => t.status === 'skipped').length,
    flaky: 0,
    durationMs: 5000,
    environment: 'sandbox',
    startedAt: '2026-11-22T00:00:00.000Z',
    runDir:
      'reports/runs/2026-11-22T00-00-00-000Z-with-a-long-name-that-must-wrap-somewhere-on-a-printed-page',
    commit: '7b3ea5df67d12ed4e6857e0231fcabf7fb382083',
    readings: { 'callback-status-case': 'lowercase', 'wallet-envelope': 'custom-response' },
    run: documentedRun('sandbox', { label: 'nightly', merchant: { handler: 'shop.example.com' } }),
  };
  return buildGoLiveReport(tests, summary);
}

let browser: Browser;
let page: Page;
let report: GoLiveReport;
const requests: string[] = [];

test.beforeAll(async () => {
  const found = findChromium();
  test.skip(
    !found && process.env.MIGO_ALLOW_NO_BROWSER === '1',
    `MIGO_ALLOW_NO_BROWSER=1: ${HOW_TO_GET_A_BROWSER}`,
  );
  expect(found, HOW_TO_GET_A_BROWSER).not.toBeNull();
  browser = await chromium.launch(chromiumLaunchOptions(found));
  report = mixedReport();
});

test.beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  await page.setContent(renderGoLiveHtml(report));
});

test.afterEach(async () => page?.close());
test.afterAll(async () => browser?.close());

test('the page shows the run, every status, and fetches nothing', async () => {
  for (const status of ['pass', 'fail', 'not-run', 'manual'])
    expect(await page.locator(`tr.item.${status}`).count(), status).toBeGreaterThan(0);
  await expect(page.locator('h1')).toHaveText('Go-live sign-off: sandbox (nightly)');
  await expect(page.locator('.facts')).toContainText('callback-status-case = lowercase');
  await expect(page.locator('.facts')).toContainText('7b3ea5df67d12ed4e6857e0231fcabf7fb382083');
  await expect(page.locator('#banner')).toHaveCount(0);
  // A manual item: what to check, and where to sign.
  const manual = page.locator('tr.item.manual').first();
  await expect(manual.locator('.check')).toContainText('What to check:');
  await expect(manual.getByLabel('Signed off by')).toBeEditable();
  // Evidence is collapsed, decisive first.
  const scenario = page.locator('tr.item[data-id="GL-SCN-03"]');
  await expect(scenario.locator('details')).not.toHaveAttribute('open');
  await expect(scenario.locator('.evidence li').first()).toHaveClass(/decisive/);
  await expect(scenario.locator('.reason')).toContainText('Assumption differs:');
  expect(requests).toEqual([]);
});

test('the filter hides and shows items by status, and a section left empty', async () => {
  const failRows = page.locator('tr.item.fail');
  const passRows = page.locator('tr.item.pass');
  await page.locator('#filter input[value="fail"]').uncheck();
  for (const row of await failRows.all()) await expect(row).toBeHidden();
  await expect(passRows.first()).toBeVisible();

  for (const status of ['pass', 'not-run', 'simulated'])
    await page.locator(`#filter input[value="${status}"]`).uncheck();
  // Only MANUAL items remain: the Base URLs section still has some, the scenario section has none.
  await expect(page.locator('tr.item.manual').first()).toBeVisible();
  await expect(page.locator('tr.item:visible').filter({ hasNot: page.locator('.badge.manual') })).toHaveCount(
    0,
  );
  await expect(page.locator('section.checklist[data-section="Required headers"]')).toBeHidden();

  await page.locator('#filter input[value="fail"]').check();
  await expect(failRows.first()).toBeVisible();
  await expect(page.locator('section.checklist[data-section="Integration correctness"]')).toBeVisible();
});

test('printed on A4: nothing overflows 210 mm, and every section starts on a new page', async () => {
  await page.setViewportSize({ width: A4_WIDTH_PX, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  // The widest the page gets: every item's evidence open.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  expect(overflow.wide, `wider than ${overflow.width}px`).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);

  const breaks = await page
    .locator('section.checklist')
    .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks).toHaveLength(report.sections.length);
  expect(new Set(breaks)).toEqual(new Set(['page']));

  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThan(report.sections.length);
});
