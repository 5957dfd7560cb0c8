/** The `validate` and `openapi` commands, run as a user runs them: `node bin/migo-contract.cjs ...`. */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SCHEMA_NAMES } from '../../schemas/registry';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['bin/migo-contract.cjs', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function jsonFile(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const LINK = { uid: 'trx_1', reference: 'REF1', URL: 'https://sandbox.migopayments.com/?orderId=trx_1' };

test('validate --list prints every name with a description', async () => {
  const run = await cli('validate', '--list');
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines.map((line) => line.split(/\s+/)[0])).toEqual([...SCHEMA_NAMES]);
  for (const line of lines) expect(line.trim().split(/\s{2,}/).length, line).toBe(2);
});

test('a valid body exits 0 and notes undocumented fields', async ({}, testInfo) => {
  const file = jsonFile(testInfo.outputPath('link.json'), { ...LINK, createdAt: 'x' });
  const run = await cli('validate', 'payment-link', file);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('valid: payment-link');
  expect(run.stdout).toContain('note: /createdAt is not in the documented contract');
});

test('an invalid body exits 1 with one path: message line per error, and no values', async ({}, testInfo) => {
  const { URL, ...rest } = LINK;
  const file = jsonFile(testInfo.outputPath('link.json'), { ...rest, url: URL, success: 'SECRET-VALUE-123' });
  const run = await cli('validate', 'payment-link', file);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain("/URL: must have required property 'URL'");
  expect(run.stdout).toContain('/success: must not be present');
  expect(run.stdout + run.stderr).not.toContain('SECRET-VALUE-123');
  expect(run.stdout + run.stderr).not.toContain(URL);
});

test('an unknown schema name exits 2 and suggests the close names', async ({}, testInfo) => {
  const file = jsonFile(testInfo.outputPath('link.json'), LINK);
  const run = await cli('validate', 'paymentlink', file);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('unknown schema name "paymentlink"');
  expect(run.stderr).toContain('payment-link');
  expect(run.stderr).toContain('validate --list');
});

test('an unreadable file exits 2 naming the file', async ({}, testInfo) => {
  const missing = testInfo.outputPath('missing.json');
  const run = await cli('validate', 'payment-link', missing);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`cannot read "${missing}" (ENOENT)`);
});

test('invalid JSON exits 2 saying where', async ({}, testInfo) => {
  const file = testInfo.outputPath('broken.json');
  writeFileSync(file, '{\n  "uid": "trx_1",\n  "reference": \n}\n');
  const run = await cli('validate', 'payment-link', file);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('is not valid JSON at line 4, column 1');
});

test('JSON nested thousands of levels deep gets a verdict, not a stack overflow', async ({}, testInfo) => {
  const depth = 100_000;
  const unclosed = testInfo.outputPath('unclosed.json');
  writeFileSync(unclosed, '['.repeat(depth));
  const broken = await cli('validate', 'payment-link', unclosed);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain(`"${unclosed}" is not valid JSON: arrays or objects nested too deeply.`);
  expect(broken.stderr).not.toContain('RangeError');
  const deep = testInfo.outputPath('deep.json');
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  writeFileSync(deep, `${JSON.stringify(LINK).slice(0, -1)},"extra":${nested}}`);
  const valid = await cli('validate', 'payment-link', deep);
  expect(valid.code, valid.stderr).toBe(0);
  expect(valid.stdout).toContain('valid: payment-link');
  // Whether copying it overflows the stack depends on the engine: either way a note, never a crash.
  expect(valid.stdout).toMatch(
    /nested too deeply to list its undocumented fields|\/extra is not in the documented/,
  );
  expect(valid.stderr).toBe('');
});

test('missing arguments exit 2 with the usage', async () => {
  const run = await cli('validate', 'payment-link');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('usage: migo-contract validate <schema-name> <file.json>');
});

test('openapi --out writes the document; a stray argument exits 2', async ({}, testInfo) => {
  const out = testInfo.outputPath('nested', 'migo.openapi.json');
  const run = await cli('openapi', '--out', out);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`wrote ${out}`);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as { openapi: string; components: { schemas: object } };
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.components.schemas).length).toBe(SCHEMA_NAMES.length);
  const bad = await cli('openapi', '--yaml');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('usage: migo-contract openapi [--out FILE]');
});
