import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import {
  parseObservationLine,
  recordObservation,
  shapeOf,
  templatePath,
  testIdOf,
  type Observation,
} from '../../reporters/observations';
import { tempDir } from './synthetic-run';

test.describe('shapeOf', () => {
  test('maps every JSON pointer to its JSON type, arrays collapsed to /*', () => {
    const body = {
      success: true,
      message: 'Transaction created',
      data: {
        uid: 'trx_8f3c2b1d9e7a',
        paymentMethods: [
          { name: 'zigi', fee: 1.5 },
          { name: 'akisi', fee: 2 },
        ],
        expireAt: 900,
      },
      extra: null,
    };
    expect(shapeOf(body)).toEqual({
      '': 'object',
      '/data': 'object',
      '/data/expireAt': 'integer',
      '/data/paymentMethods': 'array',
      '/data/paymentMethods/*': 'object',
      '/data/paymentMethods/*/fee': 'number', // 1.5 and 2: an integer beside a decimal is a number
      '/data/paymentMethods/*/name': 'string',
      '/data/uid': 'string',
      '/extra': 'null',
      '/message': 'string',
      '/success': 'boolean',
    });
  });

  test('records types only, never values', () => {
    const shape = shapeOf({ accessToken: 'eyJhbGciOi.secret.value', pan: '4000000000001000', cvv: 123 });
    const written = JSON.stringify(shape);
    expect(written).not.toContain('eyJ');
    expect(written).not.toContain('4000000000001000');
    expect(written).not.toContain('123');
  });

  test('joins mixed item types, and handles scalars, empty arrays and no body', () => {
    expect(shapeOf([1, 'a', null])).toEqual({ '': 'array', '/*': 'string|integer|null' });
    expect(shapeOf('OK')).toEqual({ '': 'string' });
    expect(shapeOf({ items: [] })).toEqual({ '': 'object', '/items': 'array' });
    expect(shapeOf(undefined)).toEqual({});
  });

  test('escapes pointer tokens and folds id-like keys into {key}', () => {
    expect(
      shapeOf({ 'a/b': 1, 'c~d': 2, trx_8f3c2b1d9e7a: { status: 'approved' }, '12345': true, v1: 'x' }),
    ).toEqual({
      '': 'object',
      '/a~1b': 'integer',
      '/c~0d': 'integer',
      '/{key}': 'boolean|object',
      '/{key}/status': 'string',
      '/v1': 'string',
    });
  });
});

test.describe('templatePath', () => {
  test('replaces ids with the parameter names the docs use', () => {
    expect(templatePath('post', '/transactions')).toBe('POST /transactions');
    expect(templatePath('POST', '/api/v1/integrations/transactions/trx_8f3c2b1d9e7a/payments')).toBe(
      'POST /api/v1/integrations/transactions/{uid}/payments',
    );
    expect(templatePath('POST', '/users/+50212345678/cards/virtuals')).toBe(
      'POST /users/{userId}/cards/virtuals',
    );
    expect(templatePath('GET', '/app/partners/77/cardholders')).toBe(
      'GET /app/partners/{partnerId}/cardholders',
    );
    expect(templatePath('GET', '/leads/abc123')).toBe('GET /leads/{leadId}');
  });

  test('takes full URLs, drops the query and strips a base path', () => {
    expect(
      templatePath('POST', 'https://ali-qa.ali.app/rest/cards/12/funds?x=1#f', { basePath: '/rest' }),
    ).toBe('POST /cards/{cardId}/funds');
    expect(templatePath('GET', 'http://127.0.0.1:3000/cms/rest/', { basePath: '/cms/rest' })).toBe('GET /');
  });

  test('keeps segments that are already templated', () => {
    expect(templatePath('POST', '/api/v1/integrations/transactions/{uid}/dismiss')).toBe(
      'POST /api/v1/integrations/transactions/{uid}/dismiss',
    );
  });
});

test('testIdOf matches the ids the run recorder writes', () => {
  expect(testIdOf('simulator', ['payment-links.spec.ts', 'POST /transactions', 'creates a link'])).toBe(
    '[simulator] payment-links.spec.ts › POST /transactions › creates a link',
  );
  expect(testIdOf('', ['a.spec.ts', 't'], 2)).toBe('a.spec.ts › t (repeat 2)');
});

test.describe('recordObservation', () => {
  const observation: Observation = {
    endpoint: 'POST /transactions',
    surface: 'middleware',
    status: 200,
    latencyMs: 12.345,
    shape: shapeOf({ uid: 'trx_1', reference: 'R', URL: 'u' }),
    test: 'pays with 4000000000001000',
  };

  test('appends one JSON line per exchange to <runDir>/observations/<pid>.jsonl', () => {
    const runDir = tempDir('obs');
    try {
      recordObservation(observation, { runDir });
      recordObservation(
        { ...observation, status: 401, shape: shapeOf({ message: 'Unauthorized' }) },
        { runDir },
      );
      const file = join(runDir, 'observations', `${process.pid}.jsonl`);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(2);
      const first = parseObservationLine(lines[0]!)!;
      expect(first).toEqual({ ...observation, latencyMs: 12.3, test: 'pays with ••••••••••••1000' });
      expect(parseObservationLine(lines[1]!)?.status).toBe(401);
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });

  test('drops shape entries that are not JSON type names, so no value can be written', () => {
    const runDir = tempDir('obs');
    try {
      recordObservation(
        { ...observation, shape: { '/uid': 'string', '/token': 'eyJ-not-a-type' } },
        { runDir },
      );
      const text = readFileSync(join(runDir, 'observations', `${process.pid}.jsonl`), 'utf8');
      expect(text).not.toContain('eyJ');
      expect(parseObservationLine(text)?.shape).toEqual({ '/uid': 'string' });
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });

  test('is a no-op without MIGO_RUN_DIR, and never throws on bad input', () => {
    const saved = process.env.MIGO_RUN_DIR;
    delete process.env.MIGO_RUN_DIR;
    const runDir = tempDir('obs');
    try {
      expect(() => recordObservation(observation)).not.toThrow();
      expect(() =>
        recordObservation({ ...observation, status: Number.NaN } as unknown as Observation, { runDir }),
      ).not.toThrow();
      expect(
        existsSync(join(runDir, 'observations')) ? readdirSync(join(runDir, 'observations')) : [],
      ).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.MIGO_RUN_DIR = saved;
      rmSync(runDir, { recursive: true, force: true });
    }
  });

  test('parseObservationLine rejects malformed and foreign lines', () => {
    expect(parseObservationLine('')).toBeUndefined();
    expect(parseObservationLine('{not json')).toBeUndefined();
    expect(
      parseObservationLine('{"endpoint":"x","surface":"middleware","status":200,"latencyMs":1}'),
    ).toBeUndefined();
    expect(
      parseObservationLine(
        '{"endpoint":"GET /health","surface":"mainframe","status":200,"latencyMs":1,"shape":{}}',
      ),
    ).toBeUndefined();
  });
});
