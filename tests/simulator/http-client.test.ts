/**
 * The plain HTTP(S) client behind the simulator's callbacks and the control client: what it sends and reads, how a
 * timeout or an abort ends a request, and which CA an https request trusts.
 */
import { once } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { PlainHttpClient } from '../../simulator/http-client';
import { MutationSet } from '../../simulator/mutations';
import { createTlsMaterial, secureContextOptions } from '../../simulator/tls';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** Echoes method, path, a header and the body; `/stall` never answers. */
const echo: Handler = (request, body, response) => {
  if (request.url === '/stall') return;
  response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ method: request.method, path: request.url, header: request.headers['x-probe'], body }),
  );
};

async function listen(server: Server, handler: Handler): Promise<string> {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => handler(request, body, response));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const servers: Server[] = [];
const clients: PlainHttpClient[] = [];
test.afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

function client(options?: ConstructorParameters<typeof PlainHttpClient>[0]) {
  const made = new PlainHttpClient(options);
  clients.push(made);
  return made;
}

async function httpOrigin(): Promise<string> {
  const server = createHttpServer();
  servers.push(server);
  return `http://${await listen(server, echo)}`;
}

test('sends the method, headers and body, and reads the status and the body, over one kept-alive connection', async () => {
  const origin = await httpOrigin();
  const http = client();
  let connections = 0;
  servers[0]!.on('connection', () => (connections += 1));
  const first = await http.request(`${origin}/a?x=1`, {
    method: 'PUT',
    headers: { 'x-probe': 'yes', 'content-type': 'application/json' },
    body: '{"n":1}',
  });
  expect(first.status).toBe(200);
  expect(JSON.parse(first.text)).toEqual({ method: 'PUT', path: '/a?x=1', header: 'yes', body: '{"n":1}' });
  const second = await http.request(`${origin}/missing`, { method: 'GET' });
  expect(second.status).toBe(404);
  expect(connections).toBe(1);
});

test('discards the body unread when asked, and still reports the status', async () => {
  const origin = await httpOrigin();
  expect(await client().request(`${origin}/b`, { method: 'POST', body: 'x', readBody: false })).toEqual({
    status: 200,
    text: '',
  });
});

test('a timeout ends a request the peer never answers with the signal’s TimeoutError', async () => {
  const origin = await httpOrigin();
  const error = await client()
    .request(`${origin}/stall`, { method: 'POST', signal: AbortSignal.timeout(200) })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('TimeoutError');
});

test('an already aborted signal sends nothing; an abort mid-request rejects with its reason', async () => {
  const origin = await httpOrigin();
  let requests = 0;
  servers[0]!.on('request', () => (requests += 1));
  const aborted = AbortSignal.abort(new Error('reset'));
  await expect(client().request(`${origin}/c`, { method: 'POST', signal: aborted })).rejects.toThrow('reset');
  const controller = new AbortController();
  const pending = client().request(`${origin}/stall`, { method: 'POST', signal: controller.signal });
  await expect.poll(() => requests).toBe(1);
  controller.abort(new Error('stopped by the test'));
  await expect(pending).rejects.toThrow('stopped by the test');
  expect(requests, 'only the second request reached the server').toBe(1);
});

test('a refused connection rejects with its code; a URL that is not http(s) is refused before sending', async () => {
  const origin = await httpOrigin();
  const port = new URL(origin).port;
  servers[0]!.closeAllConnections();
  servers[0]!.close();
  await once(servers[0]!, 'close');
  await expect(client().request(`http://127.0.0.1:${port}/`, { method: 'GET' })).rejects.toMatchObject({
    code: 'ECONNREFUSED',
  });
  await expect(client().request('ftp://127.0.0.1/', { method: 'GET' })).rejects.toThrow(
    'ftp://127.0.0.1/ is not an http(s) URL',
  );
});

test('https trusts the CA it is given, and without it refuses the same server', async () => {
  const mutations = new MutationSet();
  const material = await createTlsMaterial(30, mutations);
  const server = createHttpsServer(secureContextOptions(material, mutations));
  servers.push(server);
  const origin = `https://localhost:${(await listen(server, echo)).split(':')[1]}`;
  const trusted = await client({ ca: material.caCert }).request(`${origin}/tls`, { method: 'GET' });
  expect(trusted.status).toBe(200);
  await expect(client().request(`${origin}/tls`, { method: 'GET' })).rejects.toMatchObject({
    code: expect.stringMatching(/CERT|SIGNATURE|ISSUER/),
  });
});
