/**
 * HTTPS mode: a real TLS peer for the suite's transport checks. TLS 1.2+ only, HSTS on every answer, a certificate
 * for localhost / 127.0.0.1 that verifies against the returned `ca`, and the three TLS mutations.
 */
import { X509Certificate } from 'node:crypto';
import { connect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { Agent } from 'undici';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { call, expect, test } from './sim';

const DAY_MS = 86_400_000;
const LEGACY = { ciphers: 'DEFAULT:@SECLEVEL=0' };

type Handshake =
  | { ok: true; protocol: string | null; cert: PeerCertificate; authorized: boolean }
  | { ok: false; error: string };

/** One TLS handshake against a surface URL, verified against `ca`. */
function handshake(url: string, ca: string | undefined, options: ConnectionOptions = {}): Promise<Handshake> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(
      { host: hostname, port: Number(port), servername: 'localhost', ca, ...options },
      () => {
        resolve({
          ok: true,
          protocol: socket.getProtocol(),
          cert: socket.getPeerCertificate(),
          authorized: socket.authorized,
        });
        socket.end();
      },
    );
    socket.on('error', (error) => resolve({ ok: false, error: error.message }));
  });
}

function validDays(cert: PeerCertificate): number {
  return (Date.parse(cert.valid_to) - Date.now()) / DAY_MS;
}

let simulator: RunningSimulator | undefined;
test.afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

test('every surface serves HTTPS that verifies against the returned ca, with HSTS', async () => {
  simulator = await startSimulator({ https: true });
  const ca = simulator.ca;
  expect(ca).toContain('BEGIN CERTIFICATE');
  const dispatcher = new Agent({ connect: { ca } });
  try {
    for (const url of Object.values(simulator.urls)) expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+/);
    const health = await call('GET', `${simulator.urls.walletGateway}/health`, { dispatcher });
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains; preload');
    const link = await call('POST', `${simulator.urls.middleware}/transactions`, {
      dispatcher,
      headers: { authorization: simulator.credentials.merchantToken },
      json: { amount: 1, userId: 'u', channel: 'web' },
    });
    expect(link.status).toBe(200);
    expect((link.body as { URL: string }).URL).toMatch(/^https:\/\//);
    expect(
      (await call('GET', `${simulator.urls.webview}/return`, { dispatcher })).headers[
        'strict-transport-security'
      ],
    ).toBeDefined();
    expect(
      (await call('GET', `${simulator.urls.cms}/nope`, { dispatcher })).headers['strict-transport-security'],
    ).toBeDefined();
  } finally {
    await dispatcher.close();
  }
});

test('TLS 1.2 and 1.3 handshakes work; TLS 1.0 and 1.1 are refused', async () => {
  simulator = await startSimulator({ https: true });
  const url = simulator.urls.middleware;
  const v12 = await handshake(url, simulator.ca, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
  expect(v12.ok && [v12.protocol, v12.authorized]).toEqual(['TLSv1.2', true]);
  const v13 = await handshake(url, simulator.ca);
  expect(v13.ok && v13.protocol).toBe('TLSv1.3');
  for (const version of ['TLSv1', 'TLSv1.1'] as const) {
    const legacy = await handshake(url, simulator.ca, {
      minVersion: version,
      maxVersion: version,
      ...LEGACY,
    });
    expect(legacy.ok, version).toBe(false);
  }
});

test('the certificate covers localhost and 127.0.0.1 and is valid for 90 days by default (configurable)', async () => {
  simulator = await startSimulator({ https: true });
  const result = await handshake(simulator.urls.walletGateway.replace('/rest', ''), simulator.ca);
  if (!result.ok) throw new Error(result.error);
  expect(result.authorized).toBe(true);
  const cert = new X509Certificate(result.cert.raw);
  expect(cert.checkHost('localhost')).toBe('localhost');
  expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  expect(validDays(result.cert)).toBeGreaterThan(89);
  expect(validDays(result.cert)).toBeLessThanOrEqual(90);
  await simulator.close();

  simulator = await startSimulator({ https: { certValidityDays: 30 } });
  const short = await handshake(simulator.urls.cms.replace('/cms/rest', ''), simulator.ca);
  expect(short.ok && Math.round(validDays(short.cert))).toBe(30);
});

test.describe('TLS mutations', () => {
  test('tls-1-0-accepted: TLS 1.0 and 1.1 handshakes complete (switched on at run time)', async () => {
    simulator = await startSimulator({ https: true });
    const url = simulator.urls.webview;
    const before = await handshake(url, simulator.ca, {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ...LEGACY,
    });
    expect(before.ok).toBe(false);
    const dispatcher = new Agent({ connect: { ca: simulator.ca } });
    await call('PUT', `${url}/__sim/mutations`, { dispatcher, json: { enabled: ['tls-1-0-accepted'] } });
    await dispatcher.close();
    for (const version of ['TLSv1', 'TLSv1.1'] as const) {
      const legacy = await handshake(url, simulator.ca, {
        minVersion: version,
        maxVersion: version,
        ...LEGACY,
      });
      expect(legacy.ok && [legacy.protocol, legacy.authorized], version).toEqual([version, true]);
    }
  });

  test('tls-1-0-accepted at startup', async () => {
    simulator = await startSimulator({ https: true, mutations: ['tls-1-0-accepted'] });
    const legacy = await handshake(simulator.urls.middleware, simulator.ca, {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ...LEGACY,
    });
    expect(legacy.ok && legacy.protocol).toBe('TLSv1');
  });

  test('hsts-missing: no Strict-Transport-Security header', async () => {
    simulator = await startSimulator({ https: true, mutations: ['hsts-missing'] });
    const dispatcher = new Agent({ connect: { ca: simulator.ca } });
    const reply = await call('GET', `${simulator.urls.walletGateway}/health`, { dispatcher });
    expect(reply.status).toBe(200);
    expect(reply.headers['strict-transport-security']).toBeUndefined();
    await dispatcher.close();
  });

  test('certificate-short-validity: new connections get a 5-day certificate that still verifies', async () => {
    simulator = await startSimulator({ https: true });
    const url = simulator.urls.middleware;
    const before = await handshake(url, simulator.ca);
    expect(before.ok && Math.round(validDays(before.cert))).toBe(90);
    const dispatcher = new Agent({ connect: { ca: simulator.ca } });
    await call('PUT', `${url}/__sim/mutations`, {
      dispatcher,
      json: { enabled: ['certificate-short-validity'] },
    });
    await dispatcher.close();
    const after = await handshake(url, simulator.ca);
    expect(after.ok && [Math.round(validDays(after.cert)), after.authorized]).toEqual([5, true]);
  });
});
