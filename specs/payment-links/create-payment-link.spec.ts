/**
 * POST /transactions answers `{uid, reference, URL}` at the top level: no `{success, data}` envelope, and the
 * checkout link is `URL`, uppercase, so reading `body.url` yields undefined (create-payment-link and
 * payment-link-quickstart pages). The link opens the hosted checkout with `orderId` = the returned uid.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';

interface CreatedLink {
  uid: string;
  reference: string;
  URL: string;
}

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'answers uid, reference and an uppercase URL at the top level, with no envelope',
    prodSafe(goLive('GL-INT-02')),
    async ({ api, cardholder, migoConfig }) => {
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.status, 'the link must be created').toBe(200);
      const body = link.body as Record<string, unknown>;
      expect(typeof body.URL, 'the checkout link is named URL (uppercase)').toBe('string');
      expect(typeof body.uid, 'uid sits at the top level').toBe('string');
      expect(typeof body.reference, 'reference sits at the top level').toBe('string');
      expect(body, 'a Payment Link is not wrapped in an envelope').not.toHaveProperty('success');
      expect(body, 'a Payment Link is not wrapped in an envelope').not.toHaveProperty('data');
    },
  );

  test(
    'opens the hosted checkout of the returned uid at URL (orderId = uid)',
    prodSafe(goLive('GL-INT-02')),
    async ({ api, cardholder, migoConfig, migoTarget, request }) => {
      const link = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
      );
      expect(link.status, 'the link must be created').toBe(200);
      const { uid, URL: url } = link.body as CreatedLink;
      const checkout = new URL(url);
      expect(checkout.searchParams.get('orderId'), 'the link names the transaction it pays').toBe(uid);
      // Unknown only when MIGO_ENV=local targets a simulator started elsewhere without MIGO_WEBVIEW_URL.
      const webview = migoTarget.urls.webview as string | undefined;
      if (webview)
        expect(checkout.origin, "the link opens the target's hosted checkout").toBe(new URL(webview).origin);
      // Opening the page pays nothing: the payer still has to submit the card form.
      const page = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      expect(page.status(), 'the hosted checkout serves the link').toBe(200);
      expect(page.headers()['content-type'] ?? '').toMatch(/text\/html/);
    },
  );

  test(
    'issues a new uid and reference for every link',
    prodSafe(goLive('GL-INT-02')),
    async ({ api, cardholder, migoConfig }) => {
      const request = api.paymentLinks.linkRequest({
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const links = [await api.paymentLinks.create(request), await api.paymentLinks.create(request)];
      expect(
        links.map((link) => link.status),
        'both links must be created',
      ).toEqual([200, 200]);
      const [first, second] = links.map((link) => link.body as CreatedLink) as [CreatedLink, CreatedLink];
      expect(second.uid, 'identifiers come from Migo, one per link').not.toBe(first.uid);
      expect(second.reference, 'identifiers come from Migo, one per link').not.toBe(first.reference);
    },
  );
});
