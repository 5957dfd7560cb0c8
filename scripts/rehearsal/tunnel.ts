/**
 * The merchant's public callback URL in the rehearsal: an HTTPS endpoint in front of the local callback receiver,
 * as a tunnel (ngrok, a load balancer) is in front of it in a real nightly run. Its certificate is its own
 * (self-signed, like the HTTPS receiver's), which the run trusts through NODE_EXTRA_CA_CERTS and the simulator (as
 * Migo) through the client's callback `ca`. It has its own subject too: two trusted CAs sharing one name would make
 * a verifier pick the wrong one. It forwards every request as it is to the receiver's fixed port, and answers 502 while the receiver
 * is not listening (between test workers).
 */
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '../../fixtures/callback-receiver/tls';

export interface Tunnel {
  /** `https://127.0.0.1:<port>`: the public origin of the receiver. */
  origin: string;
  /** The tunnel's certificate (PEM), the one to trust. */
  ca: string;
  close(): Promise<void>;
}

/** Certificate validity of the tunnel: well over the TLS checks' default 30-day margin. */
const VALIDITY_DAYS = 90;

export async function startTunnel(receiverPort: number): Promise<Tunnel> {
  const tls = selfSignedCertificate('127.0.0.1', VALIDITY_DAYS);
  const server: Server = createServer({ ...tls, minVersion: 'TLSv1.2' }, (incoming, outgoing) => {
    const forwarded = httpRequest(
      {
        host: '127.0.0.1',
        port: receiverPort,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('the callback receiver is not listening');
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ca: tls.cert,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
