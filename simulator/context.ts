/**
 * Everything one running simulator shares across its four surfaces: credentials, state, clock, mutations, faults,
 * client configuration and the callback sender.
 */
import { CallbackSender, DEFAULT_RETRY_SCHEDULE_MS } from './callback-sender';
import { defaultClient, type ClientConfig } from './clients';
import { Clock } from './clock';
import { createCredentials, type SimulatorCredentials, type SimulatorKeys } from './credentials';
import { FaultBook } from './faults';
import type { MutationSet } from './mutations';
import type { Readings } from '../schemas/readings';
import { Store, type StoreLimits } from './store';

/** Token lifetimes of the merchant/client gateway (FAQ): access 30 minutes, refresh 7 days. */
export const DEFAULT_ACCESS_TTL_SEC = 30 * 60;
export const DEFAULT_REFRESH_TTL_SEC = 7 * 24 * 60 * 60;

/** Alternative transactions expire after this long (`expireAt` counts it down). Ours: not documented. */
export const ALTERNATIVE_TTL_SEC = 15 * 60;

export interface SurfaceUrls {
  middleware: string;
  walletGateway: string;
  cms: string;
  webview: string;
}

/**
 * How the hosted checkout collects the card: `page` (one form in the checkout page) or `frames` (hosted fields:
 * the card number, expiry and CVC each in an iframe of another origin, and the 3-D Secure challenge in an iframe).
 */
export const CHECKOUT_LAYOUTS = ['page', 'frames'] as const;
export type CheckoutLayout = (typeof CHECKOUT_LAYOUTS)[number];

export interface CheckoutSettings {
  layout: CheckoutLayout;
  /** The hosted fields' origin (frames layout only; set once it listens). */
  fieldsOrigin: string;
}

export interface TokenSettings {
  accessTtlSec: number;
  refreshTtlSec: number;
}

export class SimulatorContext {
  readonly credentials: SimulatorCredentials;
  readonly keys: SimulatorKeys;
  readonly clock = new Clock();
  readonly store: Store;
  readonly faults = new FaultBook();
  readonly callbacks: CallbackSender;
  readonly https: boolean;
  readonly checkout: CheckoutSettings;
  clients = new Map<string, ClientConfig>();
  tokens: TokenSettings = { accessTtlSec: DEFAULT_ACCESS_TTL_SEC, refreshTtlSec: DEFAULT_REFRESH_TTL_SEC };
  urls: SurfaceUrls = { middleware: '', walletGateway: '', cms: '', webview: '' };

  constructor(
    readonly mutations: MutationSet,
    /** The option served for every docs-silent reading; replaced by `PUT /__sim/readings`, kept by a reset. */
    public readings: Readings,
    options: { https: boolean; retryScheduleMs?: number[]; limits: StoreLimits; checkout?: CheckoutLayout },
  ) {
    const { credentials, keys } = createCredentials();
    this.credentials = credentials;
    this.keys = keys;
    this.https = options.https;
    this.checkout = { layout: options.checkout ?? 'page', fieldsOrigin: '' };
    this.store = new Store(options.limits);
    this.callbacks = new CallbackSender(
      mutations,
      keys.webhookPrivate,
      options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    );
    this.resetState();
  }

  /** The config of the simulator's one client (the merchant token and the key pair belong to it). */
  client(): ClientConfig {
    const slug = this.credentials.clientSlug;
    let config = this.clients.get(slug);
    if (!config) {
      config = defaultClient(slug);
      this.clients.set(slug, config);
    }
    return config;
  }

  /** Where the checkout sends the payer when the client configured no return URL. */
  returnUrl(): string {
    return this.client().returnUrl ?? `${this.urls.webview}/return`;
  }

  /** `POST /__sim/reset`: data, faults, client config, token lifetimes, clock, callbacks. Mutations and readings stay. */
  reset(): void {
    this.faults.clear();
    this.callbacks.reset();
    this.clock.reset();
    this.resetState();
  }

  private resetState(): void {
    this.clients = new Map();
    this.tokens = { accessTtlSec: DEFAULT_ACCESS_TTL_SEC, refreshTtlSec: DEFAULT_REFRESH_TTL_SEC };
    this.store.reset({
      applicationId: this.credentials.applicationId,
      webview: { primaryColor: '#0b5fff', logoUrl: null },
      redirect: { successUrl: null, failureUrl: null },
    });
  }
}
