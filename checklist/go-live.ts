/**
 * The go-live checklist as typed data: the single source of every `GL-<AREA>-<NN>` ID.
 *
 * Every item of the user's two seed documents has exactly one ID here (the "recommended scenarios" bullet
 * has four: GL-SCN-01..04). `anchor` is a short verbatim fragment of the seed item and `subsection` the seed's
 * sub-heading where a section repeats itself (the three base-URL tables): together they let
 * tests/config/go-live-checklist.test.ts prove, by parsing the seeds, that no item is missing or doubled.
 *
 * IDs are stable: never renumber. A retired item keeps its ID out of use; a new seed item takes the next free
 * number of its area. Two digits, upper case, so no ID is a prefix of another under `--grep`.
 *
 * What proves each item (the targets that can, its decisive and supporting specs, or what a person checks) is
 * kept beside it in checklist/evidence.ts.
 */
import type { TestDetails } from '@playwright/test';

/** What a run talks to (`MIGO_ENV`): the embedded simulator, Migo's sandbox, or Migo's production. */
export type Target = 'local' | 'sandbox' | 'production';
export type GoLiveSource = 'go-live-checklist' | 'environments';

interface GoLiveItemShape {
  readonly id: `GL-${string}-${string}`;
  readonly section: string;
  readonly subsection?: string;
  readonly title: string;
  readonly source: GoLiveSource;
  readonly anchor: string;
  readonly docs: string;
}

const DOCS = 'https://api-docs.migopayments.com/en';
const PAGE = {
  goLive: `${DOCS}/introduction/go-live`,
  environments: `${DOCS}/introduction/environments`,
  authentication: `${DOCS}/introduction/authentication`,
  security: `${DOCS}/concepts/security`,
  errorCatalog: `${DOCS}/support/error-catalog`,
  callback: `${DOCS}/card-payments/merchant-generic-callback`,
} as const;

// Section names are the seed headings, verbatim.
const CREDENTIALS = 'Credentials & authentication';
const ENVIRONMENTS = 'Environments';
const CORRECTNESS = 'Integration correctness';
const WEBHOOKS = 'Webhooks';
const ERRORS = 'Error handling & idempotency';
const OBSERVABILITY = 'Observability';
const CUTOVER = 'Production cutover';
const MATRIX = 'Environment matrix';
const BASE_URLS = 'Base URLs';
const HEADERS = 'Required headers';
const TO_PRODUCTION = 'Going from sandbox to production';
const RATE_LIMITS = 'Rate limits';
const WG = 'Wallet Gateway (ali-api-gw-rest)';
const MW = 'Middleware (migo-api)';
const CMS = 'CMS Backoffice (ali-api-cms-rest)';

const SCENARIOS_ANCHOR = 'You walked through the recommended scenarios';
const checklist = 'go-live-checklist' as const;
const environments = 'environments' as const;

