/**
 * "TLS 1.2+ is required; TLS 1.0/1.1 are rejected" (security page). Each HTTPS server of the target is offered
 * exactly one protocol version; a legacy hello is really sent (OpenSSL 3 needs `@SECLEVEL=0` for that), so a server
 * that accepted it would be seen.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { INCONCLUSIVE_CODES, distinctServers, handshake } from './tls-probe';

test.describe('TLS protocol versions', () => {
  test(
    'completes a TLS 1.2 handshake on every HTTPS endpoint',
    prodSafe(goLive('GL-CUT-01')),
    async ({ httpsEndpoints }) => {
      test.skip(httpsEndpoints.length === 0, 'no HTTPS endpoint is configured for this target');
      for (const endpoint of distinctServers(httpsEndpoints)) {
        await test.step(`${endpoint.surface} ${endpoint.url}`, async () => {
          const result = await handshake(endpoint, 'TLSv1.2');
          expect(result, `${endpoint.surface}: TLS 1.2 handshake`).toMatchObject({
            ok: true,
            protocol: 'TLSv1.2',
          });
        });
      }
    },
  );

  for (const version of ['TLSv1', 'TLSv1.1'] as const) {
    const label = version === 'TLSv1' ? 'TLS 1.0' : 'TLS 1.1';
    test(
      `rejects a ${label} handshake on every HTTPS endpoint`,
      prodSafe(goLive('GL-CUT-01')),
      async ({ httpsEndpoints }) => {
        test.skip(httpsEndpoints.length === 0, 'no HTTPS endpoint is configured for this target');
        for (const endpoint of distinctServers(httpsEndpoints)) {
          await test.step(`${endpoint.surface} ${endpoint.url}`, async () => {
            // The endpoint is up and speaks TLS: a refused legacy hello below is the server's answer, not an outage.
            const modern = await handshake(endpoint, 'TLSv1.2');
            expect(modern, `${endpoint.surface}: reachable with TLS 1.2`).toMatchObject({ ok: true });
            const legacy = await handshake(endpoint, version);
            if (legacy.ok)
              throw new Error(
                `${endpoint.surface} (${endpoint.url}) completed a ${label} handshake (agreed ${legacy.protocol}): TLS 1.0/1.1 must be rejected (https://api-docs.migopayments.com/en/concepts/security)`,
              );
            expect(
              INCONCLUSIVE_CODES.has(legacy.code),
              `${endpoint.surface}: the ${label} attempt failed for a reason that says nothing about the server (${legacy.code}: ${legacy.message})`,
            ).toBe(false);
          });
        }
      },
    );
  }
});
