/**
 * `npm run rehearsal`, run as a user runs it, into a scratch artifacts folder: it passes, and its records say so
 * on their own: the run summary counts passes and no failure, the hosted checkout ran in frames over HTTPS,
 * every spec that did not run says why, the simulator saw no control API request but the rehearsal's own
 * registration, and no artifact or output holds a secret or a card number.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { artifactPaths } from '../../reporters/artifacts';
import { readRun, type RunSummary, type TestRecord } from '../../reporters/diff/run-dir';
import { scanArtifacts } from '../../reporters/leak-scan';
import { isControlRequest } from '../../scripts/rehearsal/simulator-process';
import type { RehearsalOutcome } from '../../scripts/rehearsal/outcome';
import type { GoLiveReport } from '../../reporters/go-live';
import { TEST_CARDS } from '../../simulator';

const root = join(__dirname, '..', '..');

test.describe.configure({ mode: 'serial' });

let scratch: string;
let run: { status: number | null; output: string };
let summary: RunSummary;
let tests: TestRecord[];
let outcome: RehearsalOutcome;

test.beforeAll(async ({}, testInfo) => {
  // The whole matrix in sandbox mode, one worker, HTTPS and the frames checkout: about 2 minutes on a loaded
  // 2-core machine; the budget is five times that.
  testInfo.setTimeout(600_000);
  scratch = mkdtempSync(join(tmpdir(), 'migo-rehearsal-proof-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(PW_|PLAYWRIGHT_|TEST_|MIGO_)/.test(name)) env[name] = value;
  run = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/rehearsal.ts'],
      {
        cwd: root,
        env: { ...env, MIGO_ARTIFACTS_DIR: scratch, FORCE_COLOR: '0' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
  const { reports } = artifactPaths({ MIGO_ARTIFACTS_DIR: scratch });
  summary = JSON.parse(readFileSync(join(reports, 'run-summary.json'), 'utf8')) as RunSummary;
  tests = readRun(summary.runDir).tests;
  outcome = JSON.parse(readFileSync(join(reports, 'rehearsal.json'), 'utf8')) as RehearsalOutcome;
});

test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tail = () => run.output.slice(-3000);

test('exits 0, having run the matrix in sandbox mode with passes and no failure', () => {
  expect(run.status, tail()).toBe(0);
  expect(run.output).toContain('rehearsal passed');
  expect(summary.environment).toBe('sandbox');
  expect(summary.passed, tail()).toBeGreaterThan(0);
  expect(summary.failed, tail()).toBe(0);
  expect(outcome).toMatchObject({
    passed: summary.passed,
    failed: 0,
    skipped: summary.skipped,
    problems: [],
  });
});

test('the hosted checkout ran, in frames over HTTPS: every card outcome and the 3-D Secure challenge passed', () => {
  const checkout = tests.filter((t) => t.project === 'checkout');
  const passed = checkout.filter((t) => t.status === 'passed').map((t) => t.file);
  for (const spec of ['happy-path', 'declined-charge', 'three-d-secure', 'card-data-never-echoed'])
    expect(passed, spec).toContainEqual(expect.stringContaining(`checkout/${spec}.spec.ts`));
});

test('every spec that did not run says why', () => {
  const skipped = tests.filter((t) => t.status === 'skipped');
  expect(skipped.length).toBe(summary.skipped);
  const withoutReason = skipped
    .filter((t) => !t.annotations.some((a) => a.type === 'skip' && (a.description ?? '').trim() !== ''))
    .map((t) => t.id);
  expect(withoutReason).toEqual([]);
  expect(outcome.notRun.map((n) => n.test).sort()).toEqual(skipped.map((t) => t.id).sort());
});

test("nothing but the rehearsal's own registration reached the control API", () => {
  const log = readFileSync(join(scratch, 'simulator.log'), 'utf8');
  const control = log.split('\n').filter(isControlRequest);
  expect(control, 'the request log must record the registration, or it proves nothing').toHaveLength(1);
  expect(control[0]).toContain('"method":"PUT"');
  expect(outcome.controlRequestsDuringRun).toBe(0);
});

test('no artifact or output holds a secret or a card number', () => {
  // The rehearsal scanned with the run's exact secrets; this scan knows only the patterns and the test cards.
  expect(outcome.leakScan.hits).toEqual([]);
  expect(outcome.leakScan.filesScanned).toBeGreaterThan(20);
  const pans = Object.values(TEST_CARDS).map((card) => card.pan);
  const { filesScanned, hits } = scanArtifacts([scratch], pans, { output: run.output });
  expect(filesScanned).toBeGreaterThan(20);
  expect(hits.map((h) => `${h.where.replace(scratch, '<artifacts>')}: ${h.kind}: ${h.preview}`)).toEqual([]);
});

test('its go-live report says "rehearsal" at the top, with no PASS', () => {
  const { reports } = artifactPaths({ MIGO_ARTIFACTS_DIR: scratch });
  const markdown = readFileSync(join(reports, 'go-live.md'), 'utf8');
  expect(markdown.split('\n')[0]).toBe('# Go-live sign-off: sandbox (rehearsal)');
  // No item row PASSes, and the counts say none does (the banner explains why none can).
  expect(markdown).not.toContain('✅ PASS');
  expect(markdown).toContain('**0 PASS · ');
  const report = JSON.parse(readFileSync(join(reports, 'go-live.json'), 'utf8')) as GoLiveReport;
  expect(report.run.label).toBe('rehearsal');
  expect(report.totals.PASS).toBe(0);
  expect(report.items.filter((item) => item.status === 'PASS').map((item) => item.id)).toEqual([]);
  const html = readFileSync(join(reports, 'go-live.html'), 'utf8');
  expect(html).toContain('<h1>Go-live sign-off: sandbox (rehearsal)</h1>');
});

test("the run's disposable cardholder was created, funded and emptied again; users and cards are left over", () => {
  const ledger = summary.cardholder;
  expect(ledger, 'run-summary.json lists the cardholder ledger').toBeDefined();
  expect(ledger!.created.filter((e) => e.kind === 'user').length).toBeGreaterThan(0);
  expect(ledger!.created.filter((e) => e.kind === 'card').length).toBeGreaterThan(0);
  expect(ledger!.tornDown.length).toBeGreaterThan(0);
  expect(ledger!.tornDown.every((e) => e.note.endsWith('withdrawn (WITHDRAW_FUNDS)'))).toBe(true);
  expect(ledger!.leftover.filter((e) => e.kind === 'balance')).toEqual([]);
  expect(outcome.cardholder).toEqual(ledger);
  expect(run.output).toMatch(/disposable cardholder: created \d+ users?, /);
});

test("the nightly template's Configuration check ran first, on the generated .env.sandbox, and passed", () => {
  const doctor = readFileSync(join(scratch, 'doctor.log'), 'utf8');
  expect(doctor).toContain('MIGO_ENV: sandbox (from the environment)');
  expect(doctor).toContain('.env.sandbox     loaded');
  expect(doctor).toContain('Verdict: the configuration is valid for sandbox.');
});
