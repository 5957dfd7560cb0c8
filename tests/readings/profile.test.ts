/**
 * A run's profile of readings: today's choices, then migo-readings.json (or MIGO_READINGS_FILE), then the alias
 * variables, then MIGO_READINGS; the environment wins. Unknown names and options are config problems that name
 * the known ones.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, resolveConfig } from '../../fixtures/config';
import { DEFAULT_READINGS } from '../../schemas/readings';
import { dotenv, expect, test } from '../config/helpers';

const profile = (readings: Record<string, unknown>) => JSON.stringify({ readings });

test("without a profile every reading is at today's choice", ({ tempCwd }) => {
  const config = loadConfig({ env: {}, cwd: tempCwd() });
  expect(config.readings).toEqual(DEFAULT_READINGS);
  expect(config.readingOrigins).toEqual({});
});

test('migo-readings.json in the working directory sets readings', ({ tempCwd }) => {
  const cwd = tempCwd({ 'migo-readings.json': profile({ 'callback-status-case': 'uppercase' }) });
  const config = loadConfig({ env: {}, cwd });
  expect(config.readings['callback-status-case']).toBe('uppercase');
  expect(config.readings['wallet-envelope']).toBe(DEFAULT_READINGS['wallet-envelope']);
  expect(config.readingOrigins).toEqual({ 'callback-status-case': join(cwd, 'migo-readings.json') });
});

test('MIGO_READINGS_FILE names another profile instead of migo-readings.json', ({ tempCwd }) => {
  const cwd = tempCwd({
    'migo-readings.json': profile({ 'callback-status-case': 'uppercase' }),
    'tenant.json': profile({ 'wallet-envelope': 'custom-response' }),
  });
  const config = loadConfig({ env: { MIGO_READINGS_FILE: 'tenant.json' }, cwd });
  expect(config.readings['wallet-envelope']).toBe('custom-response');
  expect(config.readings['callback-status-case']).toBe('lowercase');
});

test('MIGO_READINGS wins over the file; .env files can hold it too', ({ tempCwd }) => {
  const cwd = tempCwd({
    'migo-readings.json': profile({ 'callback-status-case': 'uppercase', 'payload-type-enum': 'open' }),
    '.env': dotenv({ MIGO_READINGS: 'payload-type-enum=closed' }),
  });
  const fromDotenv = loadConfig({ env: {}, cwd });
  expect(fromDotenv.readings['payload-type-enum']).toBe('closed');
  expect(fromDotenv.readings['callback-status-case']).toBe('uppercase');
  const fromEnv = loadConfig({
    env: { MIGO_READINGS: ' callback-status-case = lowercase , error-status-7303=500,' },
    cwd,
  });
  expect(fromEnv.readings['callback-status-case']).toBe('lowercase');
  expect(fromEnv.readings['error-status-7303']).toBe('500');
  expect(fromEnv.readingOrigins['callback-status-case']).toBe('MIGO_READINGS');
});

test('the old variables are aliases: refresh path, applicationId header, pinned error statuses', ({
  tempCwd,
}) => {
  const config = loadConfig({
    env: {
      MIGO_WALLET_REFRESH_PATH: '/users/auth/refresh',
      MIGO_APPLICATION_ID_HEADER: 'X-Application-Id',
      MIGO_ERROR_STATUSES: '7100=400, 7303=500',
    },
    cwd: tempCwd(),
  });
  expect(config.readings['wallet-refresh-path']).toBe('/users/auth/refresh');
  expect(config.readings['application-id-header']).toBe('x-application-id');
  expect(config.readings['error-status-7100']).toBe('400');
  expect(config.readings['error-status-7303']).toBe('500');
  expect(config.readingOrigins['error-status-7100']).toBe('MIGO_ERROR_STATUSES');
});

test('MIGO_READINGS wins over an alias, with a warning', ({ tempCwd }) => {
  const { config, warnings } = resolveConfig({
    env: {
      MIGO_APPLICATION_ID_HEADER: 'x-application-id',
      MIGO_READINGS: 'application-id-header=applicationId',
    },
    cwd: tempCwd(),
  });
  expect(config.readings['application-id-header']).toBe('applicationId');
  expect(warnings.join('\n')).toContain('MIGO_READINGS sets application-id-header=applicationId');
});

test('an unknown reading is a config problem naming the nearest reading', ({ tempCwd }) => {
  const { problems } = resolveConfig({
    env: { MIGO_READINGS: 'callback-status-cases=uppercase' },
    cwd: tempCwd(),
  });
  expect(problems).toHaveLength(1);
  expect(problems[0]!.variable).toBe('MIGO_READINGS');
  expect(problems[0]!.problem).toContain('"callback-status-cases" is not a reading');
  expect(problems[0]!.problem).toContain('did you mean callback-status-case');
  expect(() => loadConfig({ env: { MIGO_READINGS: 'nope=1' }, cwd: tempCwd() })).toThrow(ConfigError);
});

test("an unknown option names the reading's options", ({ tempCwd }) => {
  const { problems } = resolveConfig({ env: { MIGO_READINGS: 'wallet-envelope=soap' }, cwd: tempCwd() });
  expect(problems.map((p) => p.problem)).toEqual([
    'reading wallet-envelope has no option "soap"; its options are quickstart, custom-response',
  ]);
});

test('a malformed MIGO_READINGS entry says what form it needs', ({ tempCwd }) => {
  const { problems } = resolveConfig({ env: { MIGO_READINGS: 'wallet-envelope' }, cwd: tempCwd() });
  expect(problems[0]!.problem).toBe('has the entry "wallet-envelope", which is not name=option');
  expect(problems[0]!.fix).toContain('name=option pairs separated by commas');
});

test('a bad profile file is a problem naming the file and what is wrong', ({ tempCwd }) => {
  const cwd = tempCwd();
  const file = join(cwd, 'migo-readings.json');
  const problemsOf = (text: string) => {
    writeFileSync(file, text);
    return resolveConfig({ env: {}, cwd }).problems.map((p) => `${p.variable}: ${p.problem}`);
  };
  expect(problemsOf('{"readings": ')[0]).toMatch(new RegExp(`^${file}: is not valid JSON`));
  expect(problemsOf('[]')).toEqual([`${file}: is not a JSON object`]);
  expect(problemsOf('{"reading": {}}')).toEqual([
    `${file}: has the unknown key "reading"; the keys of a profile are readings, $schema, comment`,
  ]);
  expect(problemsOf(profile({ 'payload-type-enum': 7 }))).toEqual([
    `${file}: gives reading payload-type-enum a number; its options are closed, open`,
  ]);
  expect(problemsOf(JSON.stringify({ comment: 'confirmed by Migo', readings: {} }))).toEqual([]);
});

test('MIGO_READINGS_FILE naming a missing file is a problem; a missing migo-readings.json is not', ({
  tempCwd,
}) => {
  const cwd = tempCwd();
  expect(resolveConfig({ env: {}, cwd }).problems).toEqual([]);
  const { problems } = resolveConfig({ env: { MIGO_READINGS_FILE: 'nowhere.json' }, cwd });
  expect(problems.map((p) => p.variable)).toEqual(['MIGO_READINGS_FILE']);
  expect(problems[0]!.problem).toContain(join(cwd, 'nowhere.json'));
});

test('aliases outside the options are problems naming them', ({ tempCwd }) => {
  const { problems } = resolveConfig({
    env: {
      MIGO_WALLET_REFRESH_PATH: '/token/refresh',
      MIGO_APPLICATION_ID_HEADER: 'x-app',
      MIGO_ERROR_STATUSES: '7001=500,7303=418',
    },
    cwd: tempCwd(),
  });
  const byVariable = Object.fromEntries(problems.map((p) => [p.variable, p]));
  expect(byVariable.MIGO_WALLET_REFRESH_PATH!.problem).toContain(
    'its options are /auth/refresh, /users/auth/refresh',
  );
  expect(byVariable.MIGO_APPLICATION_ID_HEADER!.problem).toContain('applicationId, x-application-id');
  // 7001 has a documented status (400): it is no reading, so it cannot be pinned.
  expect(problems.filter((p) => p.variable === 'MIGO_ERROR_STATUSES').map((p) => p.problem)).toEqual([
    'pins 7001, which is not a catalog code without a documented status',
    'reading error-status-7303 has no option "418"; its options are 500, 404, 400, 401, 403, 409',
  ]);
});
