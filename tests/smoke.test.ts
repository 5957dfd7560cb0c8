import { test, expect } from '@playwright/test';
import { ERROR_CATALOG } from '../schemas/error-catalog';

test('the catalog holds each code once', () => {
  const codes = ERROR_CATALOG.map((row) => row.code);
  expect(new Set(codes).size).toBe(codes.length);
});
