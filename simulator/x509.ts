/**
 * Throwaway X.509 certificates for the suite's local TLS peers (the simulator's HTTPS mode and the HTTPS callback
 * receiver), built with node:crypto alone: an EC P-256 key, a DER-encoded certificate signed with ECDSA-SHA256.
 * Node can parse certificates but not write them; the package that could (selfsigned, with its X.509 stack of ~170
 * modules) cost a worker ~240 ms to load before its first TLS check. Only what these peers need is written:
 * a common name, a validity window, basic constraints, key usage, extended key usage (server auth) and the
 * subject alternative names (DNS names and IP addresses).
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** A DER element: tag byte, length, contents. */
function der(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const length =
    body.length < 0x80
      ? Buffer.from([body.length])
      : body.length < 0x100
        ? Buffer.from([0x81, body.length])
        : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const sequence = (...items: Buffer[]) => der(0x30, ...items);
const set = (...items: Buffer[]) => der(0x31, ...items);
const octets = (value: Buffer) => der(0x04, value);
const utf8 = (text: string) => der(0x0c, Buffer.from(text, 'utf8'));
const TRUE = der(0x01, Buffer.from([0xff]));

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) base128.unshift((value & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}

/** A positive INTEGER from big-endian bytes (a leading 0x00 where the top bit is set). */
function integer(bytes: Buffer): Buffer {
  return der(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050. */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return date.getUTCFullYear() < 2050
    ? der(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : der(0x18, Buffer.from(`${iso}Z`));
}

/** A KeyUsage BIT STRING: named bits, trailing zero bits dropped (DER). */
function keyUsageBits(bits: readonly number[]): Buffer {
  const last = Math.max(...bits);
  const bytes = Buffer.alloc((last >> 3) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return der(0x03, Buffer.from([7 - (last & 7)]), bytes);
}

const KEY_USAGE = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 } as const;

const extension = (id: string, critical: boolean, value: Buffer) =>
  sequence(oid(id), ...(critical ? [TRUE] : []), octets(value));

function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  if (!isIPv6(ip)) throw new Error(`"${ip}" is not an IP address`);
  const [head = '', tail = ''] = ip.split('::');
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two groups.
  const groups = (part: string) =>
    (part ? part.split(':') : []).flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = ip.includes('::')
    ? [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)]
    : groups(ip);
  return Buffer.from(all.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]));
}

export interface CertificateOptions {
  commonName: string;
  notBefore: Date;
  notAfter: Date;
  /** A CA (basic constraints cA, path length 0, may sign certificates) or a server certificate. */
  authority: boolean;
  /** Subject alternative names of a server certificate. */
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
  /** The CA that signs it; self-signed when absent. */
  issuer?: { commonName: string; key: string };
}

/** A fresh EC P-256 key and its certificate, both PEM (the key PKCS#8). */
export function issueCertificate(options: CertificateOptions): { key: string; cert: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signer: KeyObject = options.issuer ? createPrivateKey(options.issuer.key) : privateKey;
  const name = (commonName: string) => sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  serial[0]! |= 0x01; // positive and 16 bytes long
  const extensions = options.authority
    ? [
        extension('2.5.29.19', true, sequence(TRUE, integer(Buffer.from([0])))),
        extension(
          '2.5.29.15',
          true,
          keyUsageBits([KEY_USAGE.digitalSignature, KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign]),
        ),
      ]
    : [
        extension('2.5.29.19', false, sequence()),
        extension('2.5.29.15', true, keyUsageBits([KEY_USAGE.digitalSignature, KEY_USAGE.keyEncipherment])),
        extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
        extension(
          '2.5.29.17',
          false,
          sequence(
            ...(options.dnsNames ?? []).map((dns) => der(0x82, Buffer.from(dns, 'ascii'))),
            ...(options.ipAddresses ?? []).map((ip) => der(0x87, ipBytes(ip))),
          ),
        ),
      ];
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))), // version 3
    integer(serial),
    ecdsaWithSha256,
    name(options.issuer?.commonName ?? options.commonName),
    sequence(time(options.notBefore), time(options.notAfter)),
    name(options.commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, signer); // DER ECDSA-Sig-Value
  const certificate = sequence(tbs, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  const base64 = certificate.toString('base64').replace(/.{64}/g, '$&\n');
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
  };
}
