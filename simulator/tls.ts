/**
 * HTTPS mode: a local CA (its certificate is the `ca` clients trust) issues the served certificate (EC P-256,
 * sha256, SAN localhost + 127.0.0.1 + ::1), so TLS checks have a real peer to verify. The served certificate can be
 * re-issued at run time (the `certificate-short-validity` mutation) without changing the CA clients trust.
 * `selfsigned` is loaded only here, and only in HTTPS mode, to keep the plain start fast.
 */
import type { SecureContextOptions } from 'node:tls';
import type { MutationSet } from './mutations';
import { SHORT_CERTIFICATE_DAYS } from './mutations';

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

async function issue(
  validityDays: number,
  ca?: { key: string; cert: string },
): Promise<{ key: string; cert: string }> {
  const { generate } = await import('selfsigned');
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + validityDays * DAY_MS);
  const pems = ca
    ? await generate([{ name: 'commonName', value: 'localhost' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        notBeforeDate,
        notAfterDate,
        ca,
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [
              { type: 2, value: 'localhost' },
              { type: 7, ip: '127.0.0.1' },
              { type: 7, ip: '::1' },
            ],
          },
        ],
      })
    : await generate([{ name: 'commonName', value: 'Migo Contract Simulator Local CA' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        notBeforeDate,
        notAfterDate,
        extensions: [
          { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        ],
      });
  return { key: pems.private, cert: pems.cert };
}

// Issuing is slow (loading selfsigned alone takes a few hundred ms), and test processes start many HTTPS
// simulators: certificates are reused within a process for an hour, which changes their validity by minutes only.
const REUSE_MS = 3_600_000;
const issued = new Map<string, { at: number; pems: Promise<{ key: string; cert: string }> }>();

function cachedIssue(cacheKey: string, validityDays: number, ca?: { key: string; cert: string }) {
  const hit = issued.get(cacheKey);
  if (hit && Date.now() - hit.at < REUSE_MS) return hit.pems;
  const pems = issue(validityDays, ca);
  issued.set(cacheKey, { at: Date.now(), pems });
  pems.catch(() => issued.delete(cacheKey));
  return pems;
}

/** The CA and a served certificate valid for `validityDays` (or 5 days with `certificate-short-validity`). */
export async function createTlsMaterial(validityDays: number, mutations: MutationSet): Promise<TlsMaterial> {
  // The CA outlives any served certificate, so a re-issued one always chains to it.
  const caDays = Math.max(validityDays, SHORT_CERTIFICATE_DAYS) + 1;
  const ca = await cachedIssue(`ca:${caDays}`, caDays);
  const material: TlsMaterial = { caCert: ca.cert, caKey: ca.key, key: '', cert: '', validityDays };
  await reissue(material, mutations);
  return material;
}

/** Issues the served certificate again for the current mutations. */
export async function reissue(material: TlsMaterial, mutations: MutationSet): Promise<void> {
  const days = mutations.has('certificate-short-validity') ? SHORT_CERTIFICATE_DAYS : material.validityDays;
  const leaf = await cachedIssue(`leaf:${days}:${material.caCert}`, days, {
    key: material.caKey,
    cert: material.caCert,
  });
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
