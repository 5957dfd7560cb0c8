/**
 * HTTPS responses carry HSTS with `includeSubDomains; preload` (security page), so a browser never falls back to
 * plain HTTP for Migo's hosts. The probe is a read-only GET (the Wallet Gateway's documented /health; the base URL
 * elsewhere): whatever it answers, the header must be there.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { distinctServers, get } from './tls-probe';

const PROBE_PATH: Record<string, string> = { walletGateway: '/health' };

/** `Strict-Transport-Security` directives, names lower-cased. */
function directives(header: string): Map<string, string | undefined> {
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', value] = d.split('=', 2);
        return [name.trim().toLowerCase(), value?.trim().replace(/^"|"$/g, '')];
      }),
  );
}

test.describe('HTTP Strict Transport Security', () => {
  test(
    'sends HSTS with a max-age, includeSubDomains and preload on every HTTPS endpoint',
    prodSafe(goLive('GL-CUT-01')),
    async ({ httpsEndpoints }) => {
      test.skip(httpsEndpoints.length === 0, 'no HTTPS endpoint is configured for this target');
      for (const endpoint of distinctServers(httpsEndpoints)) {
        await test.step(`${endpoint.surface} ${endpoint.url}`, async () => {
          const path = PROBE_PATH[endpoint.surface] ?? '/';
          const { status, headers } = await get(endpoint, path);
          const header = headers['strict-transport-security'];
          expect(
            typeof header === 'string' ? header : undefined,
            `${endpoint.surface}: Strict-Transport-Security on GET ${path} (HTTP ${status})`,
          ).toBeDefined();
          const found = directives(header as string);
          const maxAge = Number(found.get('max-age'));
          expect(Number.isInteger(maxAge) && maxAge > 0, `${endpoint.surface}: max-age in "${header}"`).toBe(
            true,
          );
          expect(
            found.has('includesubdomains'),
            `${endpoint.surface}: includeSubDomains in "${header}"`,
          ).toBe(true);
          expect(found.has('preload'), `${endpoint.surface}: preload in "${header}"`).toBe(true);
        });
      }
    },
  );
});