export const GO_LIVE_ITEMS = [
  // go-live-checklist: Credentials & authentication
  {
    id: 'GL-AUTH-01',
    section: CREDENTIALS,
    title: 'Production credentials are separate from sandbox credentials',
    source: checklist,
    anchor: 'Production credentials requested separately from sandbox',
    docs: PAGE.environments,
  },
  {
    id: 'GL-AUTH-02',
    section: CREDENTIALS,
    title: 'Merchant token kept server-side in a secret manager',
    source: checklist,
    anchor: 'Merchant token stored in your secret manager',
    docs: PAGE.authentication,
  },
  {
    id: 'GL-AUTH-03',
    section: CREDENTIALS,
    title: 'Authorization header in the documented form for each surface',
    source: checklist,
    anchor: 'header per surface',
    docs: PAGE.authentication,
  },
  {
    id: 'GL-AUTH-04',
    section: CREDENTIALS,
    title: 'Access token refreshed on 401 TOKEN_EXPIRED; the old refresh token is discarded',
    source: checklist,
    anchor: 'refreshes the access token on',
    docs: PAGE.authentication,
  },
  {
    id: 'GL-AUTH-05',
    section: CREDENTIALS,
    title: 'Server IPs allowlisted with Migo',
    source: checklist,
    anchor: 'Server IPs allowlisted with Migo',
    docs: PAGE.goLive,
  },
  // go-live-checklist: Environments
  {
    id: 'GL-ENV-01',
    section: ENVIRONMENTS,
    title: 'Production base URLs in place of sandbox ones',
    source: checklist,
    anchor: 'Production base URLs in place of sandbox',
    docs: PAGE.environments,
  },
  {
    id: 'GL-ENV-02',
    section: ENVIRONMENTS,
    title: 'No sandbox token, host or test card in the production configuration',
    source: checklist,
    anchor: 'No sandbox tokens, hosts, or test cards remain',
    docs: PAGE.goLive,
  },
  // go-live-checklist: Integration correctness (the scenarios bullet is the recommended test matrix)
  {
    id: 'GL-SCN-01',
    section: CORRECTNESS,
    title: 'Happy-path charge',
    source: checklist,
    anchor: SCENARIOS_ANCHOR,
    docs: PAGE.goLive,
  },
  {
    id: 'GL-SCN-02',
    section: CORRECTNESS,
    title: 'Declined charge',
    source: checklist,
    anchor: SCENARIOS_ANCHOR,
    docs: PAGE.goLive,
  },
  {
    id: 'GL-SCN-03',
    section: CORRECTNESS,
    title: '3-D Secure challenge',
    source: checklist,
    anchor: SCENARIOS_ANCHOR,
    docs: PAGE.goLive,
  },
  {
    id: 'GL-SCN-04',
    section: CORRECTNESS,
    title: 'Duplicate or replayed delivery',
    source: checklist,
    anchor: SCENARIOS_ANCHOR,
    docs: PAGE.goLive,
  },
  {
    id: 'GL-INT-01',
    section: CORRECTNESS,
    title: 'Cards are tokenized: the cardId is kept, never the PAN',
    source: checklist,
    anchor: 'Tokenization confirmed',
    docs: PAGE.security,
  },
  {
    id: 'GL-INT-02',
    section: CORRECTNESS,
    title: 'Identifiers (uid, reference) are taken from real responses',
    source: checklist,
    anchor: 'You parse identifiers',
    docs: PAGE.goLive,
  },
  // go-live-checklist: Webhooks
  {
    id: 'GL-WH-01',
    section: WEBHOOKS,
    title: 'Webhook receiver serves HTTPS with a valid certificate',
    source: checklist,
    anchor: 'Webhook receiver uses HTTPS with a valid certificate',
    docs: PAGE.goLive,
  },
  {
    id: 'GL-WH-02',
    section: WEBHOOKS,
    title: 'Inbound webhooks IP-allowlisted; signatures not relied on alone',
    source: checklist,
    anchor: 'Inbound webhooks protected by IP allowlisting',
    docs: PAGE.security,
  },
  {
    id: 'GL-WH-03',
    section: WEBHOOKS,
    title: 'Handler answers 2xx quickly; a non-2xx or a timeout is retried',
    source: checklist,
    anchor: 'quickly and offloads heavy work',
    docs: PAGE.callback,
  },
  {
    id: 'GL-WH-04',
    section: WEBHOOKS,
    title: 'Delivery and retry behaviour of your flow confirmed with Migo',
    source: checklist,
    anchor: 'You confirmed the delivery/retry behavior',
    docs: PAGE.callback,
  },
  // go-live-checklist: Error handling & idempotency
  {
    id: 'GL-ERR-01',
    section: ERRORS,
    title: 'Error codes read from the body and mapped for every catalog code',
    source: checklist,
    anchor: 'maps at least the codes in the Error Catalog',
    docs: PAGE.errorCatalog,
  },
  {
    id: 'GL-ERR-02',
    section: ERRORS,
    title: 'Webhook handler is idempotent: a replay never fulfils twice',
    source: checklist,
    anchor: 'Webhook handler is idempotent',
    docs: PAGE.goLive,
  },
  {
    id: 'GL-ERR-03',
    section: ERRORS,
    title: 'Transient failures retried with exponential backoff',
    source: checklist,
    anchor: 'Client-side retries on transient failures',
    docs: PAGE.goLive,
  },
  // go-live-checklist: Observability
  {
    id: 'GL-OBS-01',
    section: OBSERVABILITY,
    title: 'Alerting on elevated 4xx/5xx rates from Migo',
    source: checklist,
    anchor: 'Alerting on elevated 4xx / 5xx rates',
    docs: PAGE.goLive,
  },
  {
    id: 'GL-OBS-02',
    section: OBSERVABILITY,
    title: 'Alerting on webhook handler failures and certificate expiry',
    source: checklist,
    anchor: 'Alerting on webhook handler failures',
    docs: PAGE.goLive,
  },
  {
    id: 'GL-OBS-03',
    section: OBSERVABILITY,
    title: 'Logging never records a full PAN, a CVV or a token',
    source: checklist,
    anchor: 'Logging that never records full PANs',
    docs: PAGE.security,
  },
  {
    id: 'GL-OBS-04',
    section: OBSERVABILITY,
    title: 'You know how to ask Migo for a delivery report or a re-send',
    source: checklist,
    anchor: 'request a delivery report',
    docs: PAGE.callback,
  },
  // go-live-checklist: Production cutover
  {
    id: 'GL-CUT-01',
    section: CUTOVER,
    title: 'TLS 1.2 or newer end to end',
    source: checklist,
    anchor: 'TLS 1.2+ enforced end-to-end',
    docs: PAGE.security,
  },
  {
    id: 'GL-CUT-02',
    section: CUTOVER,
    title: 'Security review against your PCI scope',
    source: checklist,
    anchor: 'Security review completed',
    docs: PAGE.security,
  },
  {
    id: 'GL-CUT-03',
    section: CUTOVER,
    title: 'Incident runbook: Migo contact, escalation, token rotation',
    source: checklist,
    anchor: 'Incident runbook in place',
    docs: PAGE.goLive,
  },
  {
    id: 'GL-CUT-04',
    section: CUTOVER,
    title: 'Recommended matrix run against production with a disposable cardholder',
    source: checklist,
    anchor: 'Run the recommended test matrix against production',
    docs: PAGE.goLive,
  },
  // environments: Environment matrix
  {
    id: 'GL-ENV-03',
    section: MATRIX,
    title: 'Sandbox / QA holds test data only, no real funds',
    source: environments,
    anchor: 'Test data only',
    docs: PAGE.environments,
  },
  {
    id: 'GL-ENV-04',
    section: MATRIX,
    title: 'Production moves real funds: runs are guarded (confirmation, amount cap, @prod-safe only)',
    source: environments,
    anchor: 'Real funds, real cardholders',
    docs: PAGE.environments,
  },
  // environments: Base URLs (one item per table row)
  {
    id: 'GL-URL-01',
    section: BASE_URLS,
    subsection: WG,
    title: 'Wallet Gateway production base URL',
    source: environments,
    anchor: 'https://api.ali.app/rest',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-02',
    section: BASE_URLS,
    subsection: WG,
    title: 'Wallet Gateway QA base URL',
    source: environments,
    anchor: 'https://ali-qa.ali.app/rest',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-03',
    section: BASE_URLS,
    subsection: WG,
    title: "Wallet Gateway local base URL (Migo's own local setup)",
    source: environments,
    anchor: 'http://localhost:3010',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-04',
    section: BASE_URLS,
    subsection: MW,
    title: 'Middleware production base URL',
    source: environments,
    anchor: 'https://mw.migopayments.com',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-05',
    section: BASE_URLS,
    subsection: MW,
    title: 'Middleware sandbox base URL',
    source: environments,
    anchor: 'https://sb-mw.migopayments.com',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-06',
    section: BASE_URLS,
    subsection: MW,
    title: "Middleware local base URL (Migo's own local setup)",
    source: environments,
    anchor: 'http://localhost:3000',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-07',
    section: BASE_URLS,
    subsection: CMS,
    title: 'CMS Backoffice production base URL',
    source: environments,
    anchor: 'https://api.ali.app/cms/rest',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-08',
    section: BASE_URLS,
    subsection: CMS,
    title: 'CMS Backoffice QA base URL',
    source: environments,
    anchor: 'https://ali-qa.ali.app/cms/rest',
    docs: PAGE.environments,
  },
  {
    id: 'GL-URL-09',
    section: BASE_URLS,
    subsection: CMS,
    title: "CMS Backoffice local base URL (Migo's own local setup)",
    source: environments,
    anchor: 'http://localhost:3000',
    docs: PAGE.environments,
  },
  // environments: Required headers
  {
    id: 'GL-HDR-01',
    section: HEADERS,
    title: 'Authorization: Bearer <jwt> on authenticated requests',
    source: environments,
    anchor: 'Bearer <jwt>',
    docs: PAGE.environments,
  },
  {
    id: 'GL-HDR-02',
    section: HEADERS,
    title: 'applicationId header only on Wallet Gateway GET/PATCH /configs',
    source: environments,
    anchor: 'Your application identifier',
    docs: PAGE.environments,
  },
  {
    id: 'GL-HDR-03',
    section: HEADERS,
    title: 'x-user-token on CMS calls only',
    source: environments,
    anchor: 'CMS user token',
    docs: PAGE.environments,
  },
  {
    id: 'GL-HDR-04',
    section: HEADERS,
    title: 'Content-Type: application/json on POST, PUT and PATCH',
    source: environments,
    anchor: 'For POST / PUT / PATCH',
    docs: PAGE.environments,
  },
  // environments: Going from sandbox to production
  {
    id: 'GL-PROD-01',
    section: TO_PRODUCTION,
    title: 'Credentials rotated: production keys are separate',
    source: environments,
    anchor: 'Rotate credentials',
    docs: PAGE.environments,
  },
  {
    id: 'GL-PROD-02',
    section: TO_PRODUCTION,
    title: 'Webhook receiver switched to HTTPS with a valid certificate',
    source: environments,
    anchor: 'Switch your webhook receiver to HTTPS',
    docs: PAGE.environments,
  },
  {
    id: 'GL-PROD-03',
    section: TO_PRODUCTION,
    title: 'IP allowlisting requirements confirmed with Migo',
    source: environments,
    anchor: 'Confirm any IP allowlisting requirements',
    docs: PAGE.environments,
  },
  {
    id: 'GL-PROD-04',
    section: TO_PRODUCTION,
    title: 'Go-live checklist walked through',
    source: environments,
    anchor: 'Walk through the Go-live checklist',
    docs: PAGE.goLive,
  },
  // environments: Rate limits
  {
    id: 'GL-RATE-01',
    section: RATE_LIMITS,
    title: 'Throttling limits confirmed with Migo before load tests',
    source: environments,
    anchor: 'does not enforce request rate limiting',
    docs: PAGE.environments,
  },
  {
    id: 'GL-RATE-02',
    section: RATE_LIMITS,
    title: '429 Too Many Requests handled with exponential backoff',
    source: environments,
    anchor: '429 Too Many Requests',
    docs: PAGE.environments,
  },
] as const satisfies readonly GoLiveItemShape[];

