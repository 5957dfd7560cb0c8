/**
 * POST /transactions answers `{uid, reference, URL}` at the top level: no `{success, data}` envelope, and the
 * checkout link is `URL`, uppercase, so reading `body.url` yields undefined (create-payment-link and
 * payment-link-quickstart pages). The Dominican Republic recipe's `data.url` is the other option of the reading
 * payment-link-url, and whether envelope fields beside a top-level link fail is the reading
 * payment-link-extra-fields. The link opens the hosted checkout with `orderId` = the returned uid.
 */
import { test, expect, expectUnderReadings, goLive, prodSafe, type CreatedLink } from '../../fixtures';
import type { Readings } from '../../schemas/readings';

/** Where the link sits and what may sit beside it, under a profile; undefined when the answer fits. */
function linkShapeProblem(body: Record<string, unknown>, readings: Readings): string | undefined {
  if (readings['payment-link-url'] === 'data-url') {
    const data = body.data as Record<string, unknown> | undefined;
    if (typeof data?.url !== 'string') return 'the checkout link is not data.url';
    if (typeof data.uid !== 'string' || typeof data.reference !== 'string')
      return 'uid and reference are not in data';
    return undefined;
  }
  if (typeof body.URL !== 'string') return 'the checkout link is not named URL (uppercase) at the top level';
  if (typeof body.uid !== 'string' || typeof body.reference !== 'string')
    return 'uid and reference are not at the top level';
  if (readings['payment-link-extra-fields'] === 'forbidden') {
    const wrapped = ['success', 'data', 'errors'].filter((field) => field in body);
    if (wrapped.length > 0)
      return `a Payment Link is not wrapped in an envelope, but it carries ${wrapped.join(', ')}`;
  }
  return undefined;
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
      expectUnderReadings(
        migoConfig.readings,
        'the answer carries uid, reference and the link where the readings put them',
        (profile) => linkShapeProblem(link.body as Record<string, unknown>, profile),
        ['payment-link-url', 'payment-link-extra-fields'],
      );
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
      const { uid, url } = api.paymentLinks.linkOf(link);
      const checkout = new URL(url ?? '');
      expect(checkout.searchParams.get('orderId'), 'the link names the transaction it pays').toBe(uid);
      // Unknown only when MIGO_ENV=local targets a simulator started elsewhere without MIGO_WEBVIEW_URL.
      const webview = migoTarget.urls.webview as string | undefined;
      if (webview)
        expect(checkout.origin, "the link opens the target's hosted checkout").toBe(new URL(webview).origin);
      // Opening the page pays nothing: the payer still has to submit the card form.
      const page = await request.get(checkout.toString(), { maxRedirects: 0, failOnStatusCode: false });
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
      const [first, second] = links.map((link) => api.paymentLinks.linkOf(link)) as [
        CreatedLink,
        CreatedLink,
      ];
      expect(second.uid, 'identifiers come from Migo, one per link').not.toBe(first.uid);
      expect(second.reference, 'identifiers come from Migo, one per link').not.toBe(first.reference);
    },
  );
});
