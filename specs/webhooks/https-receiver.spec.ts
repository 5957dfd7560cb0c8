/**
 * The webhook receiver serves HTTPS with a valid certificate: production requires it, and an expired certificate
 * surfaces as delivery failures (go-live page, webhooks; environments page: "switch your webhook receiver to
 * HTTPS with a valid certificate"). Locally the simulator delivers to an HTTPS receiver and refuses one it cannot
 * trust. Against Migo, the merchant's own handler (MIGO_MERCHANT_HANDLER_URL) is checked like any TLS endpoint:
 * that is the receiver the item is about. The public callback URL is checked too, but it may be a tunnel to the
 * suite's own receiver, so it only supports the item (checklist/evidence.ts).
 */
import { checkServerIdentity } from 'node:tls';
import { test, expect, goLive, prodSafe, CallbackReceiver } from '../../fixtures';
import { handshake, hostAndPort } from '../security/tls-probe';
import { completedPayment } from './completed-payment';

const DAY_MS = 86_400_000;

test.describe('Merchant Generic Callback over HTTPS', () => {
  test(
    'delivers to a receiver serving HTTPS, and never to one whose certificate it cannot trust',
    goLive('GL-WH-01', 'GL-PROD-02'),
    async ({ api, sim, migoTarget, cardholder, migoConfig, requires }) => {
      requires('middleware');
      const slug = migoTarget.credentials.middleware!.clientSlug;
      const receiver = new CallbackReceiver();
      const impostor = new CallbackReceiver();
      const { readings } = migoConfig;
      const { url, ca } = await receiver.start({ https: true, readings });
      // Another receiver with its own self-signed certificate, which the configured CA did not issue.
      const { url: impostorUrl } = await impostor.start({ https: true, readings });
      try {
        expect(url.startsWith('https://'), `the receiver listens on ${url}`).toBe(true);

        // Trusted: the sender verifies the receiver's certificate against its CA, and the delivery arrives.
        await sim.configureClient(slug, { callback: { url, ca: ca!, retryScheduleMs: [] } });
        const trusted = await completedPayment(api, sim, {
          userId: cardholder.userId,
          amount: migoConfig.charge.amount,
        });
        const delivery = await receiver.waitFor(
          { uid: trusted.uid },
          { timeoutMs: migoConfig.timeouts.callbackMs },
        );
        expect(delivery.valid, delivery.problems.join('; ')).toBe(true);

        // Untrusted: the handshake fails, so nothing reaches that receiver and the attempt is logged as an error.
        await sim.configureClient(slug, { callback: { url: impostorUrl, ca: ca!, retryScheduleMs: [] } });
        const untrusted = await completedPayment(api, sim, {
          userId: cardholder.userId,
          amount: migoConfig.charge.amount,
        });
        await expect
          .poll(async () =>
            (await sim.deliveries()).filter((d) => d.uid === untrusted.uid).map((d) => !!d.error),
          )
          .toEqual([true]);
        expect(impostor.deliveries.filter((d) => d.uid === untrusted.uid)).toHaveLength(0);
      } finally {
        await Promise.all([receiver.stop(), impostor.stop()]);
      }
    },
  );

  test(
    'your webhook handler serves HTTPS with a trusted certificate valid for the configured days',
    prodSafe(goLive('GL-WH-01', 'GL-PROD-02')),
    async ({ migoConfig, requires }) => {
      requires('merchantHandler');
      await expectTrustedHttps(
        { surface: 'your webhook handler (MIGO_MERCHANT_HANDLER_URL)', url: migoConfig.callback.handlerUrl! },
        migoConfig.tls.minCertDays,
      );
    },
  );

  test(
    'the public callback URL serves HTTPS with a trusted certificate valid for the configured days',
    prodSafe(goLive('GL-WH-01', 'GL-PROD-02')),
    async ({ migoConfig, requires }) => {
      requires('callback');
      const publicUrl = migoConfig.callback.publicUrl;
      test.skip(
        !publicUrl,
        'locally Migo does not call a public URL: the local test above proves the receiver',
      );
      await expectTrustedHttps(
        { surface: 'the public callback URL (MIGO_CALLBACK_PUBLIC_URL)', url: publicUrl! },
        migoConfig.tls.minCertDays,
      );
    },
  );
});

/** A TLS 1.2 handshake with a certificate that chains to a trusted root, names the host and lasts `minDays`. */
async function expectTrustedHttps(
  endpoint: { surface: string; url: string },
  minDays: number,
): Promise<void> {
  // The host only: a callback or handler URL may carry a secret in its path or query.
  const { protocol, host } = new URL(endpoint.url);
  expect(protocol, `${endpoint.surface} at ${host} must be https: production requires it`).toBe('https:');
  const result = await handshake(endpoint, 'TLSv1.2');
  if (!result.ok) throw new Error(`${host}: TLS 1.2 handshake failed: ${result.code} ${result.message}`);
  expect(result.authorizationError, 'the certificate chains to a trusted root').toBeUndefined();
  expect(checkServerIdentity(hostAndPort(endpoint).host, result.certificate)?.message).toBeUndefined();
  const daysLeft = (Date.parse(result.certificate.valid_to) - Date.now()) / DAY_MS;
  expect(
    daysLeft,
    `days until the certificate expires; MIGO_MIN_CERT_DAYS=${minDays}`,
  ).toBeGreaterThanOrEqual(minDays);
}
