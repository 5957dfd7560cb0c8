/**
 * Issue 9, finding 2: a checkout that failed on its page wrote `textbox "Card number": "4532…"` and
 * `textbox "CVC": "123"` into test-results/<test>/error-context.md and its Allure attachment (Playwright's ARIA page
 * snapshot on failure), production runs included. Two independent defences, each tested here:
 * - playwright.config.ts sets PLAYWRIGHT_NO_COPY_PROMPT, which every worker inherits, so no snapshot is taken;
 * - the redacting reporter rewrites error-context.md in place, without its snapshot section, before any other
 *   reporter copies it (a Playwright that stops honouring the variable cannot leak it either).
 * The real checkout failure is run and scanned in forced-failure.proof.ts.
 *
 * Proved failing on 7b3ea5d: the resolved config left PLAYWRIGHT_NO_COPY_PROMPT unset, and nothing rewrote
 * error-context.md (reporters/redaction/reporter.ts did not exist).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FullConfig, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import RedactingReporter from '../../reporters/redaction/reporter';
import { SNAPSHOT_REMOVED } from '../../reporters/redaction/error-context';
import { SAFE_PRODUCTION, resolvedConfigs } from './harness';

// Playwright's own builder of error-context.md (lib/errorContext.js, not exported), so the file is the real format.
const playwrightLib = join(dirname(require.resolve('playwright/package.json')), 'lib');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildErrorContext } = require(join(playwrightLib, 'errorContext.js')) as {
  buildErrorContext(options: {
    titlePath: string[];
    location: { file: string; line: number; column: number };
    errors: { message: string }[];
    pageSnapshot?: string;
  }): string;
};

const PAN = '4532015112830366';
const SNAPSHOT = [
  '- heading "Pay GTQ 1.00" [level=1]',
  `- textbox "Card number": "${PAN.replace(/(\d{4})(?=\d)/g, '$1 ')}"`,
  '- textbox "Expiry": 12/30',
  '- textbox "CVC": "123"',
  '- textbox "Security code": "987"',
  '- button "Pay"',
].join('\n');

test('the local and the production config set PLAYWRIGHT_NO_COPY_PROMPT for their workers', async () => {
  const resolved = await resolvedConfigs([
    { args: [], env: {} },
    { args: [], env: SAFE_PRODUCTION },
  ]);
  for (const { config, refusal } of resolved) {
    expect(refusal).toBeUndefined();
    expect(config?.workerEnv.PLAYWRIGHT_NO_COPY_PROMPT).toBe('1');
  }
});

test('the redacting reporter strips the page snapshot from error-context.md before any other reporter', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'migo-error-context-'));
  try {
    const file = join(outputDir, 'checkout-test', 'error-context.md');
    const markdown = buildErrorContext({
      titlePath: ['', 'checkout', 'pays'],
      location: { file: join(outputDir, 'pays.spec.ts'), line: 1, column: 1 },
      errors: [{ message: `No pay button after typing ${PAN} and cvc 123` }],
      pageSnapshot: SNAPSHOT,
    });
    expect(markdown, 'the unprotected file holds the card').toContain(PAN.slice(0, 4));
    mkdirSync(join(outputDir, 'checkout-test'));
    writeFileSync(file, markdown);

    const reporter = new RedactingReporter();
    reporter.onBegin({ projects: [{ outputDir }] } as unknown as FullConfig, {} as Suite);
    const result = {
      attachments: [{ name: 'error-context', contentType: 'text/markdown', path: file }],
      errors: [],
      steps: [],
      stdout: [],
      stderr: [],
      annotations: [],
    } as unknown as TestResult;
    reporter.onTestEnd({} as TestCase, result);

    const rewritten = readFileSync(file, 'utf8');
    expect(rewritten).toContain('# Page snapshot');
    expect(rewritten).toContain(SNAPSHOT_REMOVED);
    for (const leaked of [PAN, '4532 0151 1283 0366', '"123"', '"987"', 'cvc 123'])
      expect(rewritten, `error-context.md holds ${leaked}`).not.toContain(leaked);
    expect(rewritten).toContain('# Error details');
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
});

test('a file outside the output folders is never rewritten', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'migo-output-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'migo-source-'));
  try {
    const source = join(elsewhere, 'fixture.md');
    writeFileSync(source, `card ${PAN}`);
    const reporter = new RedactingReporter();
    reporter.onBegin({ projects: [{ outputDir }] } as unknown as FullConfig, {} as Suite);
    reporter.onTestEnd(
      {} as TestCase,
      {
        attachments: [{ name: 'notes', contentType: 'text/markdown', path: source }],
        errors: [],
        steps: [],
        stdout: [],
        stderr: [],
        annotations: [],
      } as unknown as TestResult,
    );
    expect(readFileSync(source, 'utf8')).toBe(`card ${PAN}`);
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
