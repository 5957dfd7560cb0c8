/**
 * One HTTP(S) request over node:http, for the few calls that are not the suite's traffic to Migo: the simulator's
 * callback deliveries, the suite's calls to the simulator's control API, a callback replayed to a handler. Not
 * fetch, not undici: a matrix worker makes a few hundred such calls, fetch costs several times node:http's CPU per
 * call (its web streams showed in the API worker's profile), and undici is some 110 modules that every worker
 * would compile to send a callback.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface PlainRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Aborts the request; the promise rejects with the signal's reason (a TimeoutError for AbortSignal.timeout). */
  signal?: AbortSignal;
  /** Read the answer's body as text (default), or discard it unread. */
  readBody?: boolean;
}

export interface PlainResponse {
  status: number;
  /** The body as UTF-8 text; empty when `readBody` is false. */
  text: string;
}

/**
 * Keep-alive connections to any http or https origin. With `ca`, https trusts that CA instead of Node's own (as
 * tls.connect's `ca` does). An idle connection is closed after `idleMs`, before a server's own keep-alive timeout
 * (5 s in node:http) can close it under a request that must not be sent twice.
 */
export class PlainHttpClient {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(options: { ca?: string; idleMs?: number } = {}) {
    const agentOptions = { keepAlive: true, timeout: options.idleMs ?? 2000 };
    this.http = new HttpAgent(agentOptions);
    this.https = new HttpsAgent({ ...agentOptions, ...(options.ca ? { ca: options.ca } : {}) });
  }

  request(url: string, init: PlainRequest): Promise<PlainResponse> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:')
      return Promise.reject(new TypeError(`${url} is not an http(s) URL`));
    const { signal } = init;
    return new Promise<PlainResponse>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const fail = (error: unknown) => settle(() => reject(signal?.aborted ? abortReason(signal) : error));
      const onAnswer = (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        if (init.readBody === false) response.resume();
        else response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () =>
          settle(() =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          ),
        );
      };
      const request = (secure ? httpsRequest : httpRequest)(
        target,
        { method: init.method, headers: init.headers, agent: secure ? this.https : this.http },
        onAnswer,
      );
      const onAbort = () => request.destroy(abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', fail);
      request.end(init.body);
    });
  }

  /** Closes every connection, idle or not. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('aborted'), { name: 'AbortError' });
}