export type GoLiveItem = (typeof GO_LIVE_ITEMS)[number];
// What proves an item lives beside the items; re-exported for the callers that ask per item.
export { provableIn } from './evidence';
export type GoLiveId = GoLiveItem['id'];
export type GoLiveTag = `@${GoLiveId}`;

export const GO_LIVE_IDS: readonly GoLiveId[] = GO_LIVE_ITEMS.map((item) => item.id);
export const GO_LIVE_TAG = '@go-live';
export const GO_LIVE_ANNOTATION = 'go-live';

const BY_ID: ReadonlyMap<string, GoLiveItem> = new Map(GO_LIVE_ITEMS.map((item) => [item.id, item]));

export function isGoLiveId(value: string): value is GoLiveId {
  return BY_ID.has(value);
}

export function goLiveItem<Id extends GoLiveId>(id: Id): Extract<GoLiveItem, { id: Id }> {
  const item = BY_ID.get(id);
  // Only reachable when called from untyped code (e.g. a reporter parsing tags).
  if (!item) throw new Error(`unknown go-live ID "${id}": see checklist/go-live.ts for the list`);
  return item as Extract<GoLiveItem, { id: Id }>;
}

export interface GoLiveDetails extends TestDetails {
  tag: [typeof GO_LIVE_TAG, ...GoLiveTag[]];
  annotation: { type: typeof GO_LIVE_ANNOTATION; description: string }[];
}

/**
 * Test details linking a test to the checklist items it proves: tags drive `--grep`, annotations the
 * go-live report. `test('…', goLive('GL-SCN-01'), async () => …)`; a mistyped ID does not compile.
 */
export function goLive(...ids: [GoLiveId, ...GoLiveId[]]): GoLiveDetails {
  const unique = [...new Set(ids)];
  return {
    tag: [GO_LIVE_TAG, ...unique.map((id): GoLiveTag => `@${id}`)],
    annotation: unique.map((id) => ({
      type: GO_LIVE_ANNOTATION,
      description: `${id} ${goLiveItem(id).title}`,
    })),
  };
}
