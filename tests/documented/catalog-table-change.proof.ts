/**
 * A change to the error-catalog table the simulator answers from fails the catalog specs, naming the changed code.
 *
 * Before the documented values (specs/documented/) the specs took status and message from that same table, so
 * rewording 7001 in it kept every test green. This proof makes exactly that edit, on a scratch copy of the suite
 * (the table is TypeScript compiled into the simulator and the clients' checks alike, so the copy is the only
 * honest way to change it for a whole run): 7001's message reworded and 7010's status changed. The nested run of
 * specs/errors/error-catalog.spec.ts must fail those two tests, each naming its code and the documented value, and
 * pass the others (so the copy itself works).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test, expect } from '@playwright/test';
import { failedTests, runMatrix, type NestedRun } from '../../bench/nested-run';

const root = join(__dirname, '..', '..');
// One nested run of one spec file: ~10 s alone, ~60 s on a loaded 2-core machine; five times that.
const NESTED_RUN_MS = 300_000;

const CATALOG_SPEC = 'errors/error-catalog.spec.ts › Error catalog › ';
const T7001 = `[api] ${CATALOG_SPEC}rejects an amount of 0 with 7001 GREATER_THAN_ZERO (400)`;
const T7010 = `[api] ${CATALOG_SPEC}answers a route the Wallet Gateway does not have with 7010 NOT_FOUND (404)`;

/** The edits: each a row fragment of schemas/error-catalog.ts and what it becomes. */
const EDITS: [from: string, to: string][] = [
  ["message: 'The amount must be greater than zero.'", "message: 'The amount must be a positive number.'"],
  ["name: 'NOT_FOUND', http: 404,", "name: 'NOT_FOUND', http: 500,"],
];

/** The suite's files (tracked and new, not ignored) copied to `into`; node_modules linked, not copied. */
function copySuite(into: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(root, file), join(into, file));
  }
  symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'), 'dir');
}

let scratch: string;
let run: NestedRun;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(NESTED_RUN_MS);
  scratch = mkdtempSync(join(tmpdir(), 'migo-catalog-change-'));
  copySuite(scratch);
  const table = join(scratch, 'schemas', 'error-catalog.ts');
  let text = readFileSync(table, 'utf8');
  for (const [from, to] of EDITS) {
    expect(text.split(from).length - 1, `schemas/error-catalog.ts holds "${from}" once`).toBe(1);
    text = text.replace(from, to);
  }
  writeFileSync(table, text);
  run = await runMatrix(
    [`--config=${join(scratch, 'playwright.config.ts')}`, 'errors/error-catalog.spec', '--workers=1'],
    {
      MIGO_ARTIFACTS_DIR: join(scratch, 'artifacts'),
    },
  );
});

test.afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the nested run used the changed table and ran the whole catalog file', () => {
  expect(run.problem, 'the nested run produced results').toBeUndefined();
  const ran = [...run.outcomes.keys()].filter((id) => id.startsWith(`[api] ${CATALOG_SPEC}`));
  expect(ran.length, 'catalog tests in the nested run').toBeGreaterThanOrEqual(10);
  expect(failedTests(run).sort(), 'exactly the tests of the changed codes fail').toEqual(
    [T7001, T7010].sort(),
  );
});

test("a reworded message in the simulator's table fails the test of that code, naming it and the documented text", () => {
  const outcome = run.outcomes.get(T7001);
  expect(outcome?.status, 'a failed assertion, not a timeout').toBe('failed');
  // The problem is quoted inside the assertion's message (its quotes escaped): match its parts.
  for (const part of [
    'the answer of 7001 GREATER_THAN_ZERO',
    'the message of 7001 is',
    'The amount must be a positive number.',
    'not the documented',
    'The amount must be greater than zero.',
  ])
    expect(outcome?.message).toContain(part);
});

test("a changed status in the simulator's table fails the test of that code, naming it and the documented status", () => {
  const outcome = run.outcomes.get(T7010);
  expect(outcome?.status, 'a failed assertion, not a timeout').toBe('failed');
  expect(outcome?.message).toContain('7010 came with HTTP status 500, not 404');
});
