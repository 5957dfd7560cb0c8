/**
 * HTTPS mode: a local CA (its certificate is the `ca` clients trust) issues the served certificate (EC P-256,
 * sha256, SAN localhost + 127.0.0.1 + ::1), so TLS checks have a real peer to verify. The served certificate can be
 * re-issued at run time (the `certificate-short-validity` mutation) without changing the CA clients trust.
 * The certificates are written with node:crypto (simulator/x509.ts): a few milliseconds, no package to load.
 */
import type { SecureContextOptions } from 'node:tls';
import type { MutationSet } from './mutations';
import { SHORT_CERTIFICATE_DAYS } from './mutations';
import { issueCertificate } from './x509';

/** Security page: "TLS 1.2+ is required; TLS 1.0/1.1 are rejected" and HSTS with includeSubDomains; preload. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains; preload';
export const DEFAULT_CERT_VALIDITY_DAYS = 90;

const DAY_MS = 86_400_000;

export interface TlsMaterial {
  caCert: string;
  caKey: string;
  key: string;
  cert: string;
  validityDays: number;
}

const CA_NAME = 'Migo Contract Simulator Local CA';

/** A certificate valid from a minute ago for `validityDays`: the CA's own, or one it issues for localhost. */
function issue(validityDays: number, caKey?: string): { key: string; cert: string } {
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + validityDays * DAY_MS);
  return caKey
    ? issueCertificate({
        commonName: 'localhost',
        notBefore,
        notAfter,
        authority: false,
        dnsNames: ['localhost'],
        ipAddresses: ['127.0.0.1', '::1'],
        issuer: { commonName: CA_NAME, key: caKey },
      })
    : issueCertificate({ commonName: CA_NAME, notBefore, notAfter, authority: true });
}

/** The CA and a served certificate valid for `validityDays` (or 5 days with `certificate-short-validity`). */
export async function createTlsMaterial(validityDays: number, mutations: MutationSet): Promise<TlsMaterial> {
  // The CA outlives any served certificate, so a re-issued one always chains to it.
  const caDays = Math.max(validityDays, SHORT_CERTIFICATE_DAYS) + 1;
  const ca = issue(caDays);
  const material: TlsMaterial = { caCert: ca.cert, caKey: ca.key, key: '', cert: '', validityDays };
  await reissue(material, mutations);
  return material;
}

/** Issues the served certificate again for the current mutations. */
export async function reissue(material: TlsMaterial, mutations: MutationSet): Promise<void> {
  const days = mutations.has('certificate-short-validity') ? SHORT_CERTIFICATE_DAYS : material.validityDays;
  const leaf = issue(days, material.caKey);
  material.key = leaf.key;
  // The chain (served cert + CA) lets clients that only trust the CA build the path.
  material.cert = `${leaf.cert.trim()}\n${material.caCert.trim()}\n`;
}

/**
 * Server TLS options. `tls-1-0-accepted` opens TLS 1.0/1.1: OpenSSL 3 also needs security level 0 for their
 * SHA-1 based handshakes.
 */
export function secureContextOptions(material: TlsMaterial, mutations: MutationSet): SecureContextOptions {
  const legacy = mutations.has('tls-1-0-accepted');
  return {
    key: material.key,
    cert: material.cert,
    minVersion: legacy ? 'TLSv1' : 'TLSv1.2',
    ...(legacy ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
  };
}
