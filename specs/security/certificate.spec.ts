/**
 * The certificate each HTTPS endpoint serves chains to a trusted root (the simulator's CA locally), names the host,
 * is already valid, and stays valid for at least MIGO_MIN_CERT_DAYS more days: an expiring certificate is a go-live
 * failure (go-live page: certificate expiry is monitored).
 */
import { checkServerIdentity } from 'node:tls';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { distinctServers, handshake, hostAndPort } from './tls-probe';

const DAY_MS = 86_400_000;

test.describe('TLS certificates', () => {
  test(
    'serves a trusted certificate for the host, valid for at least the configured number of days',
    prodSafe(goLive('GL-CUT-01')),
    async ({ httpsEndpoints, migoConfig }, testInfo) => {
      test.skip(httpsEndpoints.length === 0, 'no HTTPS endpoint is configured for this target');
      const minDays = migoConfig.tls.minCertDays;
      for (const endpoint of distinctServers(httpsEndpoints)) {
        await test.step(`${endpoint.surface} ${endpoint.url}`, async () => {
          const result = await handshake(endpoint, 'TLSv1.2');
          if (!result.ok)
            throw new Error(
              `${endpoint.surface}: TLS 1.2 handshake failed: ${result.code} ${result.message}`,
            );
          const { certificate } = result;
          expect(
            result.authorizationError,
            `${endpoint.surface}: the certificate chains to a trusted root${endpoint.ca ? ' (the simulator CA)' : ''}`,
          ).toBeUndefined();
          expect(result.authorized).toBe(true);
          const { host } = hostAndPort(endpoint);
          expect(
            checkServerIdentity(host, certificate)?.message,
            `${endpoint.surface}: the certificate names ${host}`,
          ).toBeUndefined();
          const now = Date.now();
          const notBefore = Date.parse(certificate.valid_from);
          const notAfter = Date.parse(certificate.valid_to);
          expect(notBefore, `${endpoint.surface}: valid from ${certificate.valid_from}`).toBeLessThanOrEqual(
            now,
          );
          const daysLeft = Math.floor((notAfter - now) / DAY_MS);
          testInfo.annotations.push({
            type: 'certificate',
            description: `${endpoint.surface}: valid until ${certificate.valid_to} (${daysLeft} days left)`,
          });
          expect(
            daysLeft,
            `${endpoint.surface}: days until the certificate expires (${certificate.valid_to}); MIGO_MIN_CERT_DAYS=${minDays}`,
          ).toBeGreaterThanOrEqual(minDays);
        });
      }
    },
  );
});
