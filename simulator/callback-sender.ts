/**
 * The Merchant Generic Callback: on a terminal status the simulator sends `{uid, reference, status}` to the
 * client's configured callback (URL, method, static headers, timeout: per client, as documented). Delivery is
 * at-least-once: a non-2xx answer, a timeout or a network error is retried on the schedule, and `duplicates` sends
 * the same event again. Nothing here blocks the HTTP response that caused the event.
 *
 * Signing: `none` is the documented default (no signature, no extra headers); `static-header` is the merchant's
 * static `x-api-key` / `Authorization: Bearer …`. `ed25519` is OURS: the security page names Ed25519 signing as a
 * target "not yet enforced" but documents no header names or signed string, so this mode borrows the Standard
 * Webhooks form (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1a,<base64>` over `<id>.<timestamp>.<body>`).
 */
import { sign, type KeyObject } from 'node:crypto';
import type { CallbackConfig } from './clients';
import { PlainHttpClient } from './http-client';
import { randomHex, transactionUid } from './ids';
import type { MutationSet } from './mutations';

export const DEFAULT_RETRY_SCHEDULE_MS = [1000, 5000, 30_000];
const LOG_LIMIT = 2000;

export interface CallbackEvent {
  uid: string;
  /** Absent for an Alternative Payments event under the reading callback-reference = payment-links-only. */
  reference?: string;
  /** Terminal status, in the case the reading callback-status-case serves: approved, denied, expired. */
  status: string;
  /** Set only while `cvv-in-callback` is on. */
  cvv?: string;
}

export interface DeliveryRecord {
  uid: string;
  status: string;
  /** 1 for the first attempt of a delivery, 2 for its first retry, … */
  attempt: number;
  url: string;
  responseStatus?: number;
  error?: string;
  at: string;
  /** Stable across retries and duplicates of one event (the `webhook-id` in ed25519 mode). */
  eventId: string;
  /** 0 for the original delivery, k for the k-th duplicate. */
  duplicate: number;
}

export class CallbackSender {
  private log: DeliveryRecord[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();
  /** One keep-alive client per trusted CA a callback names ('' for Node's own). */
  private clients = new Map<string, PlainHttpClient>();
  private closed = false;

  constructor(
    private readonly mutations: MutationSet,
    private readonly webhookKey: KeyObject,
    private readonly defaultScheduleMs: readonly number[],
  ) {}

  /** Queues the delivery of one event and returns at once. */
  send(config: CallbackConfig | undefined, event: CallbackEvent): void {
    if (!config || this.closed || this.mutations.has('callback-not-sent')) return;
    const signal = this.abort.signal;
    setImmediate(() => {
      if (signal.aborted) return;
      this.deliverAll(config, event, signal).catch(() => undefined);
    });
  }

  deliveries(uid?: string): DeliveryRecord[] {
    return uid ? this.log.filter((d) => d.uid === uid) : [...this.log];
  }

  /** Forgets the log and stops every pending retry (after `POST /__sim/reset`). */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.log = [];
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reset();
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private async deliverAll(config: CallbackConfig, event: CallbackEvent, signal: AbortSignal): Promise<void> {
    const eventId = `msg_${randomHex(24)}`;
    for (let duplicate = 0; duplicate <= config.duplicates; duplicate += 1) {
      if (signal.aborted) return;
      await this.deliver(config, event, eventId, duplicate, signal);
    }
  }

  private async deliver(
    config: CallbackConfig,
    event: CallbackEvent,
    eventId: string,
    duplicate: number,
    signal: AbortSignal,
  ): Promise<void> {
    const schedule = this.mutations.has('callback-no-retry')
      ? []
      : (config.retryScheduleMs ?? this.defaultScheduleMs);
    for (let attempt = 1; attempt <= schedule.length + 1; attempt += 1) {
      if (signal.aborted) return;
      const delivered = await this.attempt(config, event, eventId, duplicate, attempt, signal);
      if (delivered || attempt > schedule.length) return;
      await this.sleep(schedule[attempt - 1] ?? 0, signal);
    }
  }

  private body(event: CallbackEvent, redelivery: boolean): string {
    const body: Record<string, unknown> = {};
    if (!this.mutations.has('callback-without-uid'))
      body.uid = redelivery && this.mutations.has('redelivery-new-uid') ? transactionUid() : event.uid;
    if (event.reference !== undefined) body.reference = event.reference;
    body.status = this.mutations.has('callback-status-uppercase') ? event.status.toUpperCase() : event.status;
    if (event.cvv !== undefined) body.cvv = event.cvv;
    return JSON.stringify(body);
  }

  private async attempt(
    config: CallbackConfig,
    event: CallbackEvent,
    eventId: string,
    duplicate: number,
    attempt: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    const raw = this.body(event, attempt > 1 || duplicate > 0);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...config.headers };
    if (config.signing.mode === 'static-header') headers[config.signing.header] = config.signing.value;
    if (config.signing.mode === 'ed25519') {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(`${eventId}.${timestamp}.${raw}`), this.webhookKey);
      headers['webhook-id'] = eventId;
      headers['webhook-timestamp'] = timestamp;
      headers['webhook-signature'] = `v1a,${signature.toString('base64')}`;
    }
    const record: DeliveryRecord = {
      uid: event.uid,
      status: event.status,
      attempt,
      url: config.url,
      at: new Date().toISOString(),
      eventId,
      duplicate,
    };
    let ok = false;
    try {
      const response = await this.clientFor(config.ca).request(config.url, {
        method: config.method,
        headers,
        body: raw,
        signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs)]),
        readBody: false,
      });
      record.responseStatus = response.status;
      ok = response.status >= 200 && response.status < 300;
    } catch (error) {
      if (signal.aborted) return true; // reset or close: the attempt no longer belongs to any test
      record.error = describe(error, config.timeoutMs);
    }
    this.record(record);
    return ok;
  }

  private record(record: DeliveryRecord): void {
    this.log.push(record);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private clientFor(ca: string | undefined): PlainHttpClient {
    const key = ca ?? '';
    let client = this.clients.get(key);
    if (!client) {
      client = new PlainHttpClient({ ca });
      this.clients.set(key, client);
    }
    return client;
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
