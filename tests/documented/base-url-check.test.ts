/**
 * The base-URL check compares the URL a run calls with the documented one, not with the configuration it was built
 * from: a configuration table drifting from the docs fails it, an override cannot prove the documented URL, and a
 * local run is only ever SIMULATED.
 */
import { test, expect } from '@playwright/test';
import { baseUrlVerdict } from '../../specs/environments/base-url-check';

test('a sandbox run at the documented URL is judged documented', () => {
  expect(
    baseUrlVerdict({ target: 'sandbox', surface: 'walletGateway', url: 'https://ali-qa.ali.app/rest/' }),
  ).toEqual({ kind: 'documented', documented: 'https://ali-qa.ali.app/rest' });
});

test('a default URL that drifted from the docs (the config table changed) is wrong, naming the documented URL', () => {
  // Before, the spec compared the URL with MIGO_BASE_URLS, the table the default came from: this passed.
  const verdict = baseUrlVerdict({
    target: 'production',
    surface: 'middleware',
    url: 'https://mw2.migopayments.com',
  });
  expect(verdict).toEqual({
    kind: 'wrong',
    problem:
      'the middleware is called at https://mw2.migopayments.com, not at the documented production URL https://mw.migopayments.com (environments page)',
  });
});

test('a sandbox override that differs from the documented URL cannot prove it: NOT RUN with the reason', () => {
  const verdict = baseUrlVerdict({
    target: 'sandbox',
    surface: 'cms',
    url: 'https://127.0.0.1:4443',
    overriddenBy: { variable: 'MIGO_CMS_URL', shown: 'https://127.0.0.1:4443' },
  });
  expect(verdict.kind).toBe('not-run');
  expect(verdict.kind === 'not-run' && verdict.reason).toContain(
    'overrides the documented sandbox URL https://ali-qa.ali.app/cms/rest',
  );
});

test('a production override that differs from the documented URL is wrong', () => {
  const verdict = baseUrlVerdict({
    target: 'production',
    surface: 'walletGateway',
    url: 'https://proxy.example.net/rest',
    overriddenBy: { variable: 'MIGO_WALLET_URL', shown: 'https://proxy.example.net/rest' },
  });
  expect(verdict.kind).toBe('wrong');
});

test('a local run is SIMULATED only, and never calls a documented Migo host', () => {
  const simulated = baseUrlVerdict({ target: 'local', surface: 'middleware', url: 'http://127.0.0.1:41234' });
  expect(simulated.kind).toBe('simulated');
  expect(simulated.kind === 'simulated' && simulated.note).toMatch(/^SIMULATED only: the embedded simulator/);
  expect(
    baseUrlVerdict({
      target: 'local',
      surface: 'middleware',
      url: 'https://sb-mw.migopayments.com',
      overriddenBy: { variable: 'MIGO_MIDDLEWARE_URL', shown: 'https://sb-mw.migopayments.com' },
    }).kind,
  ).toBe('wrong');
});
