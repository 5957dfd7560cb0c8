import { test, expect, goLive } from '../../fixtures';

test(
  'approves a charge: link → pay → return URL → callback approved',
  goLive('GL-SCN-01', 'GL-INT-02'),
  async ({ api, payer, callbacks, cardholder, migoConfig, requires }) => {
    requires('middleware', 'webview', 'callback', 'card:approved');
    const link = await api.paymentLinks.create(
      api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: migoConfig.charge.amount }),
    );
    const { uid, reference, URL: url } = link.body as { uid: string; reference: string; URL: string };
    const paid = await payer.pay(url, 'approved');
    expect(paid.query).toEqual({ uid, reference, status: 'approved' });
    const delivery = await callbacks.waitFor(
      { uid, status: 'approved' },
      { timeoutMs: migoConfig.timeouts.callbackMs },
    );
    expect(delivery.body).toMatchObject({ uid, reference, status: 'approved' });
  },
);
