import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ConfigEnvSchema } from '../../fixtures/config';
import { CONFIG_AJV_OPTIONS, validatorFile, validatorKey } from '../../fixtures/config/compiled-validator';
import { expect, test } from './helpers';

const root = join(__dirname, '..', '..');

/** Loads the config validator in a fresh process and validates `data` with it: its verdict, errors and data. */
function validateInFreshProcess(data: Record<string, unknown>) {
  const script = `
    const { configValidator } = require('./fixtures/config/compiled-validator');
    const data = ${JSON.stringify(data)};
    const validate = configValidator();
    const valid = validate(data);
    console.log(JSON.stringify({ valid, data, errors: (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params })) }));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { valid: boolean; data: unknown; errors: unknown[] };
}

/** The same, with Ajv compiling the schema in this process: what the kept code must agree with. */
function validateWithAjv(data: Record<string, unknown>) {
  const ajv = new Ajv2020({ ...CONFIG_AJV_OPTIONS });
  addFormats(ajv);
  const validate = ajv.compile(ConfigEnvSchema);
  const copy = { ...data };
  const valid = validate(copy);
  const errors = (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({
    instancePath,
    keyword,
    params,
  }));
  return { valid, data: copy, errors };
}

const CASES: Record<string, unknown>[] = [
  { MIGO_ENV: 'local' },
  { MIGO_ENV: 'local', MIGO_CALLBACK_PORT: '8123' },
  { MIGO_ENV: 'nowhere', MIGO_MIDDLEWARE_URL: 'not a url', MIGO_CALLBACK_PORT: 'ten' },
];

test.describe.configure({ mode: 'serial' });

test('a fresh process compiles the schema once and keeps the code; the kept code judges as Ajv does', () => {
  const file = validatorFile();
  rmSync(file, { force: true });
  const compiled = CASES.map(validateInFreshProcess);
  expect(existsSync(file), `the validator was kept in ${file}`).toBe(true);
  const kept = CASES.map(validateInFreshProcess);
  const ajv = CASES.map(validateWithAjv);
  expect(compiled).toEqual(ajv);
  expect(kept).toEqual(ajv);
  // Not vacuous: the cases hold a pass, a coercion and failures.
  expect(ajv.map((r) => r.valid)).toEqual([true, true, false]);
  expect((ajv[1]!.data as { MIGO_CALLBACK_PORT: unknown }).MIGO_CALLBACK_PORT).toBe(8123);
});

test('a kept file that does not load (half written, edited) is compiled again and replaced', () => {
  const file = validatorFile();
  validateInFreshProcess(CASES[0]!);
  writeFileSync(file, 'module.exports = (');
  expect(validateInFreshProcess(CASES[2]!)).toEqual(validateWithAjv(CASES[2]!));
  expect(readFileSync(file, 'utf8')).toContain('module.exports');
  expect(validateInFreshProcess(CASES[1]!)).toEqual(validateWithAjv(CASES[1]!));
});

test('the CLI, which runs from a bundle in .cache, keeps the validator in the package too', () => {
  const file = validatorFile();
  expect(file.startsWith(join(root, '.cache', 'config-validator'))).toBe(true);
  rmSync(file, { force: true });
  const doctor = spawnSync(process.execPath, [join(root, 'bin', 'migo-contract.cjs'), 'doctor'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MIGO_ENV: 'local' },
  });
  expect(doctor.stderr).not.toContain('Error');
  expect(existsSync(file), `the bundled CLI kept the validator in ${file}`).toBe(true);
});

test('the kept file is named by the schema, the options and Ajv: a change of any of them gets another file', () => {
  expect(validatorFile()).toMatch(/config-validator[/\\][0-9a-f]{16}\.js$/);
  const key = validatorKey(ConfigEnvSchema, CONFIG_AJV_OPTIONS, '8.20.0');
  expect(validatorKey(structuredClone(ConfigEnvSchema), { ...CONFIG_AJV_OPTIONS }, '8.20.0')).toBe(key);
  const otherSchema = { ...ConfigEnvSchema, required: ['MIGO_ENV'] };
  expect(validatorKey(otherSchema, CONFIG_AJV_OPTIONS, '8.20.0')).not.toBe(key);
  expect(validatorKey(ConfigEnvSchema, { ...CONFIG_AJV_OPTIONS, coerceTypes: false }, '8.20.0')).not.toBe(
    key,
  );
  expect(validatorKey(ConfigEnvSchema, CONFIG_AJV_OPTIONS, '8.21.0')).not.toBe(key);
});
