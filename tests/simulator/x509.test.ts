/**
 * The certificates simulator/x509.ts writes, read back by Node's own X.509 parser and used in a TLS handshake:
 * names, validity (UTCTime and, from 2050, GeneralizedTime), CA flag, key usage, subject alternative names, the
 * issuer's signature.
 */
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect, createServer } from 'node:tls';
import { expect, test } from '@playwright/test';
import { issueCertificate } from '../../simulator/x509';

const notBefore = new Date('2026-01-02T03:04:05Z');

const authority = () =>
  issueCertificate({
    commonName: 'Test CA',
    notBefore,
    notAfter: new Date('2027-01-02T03:04:05Z'),
    authority: true,
  });

test('a CA: self-signed, cA with its validity window', () => {
  const ca = new X509Certificate(authority().cert);
  expect(ca.subject).toBe('CN=Test CA');
  expect(ca.issuer).toBe('CN=Test CA');
  expect(ca.ca).toBe(true);
  expect(new Date(ca.validFrom).toISOString()).toBe('2026-01-02T03:04:05.000Z');
  expect(new Date(ca.validTo).toISOString()).toBe('2027-01-02T03:04:05.000Z');
  expect(ca.verify(ca.publicKey)).toBe(true);
});

test('a server certificate issued by the CA: names, server auth, signature, a validity past 2049', () => {
  const ca = authority();
  const issued = issueCertificate({
    commonName: 'localhost',
    notBefore,
    notAfter: new Date('2051-06-07T08:09:10Z'),
    authority: false,
    dnsNames: ['localhost', 'merchant.example.test'],
    ipAddresses: ['127.0.0.1', '::1', '::ffff:192.0.2.1', '2001:db8::8a2e:370:7334'],
    issuer: { commonName: 'Test CA', key: ca.key },
  });
  const leaf = new X509Certificate(issued.cert);
  const caCert = new X509Certificate(ca.cert);
  expect(leaf.subject).toBe('CN=localhost');
  expect(leaf.issuer).toBe('CN=Test CA');
  expect(leaf.ca).toBe(false);
  expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
  expect(leaf.subjectAltName).toBe(
    'DNS:localhost, DNS:merchant.example.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, ' +
      'IP Address:0:0:0:0:0:FFFF:C000:201, IP Address:2001:DB8:0:0:0:8A2E:370:7334',
  );
  expect(new Date(leaf.validTo).toISOString()).toBe('2051-06-07T08:09:10.000Z');
  expect(leaf.checkIssued(caCert)).toBe(true);
  expect(leaf.verify(caCert.publicKey)).toBe(true);
  expect(leaf.verify(leaf.publicKey)).toBe(false);
  expect(issued.key).toContain('-----BEGIN PRIVATE KEY-----');
});

test('a TLS client that trusts only the CA accepts the chain for localhost', async () => {
  const now = Date.now();
  const ca = issueCertificate({
    commonName: 'Test CA',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 86_400_000),
    authority: true,
  });
  const leaf = issueCertificate({
    commonName: 'localhost',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 86_400_000),
    authority: false,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
    issuer: { commonName: 'Test CA', key: ca.key },
  });
  const server = createServer({ key: leaf.key, cert: `${leaf.cert}${ca.cert}` }, (socket) =>
    socket.end('ok'),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const socket = connect({
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      servername: 'localhost',
      ca: ca.cert,
    });
    await once(socket, 'secureConnect');
    expect(socket.authorized).toBe(true);
    socket.destroy();
  } finally {
    server.close();
  }
});

test('an IP address that is not one is refused, naming it', () => {
  expect(() =>
    issueCertificate({
      commonName: 'x',
      notBefore,
      notAfter: new Date('2027-01-01T00:00:00Z'),
      authority: false,
      ipAddresses: ['not-an-ip'],
    }),
  ).toThrow('"not-an-ip" is not an IP address');
});
