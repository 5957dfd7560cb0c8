/**
 * One table files a failure for the go-live report and for Allure: "Assumption differs" (the readings phrase) apart
 * from "Contract violation", checked on messages and in a real Allure 3 report generated with allurerc.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { FAILURE_CATEGORIES, failureCategory } from '../../reporters/failure-category';
import { tempDir } from './synthetic-run';
import table from '../../reporters/failure-categories.json';
import { ASSUMPTION_DIFFERS_PATTERN, assumptionDiffersMessage } from '../../schemas/readings';

const ROOT = join(__dirname, '..', '..');
const ASSUMPTION =
  'AssumptionDiffers: reading callback-status-case is lowercase in this run; the target answered as uppercase; set MIGO_READINGS=callback-status-case=uppercase once Migo confirms it';
const VIOLATION =
  'ContractViolation: schema: POST /transactions body does not match "payment-link" (HTTP 200).';

test('the "Assumption differs" rule is the readings table\'s own pattern, and files its sentence', () => {
  const rule = table.categories.find((c) => c.name === 'Assumption differs');
  expect(rule?.message).toBe(ASSUMPTION_DIFFERS_PATTERN.source);
  expect(failureCategory(assumptionDiffersMessage('wallet-envelope', 'quickstart', 'custom-response'))).toBe(
    'Assumption differs',
  );
});

test('a failure is filed by the first rule its message matches', () => {
  expect(FAILURE_CATEGORIES[0]).toBe('Assumption differs');
  expect(failureCategory(ASSUMPTION)).toBe('Assumption differs');
  // The readings phrase wins even inside a contract check's message: only the guess was wrong.
  expect(failureCategory(`ContractViolation: schema: ${ASSUMPTION}`)).toBe('Assumption differs');
  expect(failureCategory(VIOLATION)).toBe('Contract violation');
  expect(failureCategory('TransportError: POST /transactions failed: ECONNRESET')).toBe('Transport failure');
  expect(failureCategory('ConfigError: MIGO_MERCHANT_TOKEN is not set')).toBe('Environment misconfiguration');
  expect(failureCategory('Error: expected denied')).toBe('Product defect');
  // The phrase needs all three parts: a mention of a reading alone is not an assumption that differs.
  expect(failureCategory('reading callback-status-case is lowercase in this run')).toBe('Product defect');
});

test('Allure files the same two failures under the same two categories', () => {
  const dir = tempDir('allure-categories');
  try {
    const results = join(dir, 'results');
    mkdirSync(results);
    [ASSUMPTION, VIOLATION].forEach((message, i) => {
      const uuid = `${i + 1}`.repeat(8) + '-1111-1111-1111-111111111111';
      writeFileSync(
        join(results, `${uuid}-result.json`),
        JSON.stringify({
          uuid,
          historyId: `h${i}`,
          name: `test ${i}`,
          fullName: `a.spec.ts#test ${i}`,
          status: 'failed',
          statusDetails: { message },
          stage: 'finished',
          start: 1,
          stop: 2,
          labels: [],
          steps: [],
          attachments: [],
          parameters: [],
          links: [],
        }),
      );
    });
    // The project's configuration, written out as separate files so the categories can be read back.
    const config = join(dir, 'allurerc.mjs');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(pathToFileURL(join(ROOT, 'allurerc.mjs')).href)};\n` +
        `export default { ...base, output: ${JSON.stringify(join(dir, 'out'))}, historyPath: undefined, ` +
        `plugins: { awesome: { options: { singleFile: false } } } };\n`,
    );
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'allure', 'cli.js'), 'generate', results, '-c', config],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const widget = JSON.parse(readFileSync(join(dir, 'out', 'widgets', 'categories.json'), 'utf8')) as {
      nodes: Record<string, { type: string; name: string; childrenIds?: string[] }>;
    };
    const categories = Object.values(widget.nodes).filter((n) => n.type === 'category');
    const messagesOf = (name: string) =>
      categories.find((c) => c.name === name)?.childrenIds?.map((id) => widget.nodes[id]?.name ?? '');
    expect(messagesOf('Assumption differs')).toEqual([ASSUMPTION]);
    expect(messagesOf('Contract violation')).toEqual([VIOLATION]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
