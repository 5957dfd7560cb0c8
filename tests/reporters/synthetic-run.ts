/**
 * Synthetic run directories in the run recorder's format, so the diff and the go-live report can be tested on
 * exact, known inputs: test records, observations, and the record of what a run talked to.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ResultsFile,
  RunMetadata,
  RunSummary,
  TestRecord,
  TestStatus,
} from '../../reporters/diff/run-dir';
import { shapeOf, type Observation } from '../../reporters/observations';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `migo-${prefix}-`));
}

export function testRecord(
  title: string,
  status: TestStatus = 'passed',
  extra: Partial<TestRecord> = {},
): TestRecord {
  return {
    id: `[simulator] payment-links.spec.ts › POST /transactions › ${title}`,
    title,
    titlePath: ['payment-links.spec.ts', 'POST /transactions', title],
    file: 'specs/payment-links.spec.ts',
    project: 'simulator',
    tags: ['@go-live'],
    annotations: [],
    status,
    retries: status === 'flaky' ? 1 : 0,
    durationMs: 10,
    ...(status === 'failed' ? { error: `Error: ${title} failed\n\nExpected: 200\nReceived: 500` } : {}),
    ...extra,
  };
}

export const LINK_BODY = {
  uid: 'trx_8f3c2b1d9e7a',
  reference: 'CLIENT020007SB',
  URL: 'https://x/?orderId=trx_8f3c2b1d9e7a',
};
export const HEALTH_BODY = { statusCode: 200, message: 'ok', data: {} };

/** `count` exchanges of one endpoint, latencies spread evenly from `fromMs` to `toMs`. */
export function exchanges(
  endpoint: string,
  body: unknown,
  count: number,
  fromMs: number,
  toMs = fromMs,
  extra: Partial<Observation> = {},
): Observation[] {
  return Array.from({ length: count }, (_, i) => ({
    endpoint,
    surface: 'middleware' as const,
    status: 200,
    latencyMs: count === 1 ? fromMs : fromMs + ((toMs - fromMs) * i) / (count - 1),
    shape: shapeOf(body),
    ...extra,
  }));
}

export interface SyntheticRun {
  tests: TestRecord[];
  observations: Observation[];
  environment?: string;
  startedAt?: string;
  run?: RunMetadata;
  readings?: Record<string, string>;
}

/** The record of one matrix test named by its SpecRef (`file › describe › title`), as the recorder writes it. */
export function specRecord(
  spec: string,
  status: TestStatus = 'passed',
  extra: Partial<TestRecord> = {},
): TestRecord {
  const titlePath = spec.split(' › ');
  const attempts =
    status === 'flaky'
      ? [
          { status: 'failed' as const, durationMs: 5 },
          { status: 'passed' as const, durationMs: 5 },
        ]
      : [{ status: status === 'skipped' ? ('skipped' as const) : status, durationMs: 10 }];
  return {
    id: `[api] ${spec}`,
    title: titlePath.at(-1)!,
    titlePath,
    file: `specs/${titlePath[0]}`,
    project: 'api',
    tags: ['@go-live'],
    annotations: [],
    status,
    retries: attempts.length - 1,
    attempts,
    durationMs: 10,
    ...(status === 'failed'
      ? { error: `Error: ${titlePath.at(-1)} failed\n\nExpected: 200\nReceived: 401` }
      : {}),
    ...extra,
  };
}

/** What a run against the documented hosts of `target` records (fixtures/run-metadata.ts gives the same). */
export function documentedRun(
  target: 'sandbox' | 'production',
  extra: Partial<RunMetadata> = {},
): RunMetadata {
  const urls = {
    sandbox: {
      middleware: 'https://sb-mw.migopayments.com',
      walletGateway: 'https://ali-qa.ali.app/rest',
      cms: 'https://ali-qa.ali.app/cms/rest',
      webview: 'https://sandbox.migopayments.com',
    },
    production: {
      middleware: 'https://mw.migopayments.com',
      walletGateway: 'https://api.ali.app/rest',
      cms: 'https://api.ali.app/cms/rest',
      webview: 'https://web.migopayments.com',
    },
  }[target];
  return {
    target,
    embedded: false,
    hosts: Object.fromEntries(
      Object.entries(urls).map(([surface, url]) => [surface, { url, documented: target }]),
    ),
    merchant: {},
    ...extra,
  };
}

/** What a local run against the embedded simulator records. */
export const EMBEDDED_RUN: RunMetadata = { target: 'local', embedded: true, hosts: {}, merchant: {} };

export function writeRun(dir: string, run: SyntheticRun): string {
  mkdirSync(dir, { recursive: true });
  const count = (s: TestStatus) => run.tests.filter((t) => t.status === s).length;
  const startedAt = run.startedAt ?? '2025-11-22T00:00:00.000Z';
  const results: ResultsFile = { version: 1, startedAt, tests: run.tests };
  const summary: RunSummary = {
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    flaky: count('flaky'),
    durationMs: 1000,
    environment: run.environment ?? run.run?.target ?? 'local',
    startedAt,
    runDir: dir,
    ...(run.run ? { run: run.run } : {}),
    ...(run.readings ? { readings: run.readings } : {}),
  };
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(dir, 'run-summary.json'), JSON.stringify(summary, null, 2));
  writeFileSync(
    join(dir, 'observations.jsonl'),
    run.observations.map((o) => JSON.stringify(o)).join('\n') + '\n',
  );
  return dir;
}

/** The baseline every diff test starts from: three passing tests and two endpoints with steady latency. */
export function baselineRun(): SyntheticRun {
  return {
    tests: [
      testRecord('creates a link'),
      testRecord('rejects amount 0 with 7001'),
      testRecord('refuses a bad token'),
    ],
    observations: [
      ...exchanges('POST /transactions', LINK_BODY, 20, 10, 30),
      ...exchanges('GET /health', HEALTH_BODY, 10, 5, 8, { surface: 'walletGateway' }),
    ],
  };
}
