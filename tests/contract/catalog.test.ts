import { expect, test } from '@playwright/test';
import {
  catalogEntry,
  documentedStatus,
  ERROR_CATALOG,
  expectedStatus,
  GATEWAY_CODE_PATTERN,
  GATEWAY_CODE_RANGE,
  GATEWAY_ERROR_CODES,
  MIDDLEWARE_OWN_CODES,
  STATUS_RULE_ORDER,
  statusByRule,
} from '../../schemas/error-catalog';
import { undocumentedFields, validate } from '../../schemas/registry';

test('each code appears once', () => {
  const codes = ERROR_CATALOG.map((row) => row.code);
  expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
});

test('the gateway code pattern accepts exactly 7000-8099', () => {
  const pattern = new RegExp(GATEWAY_CODE_PATTERN);
  const accepted = Array.from({ length: 10000 }, (_, n) => String(n).padStart(4, '0')).filter((code) =>
    pattern.test(code),
  );
  expect(accepted.length).toBe(GATEWAY_CODE_RANGE.max - GATEWAY_CODE_RANGE.min + 1);
  expect(accepted[0]).toBe(String(GATEWAY_CODE_RANGE.min));
  expect(accepted.at(-1)).toBe(String(GATEWAY_CODE_RANGE.max));
  expect(pattern.test('70000')).toBe(false);
  expect(pattern.test(' 7000')).toBe(false);
});

test('gateway codes sit in 7000-8099 and Middleware ownCodes never do', () => {
  const pattern = new RegExp(GATEWAY_CODE_PATTERN);
  for (const code of GATEWAY_ERROR_CODES) expect(code, code).toMatch(pattern);
  expect([...MIDDLEWARE_OWN_CODES].sort()).toEqual([2000, 4020, 4021, 5000]);
  for (const code of MIDDLEWARE_OWN_CODES) {
    expect(code < GATEWAY_CODE_RANGE.min || code > GATEWAY_CODE_RANGE.max, String(code)).toBe(true);
  }
  const gatewayRows = ERROR_CATALOG.filter((row) => row.surface === 'gateway').map((row) => row.code);
  expect([...GATEWAY_ERROR_CODES]).toEqual(gatewayRows);
});

/** The columns every row may have (the `as const` rows each carry only their own). */
interface Row {
  code: string;
  http: number | null;
  assumedHttp?: number;
  message: string | null;
  meaning?: string;
  surface: string;
  unsure?: string;
}

test('every row gives the simulator a status and a text', () => {
  for (const row of ERROR_CATALOG as readonly Row[]) {
    expect(row.http ?? row.assumedHttp, `${row.code} status`).toEqual(expect.any(Number));
    if (row.http !== null)
      expect(row.assumedHttp, `${row.code}: documented rows assume nothing`).toBeUndefined();
    if (row.surface !== 'middleware' || /^[0-9]+$/.test(row.code)) {
      expect(row.message ?? row.meaning, `${row.code} text`).toEqual(expect.any(String));
    }
    if (row.http === null)
      expect(row.unsure, `${row.code}: an assumed status says why`).toEqual(expect.any(String));
  }
});

test('the status rule follows the documented order and defaults to 500', () => {
  expect([...STATUS_RULE_ORDER]).toEqual([500, 404, 400, 401, 403, 409]);
  for (const row of ERROR_CATALOG) {
    if (row.surface === 'middleware') continue;
    expect(statusByRule(row.code), row.code).toBe(row.http ?? row.assumedHttp);
  }
  expect(statusByRule('7999')).toBe(500);
  expect(statusByRule('8099')).toBe(500);
  expect(statusByRule('not-a-code')).toBe(500);
});

test('documentedStatus reads only what the docs state', () => {
  expect(documentedStatus('7000')).toBe(400);
  expect(documentedStatus('7010')).toBe(404);
  expect(documentedStatus('7006')).toBe(409);
  expect(documentedStatus('7100')).toBeNull();
  expect(documentedStatus(4021)).toBe(405);
  expect(documentedStatus('TOKEN_EXPIRED')).toBe(401);
  expect(documentedStatus('7999')).toBeNull();
});

test('expectedStatus marks assumed statuses so specs can treat them as configurable', () => {
  expect(expectedStatus('7001')).toEqual({ status: 400, documented: true });
  expect(expectedStatus('7303')).toEqual({ status: 409, documented: false, reading: 'error-status-7303' });
  expect(expectedStatus('7100')).toEqual({ status: 404, documented: false, reading: 'error-status-7100' });
  expect(expectedStatus('7303', { 'error-status-7303': '500' })).toEqual({
    status: 500,
    documented: false,
    reading: 'error-status-7303',
  });
  expect(expectedStatus(5000)).toEqual({ status: 400, documented: true });
  expect(expectedStatus('7999')).toEqual({ status: 500, documented: false });
});

test('catalogEntry finds rows by string or ownCode number', () => {
  expect(catalogEntry('7010').message).toBe('Not found, verify endpoint');
  expect(catalogEntry(2000)?.http).toBe(404);
  expect(catalogEntry('2000')?.surface).toBe('middleware');
  expect(catalogEntry('0000')).toBeUndefined();
  expect(catalogEntry(7000.5)).toBeUndefined();
});

test('the schemas take their code lists from the catalog', () => {
  const body = (code: string) => ({ success: false, errors: [{ code, message: 'x' }] });
  for (const code of GATEWAY_ERROR_CODES) {
    expect(validate('gateway-error', body(code)).valid, code).toBe(true);
    expect(undocumentedFields('gateway-error', body(code)), code).toEqual([]);
  }
  expect(undocumentedFields('gateway-error', body('7999'))).toEqual(['/errors/0/code']);
  for (const ownCode of MIDDLEWARE_OWN_CODES) {
    expect(
      undocumentedFields('middleware-error', { success: false, ownCode, message: 'x' }),
      String(ownCode),
    ).toEqual([]);
  }
  expect(validate('token-expired', { message: catalogEntry('TOKEN_EXPIRED').code }).valid).toBe(true);
});
