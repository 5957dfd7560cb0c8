/**
 * What a run records about its hosts, from its configuration: documented base URLs are marked with their
 * environment, anything else is not, and nothing but origin and path is kept.
 */
import { test, expect } from '@playwright/test';
import { resolveConfig } from '../../fixtures/config';
import { runMetadata, RunLabelError } from '../../fixtures/run-metadata';
import { proofOf } from '../../reporters/go-live';
import { ed25519Pem, sandboxEnv } from '../config/helpers';

const NO_DOTENV = '/nonexistent/migo-run-metadata';

test('a sandbox run on the documented hosts can prove the integration; one proxy is enough to lose that', () => {
  const env = sandboxEnv(ed25519Pem());
  const documented = runMetadata(resolveConfig({ env, cwd: NO_DOTENV }).config, {});
  expect(documented).toMatchObject({
    target: 'sandbox',
    embedded: false,
    hosts: {
      middleware: { url: 'https://sb-mw.migopayments.com', documented: 'sandbox' },
      webview: { url: 'https://sandbox.migopayments.com', documented: 'sandbox' },
    },
  });
  expect(proofOf(documented)).toBe('sandbox');

  const proxied = runMetadata(
    resolveConfig({
      env: { ...env, MIGO_WEBVIEW_URL: 'https://user:pw@checkout.proxy.example.net/pay/?token=x' },
      cwd: NO_DOTENV,
    }).config,
    { MIGO_RUN_LABEL: 'nightly' },
  );
  expect(proxied.hosts.webview).toEqual({ url: 'https://checkout.proxy.example.net/pay' });
  expect(proxied.label).toBe('nightly');
  expect(proofOf(proxied)).toBe('stand-in');
});

test('a local run against the embedded simulator records no host and proves the suite only', () => {
  const local = runMetadata(resolveConfig({ env: { MIGO_ENV: 'local' }, cwd: NO_DOTENV }).config, {});
  expect(local).toEqual({ target: 'local', embedded: true, hosts: {}, merchant: {} });
  expect(proofOf(local)).toBe('stand-in');
});

test('a bad MIGO_RUN_LABEL is refused, naming the form it must have', () => {
  const { config } = resolveConfig({ env: { MIGO_ENV: 'local' }, cwd: NO_DOTENV });
  expect(() => runMetadata(config, { MIGO_RUN_LABEL: 'night run; rm -rf' })).toThrow(RunLabelError);
  expect(() => runMetadata(config, { MIGO_RUN_LABEL: 'night run' })).toThrow(
    'use 1-40 letters, digits, ".", "_" or "-"',
  );
});
