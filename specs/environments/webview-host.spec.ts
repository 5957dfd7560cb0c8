/**
 * Sandbox holds test data only and production moves real funds (environments page), so a link must open the
 * hosted checkout of its own environment: a sandbox link the sandbox webview, never the production one. The
 * webview hosts (sandbox.migopayments.com, web.migopayments.com) come from the Payment Link examples, not from
 * the environments table; MIGO_WEBVIEW_URL overrides them. The documented hosts are the documents'
 * (specs/documented/base-urls.ts), not the configuration's defaults the run was built from.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { nonProductionHostReason } from '../../fixtures/config';
import { documentedBaseUrl } from '../documented';

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    "returns a link that opens the hosted checkout of the target's environment",
    prodSafe(goLive('GL-ENV-03', 'GL-ENV-01')),
    async ({ api, cardholder, migoConfig, migoTarget }) => {
      const webview = migoTarget.urls.webview as string | undefined;
      test.skip(
        !webview,
        'MIGO_WEBVIEW_URL is not set: with MIGO_ENV=local and other MIGO_*_URL set, the checkout host is unknown',
      );
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.status, 'the link must be created').toBe(200);
      const opens = new URL(api.paymentLinks.linkOf(link).url ?? '');
      expect(opens.origin, "the link opens the target's hosted checkout").toBe(new URL(webview!).origin);

      const { target } = migoConfig;
      if (target === 'local') return;
      if (migoConfig.urlSources.webview === 'default')
        expect(opens.origin, `the documented ${target} checkout`).toBe(
          new URL(documentedBaseUrl('webview', target)).origin,
        );
      if (target === 'sandbox')
        expect(opens.origin, 'a sandbox link never opens the production (real funds) checkout').not.toBe(
          new URL(documentedBaseUrl('webview', 'production')).origin,
        );
      else
        expect(
          nonProductionHostReason(opens.hostname),
          'a production link opens the production checkout',
        ).toBeUndefined();
    },
  );
});
