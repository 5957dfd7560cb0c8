/**
 * The base URL of each surface is the documented one for the target (environments page, "Base URLs"), or an
 * explicit MIGO_*_URL override, which the test records as an annotation. Locally the embedded simulator stands
 * in for the documented http://localhost:3000 / :3010, on a free loopback port. Each test also makes one request
 * through the clients, so the URL checked is the one actually called and it serves that surface.
 */
import type { TestInfo } from '@playwright/test';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { URL_VARIABLE, nonProductionHostReason, redactUrl, type MigoConfig } from '../../fixtures/config';
import { MIGO_BASE_URLS, type Surface } from '../../schemas/base-urls';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** Asserts the base URL in use for `surface` and returns it. */
function expectDocumentedBaseUrl(
  config: MigoConfig,
  inUse: string,
  surface: Surface,
  testInfo: TestInfo,
): string {
  const variable = URL_VARIABLE[surface];
  if (config.urlSources[surface] === 'variable') {
    testInfo.annotations.push({
      type: 'base-url',
      description: `${variable} overrides the documented ${config.target} URL: ${redactUrl(inUse)}`,
    });
    expect(inUse, `the URL in use is the one ${variable} sets`).toBe(config.urls[surface]);
  } else if (config.target === 'local') {
    const url = new URL(inUse);
    expect(url.protocol, 'the embedded simulator serves plain http').toBe('http:');
    expect(LOOPBACK, 'the embedded simulator listens on loopback only').toContain(url.hostname);
  } else {
    expect(inUse, `the documented ${config.target} URL`).toBe(MIGO_BASE_URLS[surface][config.target]);
  }
  if (config.target === 'production')
    expect(
      nonProductionHostReason(new URL(inUse).hostname),
      'a production run talks to production hosts only',
    ).toBeUndefined();
  return inUse;
}

test.describe('Base URLs', () => {
  test(
    'serves the Wallet Gateway at the documented base URL: GET /health answers',
    prodSafe(goLive('GL-URL-01', 'GL-URL-02', 'GL-URL-03', 'GL-ENV-01')),
    async ({ api, migoConfig, migoTarget, requires }, testInfo) => {
      requires('walletGateway');
      const base = expectDocumentedBaseUrl(
        migoConfig,
        migoTarget.urls.walletGateway,
        'walletGateway',
        testInfo,
      );
      const health = await api.newWalletSession().health();
      expect(health.url.startsWith(base), `GET ${health.url} goes to ${base}`).toBe(true);
      expect(health.status, 'the Wallet Gateway must answer its health probe').toBe(200);
      // Its envelope (the reading wallet-envelope, default the quickstart's {statusCode: 200, …}) is the schema
      // check's: the client has validated it under the run's profile.
      expect((health.body as { data?: unknown }).data, 'the health answer carries data {}').toEqual({});
    },
  );

  test(
    'serves the Middleware at the documented base URL: POST /transactions creates a link',
    prodSafe(goLive('GL-URL-04', 'GL-URL-05', 'GL-URL-06', 'GL-ENV-01')),
    async ({ api, cardholder, migoConfig, migoTarget, requires }, testInfo) => {
      requires('middleware');
      const base = expectDocumentedBaseUrl(migoConfig, migoTarget.urls.middleware, 'middleware', testInfo);
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.url.startsWith(base), `POST ${link.url} goes to ${base}`).toBe(true);
      expect(link.status, 'the link must be created').toBe(200);
    },
  );

  test(
    'serves the CMS Backoffice at the documented base URL: the app login answers',
    prodSafe(goLive('GL-URL-07', 'GL-URL-08', 'GL-URL-09', 'GL-ENV-01')),
    async ({ api, migoConfig, migoTarget, requires }, testInfo) => {
      requires('cms');
      const base = expectDocumentedBaseUrl(migoConfig, migoTarget.urls.cms, 'cms', testInfo);
      const login = await api.cms.appLogin();
      expect(login.url.startsWith(base), `POST ${login.url} goes to ${base}`).toBe(true);
      expect(login.status, 'the CMS must answer the app login').toBe(200);
    },
  );
});
