/**
 * The base URL of each surface is the documented one for the target (environments page, "Base URLs"). The
 * expected URL is the documents' (specs/documented/base-urls.ts), never the table the run's configuration is built
 * from (schemas/base-urls.ts): comparing a URL with its own source would prove nothing. Each test also makes one
 * request through the clients, so the URL checked is the one actually called and it serves that surface.
 *
 * - sandbox, production: the URL called must be the documented one. A MIGO_*_URL override that differs from it
 *   cannot prove the item: in a sandbox run the test is skipped with that reason (NOT RUN); in a production run
 *   it fails, since production traffic must go to the documented production host.
 * - local: SIMULATED only. The embedded simulator (or a MIGO_*_URL stand-in) serves on loopback in place of Migo;
 *   the test checks the suite's own URL handling against it and says so in an annotation, never that the
 *   documented base URL was reached.
 */
import type { TestInfo } from '@playwright/test';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { URL_VARIABLE, nonProductionHostReason, redactUrl, type MigoConfig } from '../../fixtures/config';
import { baseUrlVerdict, type ApiSurface } from './base-url-check';

/** Judges the base URL in use for `surface` against the documented one (see the header) and returns it. */
function expectDocumentedBaseUrl(
  config: MigoConfig,
  inUse: string,
  surface: ApiSurface,
  testInfo: TestInfo,
): string {
  const overridden = config.urlSources[surface] === 'variable';
  const verdict = baseUrlVerdict({
    target: config.target,
    surface,
    url: inUse,
    ...(overridden ? { overriddenBy: { variable: URL_VARIABLE[surface], shown: redactUrl(inUse) } } : {}),
  });
  if (verdict.kind === 'simulated')
    testInfo.annotations.push({ type: 'simulated', description: verdict.note });
  if (verdict.kind === 'not-run')
    testInfo.annotations.push({ type: 'base-url', description: verdict.reason });
  test.skip(verdict.kind === 'not-run', verdict.kind === 'not-run' ? verdict.reason : '');
  expect(
    verdict.kind === 'wrong' ? verdict.problem : undefined,
    `the base URL of the ${surface}`,
  ).toBeUndefined();
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
