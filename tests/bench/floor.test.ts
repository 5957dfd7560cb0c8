/** The floor copies the matrix's shape: projects, workers, tests per spec file, skips, browser or not. */
import { test, expect } from '@playwright/test';
import { floorSpecFiles } from '../../bench/floor/generate';
import type { FloorShape } from '../../bench/floor/layout';
import { shapeOf, type ListedSuite } from '../../bench/floor/shape';

const CONFIG_PROJECTS = [
  { name: 'api', workers: 1 },
  { name: 'checkout', workers: 1, use: { needsBrowser: true } },
];

const spec = (file: string, projectName: string) => ({ file, tests: [{ projectName }] });
const LISTED: ListedSuite[] = [
  {
    suites: [
      { specs: [spec('auth/login.spec.ts', 'api'), spec('auth/login.spec.ts', 'api')] },
      { suites: [{ specs: [spec('auth/login.spec.ts', 'api'), spec('errors/catalog.spec.ts', 'api')] }] },
    ],
    specs: [spec('checkout/pay.spec.ts', 'checkout')],
  },
];

test('the shape counts each project’s tests per spec file, nested describes included', () => {
  expect(shapeOf(CONFIG_PROJECTS, LISTED)).toEqual([
    {
      name: 'api',
      workers: 1,
      browser: false,
      files: { 'auth/login.spec.ts': 3, 'errors/catalog.spec.ts': 1 },
    },
    { name: 'checkout', workers: 1, browser: true, files: { 'checkout/pay.spec.ts': 1 } },
  ]);
});

test('a listed project the config does not have is an error, not a silent drop', () => {
  expect(() => shapeOf(CONFIG_PROJECTS, [{ specs: [spec('x.spec.ts', 'mobile')] }])).toThrow(/"mobile"/);
});

test('each spec file gets as many tests, the skipped ones declared skipped; browser tests are checkouts', () => {
  const shape: FloorShape = {
    generatedAt: '2026-12-02T00:00:00.000Z',
    requestsPerApiTest: 2,
    skipped: { api: { 'auth/login.spec.ts': 1 } },
    workers: 2,
    fullyParallel: true,
    projects: shapeOf(CONFIG_PROJECTS, LISTED),
  };
  const files = floorSpecFiles(shape);
  expect([...files.keys()].sort()).toEqual([
    'api/auth/login.spec.ts',
    'api/errors/catalog.spec.ts',
    'checkout/checkout/pay.spec.ts',
  ]);
  const login = files.get('api/auth/login.spec.ts')!;
  expect(
    login.match(/^test\('api \d+', async \(\{ request \}\) => exchange\(request, 2\)\);$/gm),
  ).toHaveLength(2);
  expect(login.match(/^test\.skip\(/gm)).toHaveLength(1);
  const pay = files.get('checkout/checkout/pay.spec.ts')!;
  expect(pay.match(/^test\('checkout \d+', async \(\{ page \}\) => checkout\(page\)\);$/gm)).toHaveLength(1);
  expect(pay).not.toContain('exchange(');
});
