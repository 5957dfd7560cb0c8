/**
 * The floor's trivial peer: a node:http server doing as little as a server can while still answering like the
 * matrix's targets do: a JSON API (create, then read back) and a plain checkout page (three fields, a pay button, a
 * 303 redirect to a return page). No validation, no state beyond a counter.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

const CHECKOUT_PAGE = `<!doctype html><html><head><title>Checkout</title></head><body>
<form method="post" action="/pay">
  <input id="card-number" name="card"><input id="expiry" name="expiry"><input id="cvc" name="cvc">
  <button id="pay" type="submit">Pay</button>
</form></body></html>`;
const RETURN_PAGE =
  '<!doctype html><html><head><title>Done</title></head><body><h1>Payment approved</h1></body></html>';

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function handle(request: IncomingMessage, response: ServerResponse, next: () => number): void {
  const path = (request.url ?? '/').split('?')[0]!;
  if (request.method === 'POST' && path === '/transactions') {
    const uid = `trx_${next()}`;
    send(
      response,
      200,
      'application/json',
      JSON.stringify({ success: true, data: { uid, URL: `/checkout/${uid}` } }),
    );
  } else if (request.method === 'GET' && path.startsWith('/transactions/')) {
    send(
      response,
      200,
      'application/json',
      JSON.stringify({ success: true, data: { uid: path.slice(14), status: 'CREATED' } }),
    );
  } else if (request.method === 'GET' && path.startsWith('/checkout/')) {
    send(response, 200, 'text/html', CHECKOUT_PAGE);
  } else if (request.method === 'POST' && path === '/pay') {
    response.writeHead(303, { location: '/return?status=approved', 'content-length': 0 });
    response.end();
  } else if (request.method === 'GET' && path === '/return') {
    send(response, 200, 'text/html', RETURN_PAGE);
  } else {
    send(response, 404, 'application/json', '{"success":false}');
  }
}

export function startFloorServer(): Promise<FloorServer> {
  let counter = 0;
  const server = createServer((request, response) => {
    // The body is read to its end, as a real server must, and then ignored.
    request.resume();
    request.on('end', () => handle(request, response, () => (counter += 1)));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}
