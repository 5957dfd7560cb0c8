/**
 * Raw TLS probes of an HTTPS endpoint: one handshake at a pinned protocol version, the served certificate, and the
 * response headers of a plain GET. Node's own `tls`/`https`, so nothing in between negotiates for us.
 */
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { connect, type PeerCertificate, type SecureVersion } from 'node:tls';

export interface Endpoint {
  surface: string;
  url: string;
  ca?: string;
}

export type Handshake =
  | {
      ok: true;
      protocol: string | null;
      authorized: boolean;
      authorizationError?: string;
      certificate: PeerCertificate;
    }
  | { ok: false; code: string; message: string };

const TIMEOUT_MS = 10_000;

/** Failures that say nothing about the protocol: the endpoint was not reached, or this client could not offer it. */
export const INCONCLUSIVE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
]);

export function hostAndPort(endpoint: Endpoint): { host: string; port: number } {
  const url = new URL(endpoint.url);
  if (url.protocol !== 'https:')
    throw new Error(
      `${endpoint.surface} is ${url.protocol}//${url.host}, not HTTPS: Migo's endpoints must be reached over TLS 1.2+ (security page). Set its MIGO_*_URL to the https:// address.`,
    );
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
}

/**
 * One handshake, offering exactly `version`. Legacy versions are offered with `@SECLEVEL=0`: OpenSSL 3 refuses to
 * send a TLS 1.0/1.1 hello otherwise, and a probe that never offers them could not see a server accept them.
 * The certificate is not verified here (a trust failure would hide which protocol was agreed); see `certificate`.
 */
export function handshake(endpoint: Endpoint, version: SecureVersion): Promise<Handshake> {
  const { host, port } = hostAndPort(endpoint);
  const legacy = version === 'TLSv1' || version === 'TLSv1.1';
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ...(endpoint.ca ? { ca: endpoint.ca } : {}),
      minVersion: version,
      maxVersion: version,
      ...(legacy ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
      rejectUnauthorized: false,
    });
    socket.setTimeout(TIMEOUT_MS, () => {
      socket.destroy();
      resolve({ ok: false, code: 'ETIMEDOUT', message: `no answer within ${TIMEOUT_MS} ms` });
    });
    socket.once('secureConnect', () => {
      resolve({
        ok: true,
        protocol: socket.getProtocol(),
        authorized: socket.authorized,
        ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
        certificate: socket.getPeerCertificate(),
      });
      socket.end();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ ok: false, code: error.code ?? 'ERROR', message: error.message.split('\n')[0] ?? '' });
    });
  });
}

export interface HttpsHead {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** A GET over a verified TLS connection (the endpoint's CA when it has one, else the system's roots). */
export function get(endpoint: Endpoint, path: string): Promise<HttpsHead> {
  const { host, port } = hostAndPort(endpoint);
  const base = new URL(endpoint.url);
  const target = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host,
        port,
        path: target,
        method: 'GET',
        headers: { accept: 'application/json' },
        ...(isIP(host) === 0 ? { servername: host } : {}),
        ...(endpoint.ca ? { ca: endpoint.ca } : {}),
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      },
    );
    req.once('timeout', () =>
      req.destroy(new Error(`GET ${endpoint.url}${path}: no answer within ${TIMEOUT_MS} ms`)),
    );
    req.once('error', reject);
    req.end();
  });
}

/** HTTPS endpoints without repeats: two surfaces on one host and port are one TLS server. */
export function distinctServers<E extends Endpoint>(endpoints: readonly E[]): E[] {
  const seen = new Set<string>();
  return endpoints.filter((e) => {
    const url = new URL(e.url);
    const key = `${url.protocol}//${url.host}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
