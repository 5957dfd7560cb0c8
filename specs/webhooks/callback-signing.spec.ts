/**
 * How a handler can tell a Merchant Generic Callback came from Migo. Documented: it is not signed by default and
 * carries no extra headers; the merchant may ask for a static `x-api-key` or `Authorization: Bearer …`
 * (merchant-generic-callback page). Ed25519 is the "target standard, not yet enforced" (security page): the
 * suite follows the Standard Webhooks form (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1a,…`), an
 * assumption to confirm with Migo before relying on it. A delivery that fails verification is answered 4xx.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { test, expect, goLive, type MigoFixtures } from '../../fixtures';
import { completedPayment } from './completed-payment';
import { collectDeliveries, describeDeliveries, expectCallback } from './received-deliveries';

const SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];

const is4xx = (status: number) => status >= 400 && status < 500;

/** A payment's callback fails verification: it is answered 4xx for `problem`, and never fulfilled. */
async function expectRefusedDelivery(
  {
    api,
    sim,
    callbacks,
    cardholder,
    migoConfig,
  }: Pick<MigoFixtures, 'api' | 'sim' | 'callbacks' | 'cardholder' | 'migoConfig'>,
  problem: string,
): Promise<void> {
  const payment = await completedPayment(api, sim, {
    userId: cardholder.userId,
    amount: migoConfig.charge.amount,
  });
  const [delivery] = await collectDeliveries(callbacks, 1, { timeoutMs: migoConfig.timeouts.callbackMs });
  expect(delivery!.uid, 'the delivery is for this payment').toBe(payment.uid);
  expect(is4xx(delivery!.answeredWith), `answered 4xx: ${describeDeliveries([delivery!])}`).toBe(true);
  expect(delivery!.problems.join('; ')).toContain(problem);
  expect(callbacks.fulfilments, 'an unverified delivery is never fulfilled').toEqual([]);
}

test.describe('Merchant Generic Callback signing', () => {
  test.beforeEach(({ requires }) => requires('middleware', 'callback'));

  test(
    'sends no signature or credential header by default',
    goLive('GL-WH-02'),
    async ({ api, sim, callbacks, cardholder, migoConfig }) => {
      const payment = await completedPayment(api, sim, {
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const [delivery] = await collectDeliveries(callbacks, 1, { timeoutMs: migoConfig.timeouts.callbackMs });
      expectCallback(delivery!, payment, migoConfig.readings);
      const sent = Object.keys(delivery!.headers);
      expect(
        sent.filter((name) => [...SIGNATURE_HEADERS, 'x-api-key', 'authorization'].includes(name)),
        'the default callback is unsigned',
      ).toEqual([]);
    },
  );

  test.describe('static header', () => {
    // The two forms the merchant-generic-callback page names.
    const FORMS = [
      { header: 'x-api-key', value: (secret: string) => secret },
      { header: 'authorization', value: (secret: string) => `Bearer ${secret}` },
    ];
    for (const form of FORMS) {
      test(
        `accepts a delivery carrying the configured ${form.header} header`,
        goLive('GL-WH-02'),
        async ({ api, sim, callbacks, cardholder, migoConfig, migoTarget }) => {
          const value = form.value(`sim-${randomUUID()}`);
          const signing = { mode: 'static-header', header: form.header, value } as const;
          await sim.configureClient(migoTarget.credentials.middleware!.clientSlug, {
            callback: { url: callbacks.url, signing },
          });
          callbacks.setVerify(signing);

          const payment = await completedPayment(api, sim, {
            userId: cardholder.userId,
            amount: migoConfig.charge.amount,
          });
          const [delivery] = await collectDeliveries(callbacks, 1, {
            timeoutMs: migoConfig.timeouts.callbackMs,
          });
          expectCallback(delivery!, payment, migoConfig.readings);
          expect(callbacks.fulfilments.map((f) => f.uid)).toEqual([payment.uid]);
        },
      );
    }

    test(
      'answers 4xx, and does not fulfil, a delivery whose x-api-key is wrong',
      goLive('GL-WH-02'),
      async ({ api, sim, callbacks, cardholder, migoConfig, migoTarget }) => {
        await sim.configureClient(migoTarget.credentials.middleware!.clientSlug, {
          callback: {
            url: callbacks.url,
            signing: { mode: 'static-header', header: 'x-api-key', value: `sent-${randomUUID()}` },
          },
        });
        callbacks.setVerify({
          mode: 'static-header',
          header: 'x-api-key',
          value: `expected-${randomUUID()}`,
        });

        await expectRefusedDelivery({ api, sim, callbacks, cardholder, migoConfig }, 'x-api-key');
      },
    );
  });

  test.describe('Ed25519 (Standard Webhooks)', () => {
    test(
      'accepts a delivery signed with the webhook key, with webhook-id stable across a retry and a duplicate',
      goLive('GL-WH-02'),
      async ({ api, sim, callbacks, cardholder, migoConfig, migoTarget }) => {
        const publicKey = migoTarget.credentials.webhookPublicKey;
        test.skip(!publicKey, 'the target publishes no Ed25519 webhook public key');
        await sim.configureClient(migoTarget.credentials.middleware!.clientSlug, {
          callback: { url: callbacks.url, duplicates: 1, signing: { mode: 'ed25519' } },
        });
        callbacks.setVerify({ mode: 'ed25519', publicKey: publicKey! });
        callbacks.failNext(1, 503);

        const payment = await completedPayment(api, sim, {
          userId: cardholder.userId,
          amount: migoConfig.charge.amount,
        });
        const deliveries = await collectDeliveries(callbacks, 3, {
          timeoutMs: migoConfig.timeouts.callbackMs,
          what: 'a delivery answered 503, its retry and one duplicate',
        });

        const [refused, ...accepted] = deliveries;
        expect(refused!.answeredWith, `refused on purpose: ${describeDeliveries([refused!])}`).toBe(503);
        for (const delivery of accepted) expectCallback(delivery, payment, migoConfig.readings);
        const ids = deliveries.map((d) => d.headers['webhook-id']);
        expect(ids[0], 'webhook-id is sent').toMatch(/\S/);
        expect(new Set(ids).size, `one webhook-id for one event: ${ids.join(', ')}`).toBe(1);
        expect(callbacks.fulfilments.map((f) => f.uid)).toEqual([payment.uid]);
      },
    );

    test(
      'answers 4xx, and does not fulfil, a delivery that does not verify against the key',
      goLive('GL-WH-02'),
      async ({ api, sim, callbacks, cardholder, migoConfig, migoTarget }) => {
        await sim.configureClient(migoTarget.credentials.middleware!.clientSlug, {
          callback: { url: callbacks.url, signing: { mode: 'ed25519' } },
        });
        const otherKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
        callbacks.setVerify({ mode: 'ed25519', publicKey: otherKey.toString() });

        await expectRefusedDelivery(
          { api, sim, callbacks, cardholder, migoConfig },
          'webhook-signature does not verify',
        );
      },
    );
  });
});
