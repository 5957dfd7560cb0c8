/**
 * The words both go-live pages (Markdown and HTML) use for the run and its evidence, so they say the same thing.
 */
import { ledgerLine, type CardholderLedger } from '../cardholder-ledger';
import type { RunSurface } from '../diff/run-dir';
import {
  GO_LIVE_STATUSES,
  type EvidenceRole,
  type GoLiveReport,
  type GoLiveStatus,
  type SpecOutcome,
} from './verdict';

const SURFACE_LABEL: Record<RunSurface, string> = {
  middleware: 'Middleware',
  walletGateway: 'Wallet Gateway',
  cms: 'CMS Backoffice',
  webview: 'Hosted checkout',
};

export interface Fact {
  label: string;
  lines: string[];
}

export function title(report: GoLiveReport): string {
  const { run } = report;
  return `Go-live sign-off: ${run.target}${run.label ? ` (${run.label})` : ''}`;
}

/** The run's facts at the top of the page: what it talked to, under which readings, from which commit. */
export function runFacts(report: GoLiveReport): Fact[] {
  const { run } = report;
  const hosts = Object.entries(run.hosts).map(
    ([surface, host]) =>
      `${SURFACE_LABEL[surface as RunSurface]}: ${host.url} (${host.documented ? `documented ${host.documented} host` : 'not a documented Migo host'})`,
  );
  const merchant = [
    ...(run.merchant.handler ? [`handler ${run.merchant.handler} (MIGO_MERCHANT_HANDLER_URL)`] : []),
    ...(run.merchant.callback
      ? [`callback receiver ${run.merchant.callback} (MIGO_CALLBACK_PUBLIC_URL)`]
      : []),
  ];
  const readings = Object.entries(run.readings ?? {}).map(([name, option]) => `${name} = ${option}`);
  return [
    { label: 'Target', lines: [run.target] },
    ...(run.label ? [{ label: 'Run label', lines: [run.label] }] : []),
    {
      label: 'What it proves',
      lines: [
        run.proof === 'stand-in'
          ? `the suite only: it talked to ${run.standIn}`
          : `the integration, on Migo's documented ${run.proof} hosts`,
      ],
    },
    { label: 'Hosts', lines: hosts.length > 0 ? hosts : ['the embedded simulator (no base URL set)'] },
    { label: 'Your systems', lines: merchant.length > 0 ? merchant : ['none configured'] },
    { label: 'Readings', lines: readings.length > 0 ? readings : ['not recorded for this run'] },
    ...(run.cardholder ? [{ label: 'Disposable cardholder', lines: cardholderLines(run.cardholder) }] : []),
    { label: 'Commit', lines: [run.commit ?? 'unknown'] },
    {
      label: 'Run',
      lines: [
        `started ${run.startedAt}: ${run.passed} passed, ${run.failed} failed, ${run.flaky} flaky, ${run.skipped} skipped (${(run.durationMs / 1000).toFixed(1)} s), ${run.runDir}`,
      ],
    },
  ];
}

/** The ledger in the header: the counts, then each thing left over at Migo and why. */
export function cardholderLines(ledger: CardholderLedger): string[] {
  return [
    ledgerLine(ledger),
    ...ledger.tornDown.map((e) => `torn down ${e.id}: ${e.note}`),
    ...ledger.leftover.map((e) => `left over ${e.kind} ${e.id}: ${e.note}`),
  ];
}

export function countsLine(totals: Record<GoLiveStatus, number>): string {
  return GO_LIVE_STATUSES.map((status) => `${totals[status]} ${status}`).join(' · ');
}

/** Non-empty failure categories: "Contract violation: GL-…, GL-…". */
export function categoryLines(report: GoLiveReport): string[] {
  return Object.entries(report.categories)
    .filter(([, ids]) => ids.length > 0)
    .map(([name, ids]) => `${name}: ${ids.join(', ')}`);
}

export function evidenceSummary(outcomes: SpecOutcome[]): string {
  const count = (role: EvidenceRole) => outcomes.filter((o) => o.role === role).length;
  const parts = [
    [count('decisive'), 'decisive'],
    [count('stand-in'), 'against a stand-in'],
    [count('supporting'), 'supporting'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(' · ');
}

export function outcomeText(outcome: SpecOutcome): string {
  switch (outcome.status) {
    case 'absent':
      return `not run: ${outcome.note}`;
    case 'skipped':
      return `not run: ${outcome.note}`;
    case 'flaky':
      return `passed only on retry (${outcome.attempts} attempts)`;
    case 'failed':
      return `failed${outcome.category ? ` (${outcome.category})` : ''}: ${outcome.note}`;
    case 'passed':
      return 'passed';
  }
}

/** `file.spec.ts › Describe › title` → `file.spec.ts › Describe`: where the test lives, below its title. */
export function whereDefined(outcome: SpecOutcome): string {
  return outcome.spec.split(' › ').slice(0, -1).join(' › ');
}

export const SIGN_OFF = 'Signed off by';
