/**
 * The go-live verdict of one run: every checklist item judged by its evidence (checklist/evidence.ts) against
 * what the run recorder wrote (results.json, and the run summary's record of what the run talked to).
 *
 * - PASS: every decisive spec ran, on its first attempt, in a run against documented Migo hosts that can prove the
 *   item, and passed.
 * - FAIL: a declared spec failed (filed by failure category), or a decisive spec passed only on a retry.
 * - NOT RUN: a decisive spec did not run (named, with why), or this kind of run cannot prove the item.
 * - SIMULATED: the run talked to a stand-in (the simulator, a proxy, a rehearsal on loopback) and the suite's own
 *   check of the item passed there. Such a run never yields PASS: it proves the suite, not the integration. The
 *   items about the merchant's own systems are SIMULATED too when the merchant probe passed against a handler on
 *   loopback (merchant-handler.ts), and never take the suite's own receiver as their stand-in.
 * - MANUAL: nothing the suite runs can see the item; a person checks it and signs it off.
 */
import { GO_LIVE_ITEMS, type GoLiveItem } from '../../checklist/go-live';
import {
  declaredSpecs,
  evidenceOf,
  isManual,
  standInSpecs,
  type AutomatedEvidence,
  type ProofSource,
  type SpecRef,
} from '../../checklist/evidence';
import type { RunMetadata, RunSummary, TestRecord, TestStatus } from '../diff/run-dir';
import type { CardholderLedger } from '../cardholder-ledger';
import {
  failureCategory,
  ASSUMPTION_DIFFERS,
  FAILURE_CATEGORIES,
  PASSED_ONLY_ON_RETRY,
} from '../failure-category';
import { redact } from '../redaction';
import { isAboutMerchant, merchantHandlerGap } from './merchant-handler';

export const GO_LIVE_STATUSES = ['PASS', 'FAIL', 'NOT RUN', 'SIMULATED', 'MANUAL'] as const;
export type GoLiveStatus = (typeof GO_LIVE_STATUSES)[number];

/** What a run can prove: Migo's sandbox or production on their documented hosts, or nothing (a stand-in). */
export type RunProof = 'sandbox' | 'production' | 'stand-in';
export type EvidenceRole = 'decisive' | 'stand-in' | 'supporting';

export interface SpecOutcome {
  spec: SpecRef;
  /** The test's own title (the last part of `spec`). */
  title: string;
  role: EvidenceRole;
  /** `absent`: not part of this run at all. */
  status: TestStatus | 'absent';
  attempts: number;
  durationMs?: number;
  /** Why it was skipped or absent, the first line of its failure, or how many attempts it needed. */
  note?: string;
  category?: string;
}

export interface GoLiveEntry {
  id: string;
  section: string;
  subsection?: string;
  title: string;
  docs: string;
  status: GoLiveStatus;
  reason?: string;
  /** For a FAIL: the failure category it is filed under. */
  category?: string;
  provenBy?: readonly ProofSource[];
  /** For a manual item: what a person checks, and how. */
  check?: string;
  /** Decisive specs first, then the stand-in checks, then the supporting ones. */
  evidence: SpecOutcome[];
}

export interface GoLiveRun extends Pick<
  RunSummary,
  'passed' | 'failed' | 'skipped' | 'flaky' | 'durationMs' | 'startedAt' | 'runDir'
> {
  target: string;
  label?: string;
  proof: RunProof;
  /** What stood in for Migo, when the run proves the suite only. */
  standIn?: string;
  hosts: RunMetadata['hosts'];
  merchant: RunMetadata['merchant'];
  readings?: Record<string, string>;
  commit?: string;
  /** The disposable cardholder's ledger: created, torn down, left over (absent for local runs). */
  cardholder?: CardholderLedger;
}

export interface GoLiveReport {
  /** The target (MIGO_ENV) of the run. */
  environment: string;
  generatedAt: string;
  /** Shown at the top when the run proves the suite, not the integration. */
  banner?: string;
  run: GoLiveRun;
  totals: Record<GoLiveStatus, number>;
  sections: { name: string; totals: Record<GoLiveStatus, number> }[];
  /** FAIL items by failure category; "Assumption differs" kept apart from "Contract violation". */
  categories: Record<string, string[]>;
  /** Items this run could prove whose decisive specs were not all part of it. */
  uncovered: string[];
  items: GoLiveEntry[];
}

const firstLine = (text: string | undefined) =>
  text
    ?.split('\n')
    .find((l) => l.trim() !== '')
    ?.trim();

const quote = (outcome: SpecOutcome) => `"${outcome.title}"`;

function emptyTotals(): Record<GoLiveStatus, number> {
  return { PASS: 0, FAIL: 0, 'NOT RUN': 0, SIMULATED: 0, MANUAL: 0 };
}

/** The run's hosts decide what it can prove; a run with no record of them proves nothing. */
export function proofOf(run: RunMetadata | undefined): RunProof {
  if (!run || run.embedded || (run.target !== 'sandbox' && run.target !== 'production')) return 'stand-in';
  const hosts = Object.values(run.hosts);
  return hosts.length > 0 && hosts.every((host) => host.documented === run.target) ? run.target : 'stand-in';
}

function describeStandIn(run: RunMetadata | undefined): string {
  if (!run) return 'a target this run directory has no record of';
  if (run.embedded) return 'the embedded simulator';
  const hosts = Object.values(run.hosts);
  if (hosts.length === 0) return 'no recorded host';
  const foreign = hosts.filter((host) => host.documented !== run.target).map((host) => host.url);
  const shown = (foreign.length > 0 ? foreign : hosts.map((host) => host.url)).join(', ');
  return run.target === 'local'
    ? `a simulator or proxy at ${shown}`
    : `${shown}, which ${foreign.length === 1 ? 'is not a documented' : 'are not documented'} Migo ${run.target} host${foreign.length === 1 ? '' : 's'}`;
}

function whoCanProve(provenBy: readonly ProofSource[]): string {
  const runs = provenBy.filter((s): s is 'sandbox' | 'production' => s !== 'merchant');
  const parts = [
    ...(runs.length > 0 ? [`a ${runs.join(' or ')} run`] : []),
    ...(provenBy.includes('merchant') ? ['a sandbox or production run that reaches your own systems'] : []),
  ];
  return `only ${parts.join(' or ')} can prove it`;
}

function canProve(evidence: AutomatedEvidence, proof: RunProof): boolean {
  if (proof === 'stand-in') return false;
  return evidence.provenBy.includes(proof) || evidence.provenBy.includes('merchant');
}

/** One spec's outcome over its records in this run (several with --repeat-each): any failure counts. */
function outcomeOf(spec: SpecRef, role: EvidenceRole, records: TestRecord[]): SpecOutcome {
  const title = spec.split(' › ').at(-1)!;
  if (records.length === 0)
    return {
      spec,
      title,
      role,
      status: 'absent',
      attempts: 0,
      note: "not part of this run (--grep, --project, a shard or production's @prod-safe selection left it out)",
    };
  const failed = records.find((r) => r.status === 'failed');
  const flaky = records.find((r) => r.status === 'flaky');
  const passed = records.find((r) => r.status === 'passed');
  const record = failed ?? flaky ?? passed ?? records[0]!;
  const attempts = record.attempts?.length ?? record.retries + 1;
  const base = { spec, title, role, status: record.status, attempts, durationMs: record.durationMs };
  if (failed) {
    const line = firstLine(failed.error) ?? 'failed';
    return { ...base, note: redact(line), category: failureCategory(failed.error ?? '') };
  }
  if (flaky)
    return {
      ...base,
      note: `failed its first attempt and passed on retry ${flaky.retries}`,
      category: PASSED_ONLY_ON_RETRY,
    };
  if (passed) return base;
  const skip = record.annotations.find((a) => a.type === 'skip')?.description;
  return { ...base, note: redact(skip ?? 'skipped without a reason') };
}

function outcomesOf(item: GoLiveItem, bySpec: Map<SpecRef, TestRecord[]>): SpecOutcome[] {
  const evidence = evidenceOf(item.id);
  const decisive = new Set(isManual(evidence) ? [] : evidence.decisive);
  const standIn = new Set(isManual(evidence) ? [] : standInSpecs(evidence));
  const role = (spec: SpecRef): EvidenceRole =>
    decisive.has(spec) ? 'decisive' : standIn.has(spec) ? 'stand-in' : 'supporting';
  const order: Record<EvidenceRole, number> = { decisive: 0, 'stand-in': 1, supporting: 2 };
  return declaredSpecs(evidence)
    .map((spec) => outcomeOf(spec, role(spec), bySpec.get(spec) ?? []))
    .sort((a, b) => order[a.role] - order[b.role]);
}

type Verdict = Pick<GoLiveEntry, 'status' | 'reason' | 'category'>;

function failureVerdict(outcomes: SpecOutcome[]): Verdict | undefined {
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0) {
    // Filed as "Assumption differs" only when every failure is one: a real violation beside it wins.
    const real = failed.find((o) => o.category !== ASSUMPTION_DIFFERS) ?? failed[0]!;
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
    return { status: 'FAIL', category: real.category, reason: `${quote(real)} failed: ${real.note}${more}` };
  }
  const retried = outcomes.find((o) => o.status === 'flaky' && o.role !== 'supporting');
  if (retried)
    return {
      status: 'FAIL',
      category: PASSED_ONLY_ON_RETRY,
      reason: `${quote(retried)} passed only on retry: a check that needs a second attempt proves nothing`,
    };
  return undefined;
}

function notRun(outcome: SpecOutcome): Verdict {
  return { status: 'NOT RUN', reason: `${quote(outcome)} did not run: ${outcome.note}` };
}

function judge(
  evidence: AutomatedEvidence,
  outcomes: SpecOutcome[],
  proof: RunProof,
  standIn: string,
  handler: string | undefined,
): Verdict {
  const failure = failureVerdict(outcomes);
  if (failure) return failure;
  const who = whoCanProve(evidence.provenBy);
  if (proof === 'stand-in') {
    if (evidence.provenBy.every((source) => source === 'production'))
      return { status: 'NOT RUN', reason: `${who}; this run talked to ${standIn}` };
    const checks = new Set(standInSpecs(evidence));
    const missing = outcomes.find((o) => checks.has(o.spec) && o.status !== 'passed');
    if (missing) return notRun(missing);
    // The merchant probe is its own stand-in check: it passed, but its transaction came from a stand-in for Migo.
    if (isAboutMerchant(evidence.provenBy) && !evidence.standIn)
      return {
        status: 'SIMULATED',
        reason: `the merchant probe passed against ${handler ? `a handler at ${handler}` : 'a handler'} in a run against ${standIn}; ${who}`,
      };
    return { status: 'SIMULATED', reason: `the suite's check passed against ${standIn}; ${who}` };
  }
  if (!canProve(evidence, proof)) return { status: 'NOT RUN', reason: `${who}; this was a ${proof} run` };
  const missing = outcomes.find((o) => o.role === 'decisive' && o.status !== 'passed');
  if (missing) return notRun(missing);
  // The merchant's items: only from a probe of the merchant's handler on its own host.
  return (isAboutMerchant(evidence.provenBy) && merchantHandlerGap(handler)) || { status: 'PASS' };
}

export function buildGoLiveReport(
  tests: TestRecord[],
  summary: RunSummary,
  now: Date = new Date(),
): GoLiveReport {
  const bySpec = new Map<SpecRef, TestRecord[]>();
  for (const test of tests) {
    const spec = test.titlePath.join(' › ');
    bySpec.set(spec, [...(bySpec.get(spec) ?? []), test]);
  }
  const metadata = summary.run;
  const proof = proofOf(metadata);
  const standIn = describeStandIn(metadata);

  const items = GO_LIVE_ITEMS.map((item): GoLiveEntry => {
    const evidence = evidenceOf(item.id);
    const outcomes = outcomesOf(item, bySpec);
    const base = {
      id: item.id,
      section: item.section,
      ...('subsection' in item ? { subsection: item.subsection } : {}),
      title: item.title,
      docs: item.docs,
    };
    if (isManual(evidence)) {
      const verdict = failureVerdict(outcomes) ?? {
        status: 'MANUAL' as const,
        reason: 'nothing the suite runs can see it: a person checks it and signs it off',
      };
      return { ...base, ...verdict, check: evidence.manual, evidence: outcomes };
    }
    return {
      ...base,
      ...judge(evidence, outcomes, proof, standIn, metadata?.merchant?.handler),
      provenBy: evidence.provenBy,
      evidence: outcomes,
    };
  });

  const totals = emptyTotals();
  const sections = new Map<string, Record<GoLiveStatus, number>>();
  const categories: Record<string, string[]> = Object.fromEntries(
    [...FAILURE_CATEGORIES, PASSED_ONLY_ON_RETRY].map((name) => [name, []]),
  );
  for (const item of items) {
    totals[item.status] += 1;
    if (!sections.has(item.section)) sections.set(item.section, emptyTotals());
    sections.get(item.section)![item.status] += 1;
    if (item.category) categories[item.category]!.push(item.id);
  }
  const uncovered = GO_LIVE_ITEMS.filter((item) => {
    const evidence = evidenceOf(item.id);
    return (
      !isManual(evidence) && canProve(evidence, proof) && evidence.decisive.some((spec) => !bySpec.has(spec))
    );
  }).map((item) => item.id);

  return {
    environment: metadata?.target ?? summary.environment,
    generatedAt: now.toISOString(),
    ...(proof === 'stand-in'
      ? {
          banner:
            `This run proves the suite, not the integration: it talked to ${standIn}, not to documented Migo ` +
            "hosts, so no item can PASS. SIMULATED means the suite's check of the item works against that stand-in.",
        }
      : {}),
    run: {
      target: metadata?.target ?? summary.environment,
      ...(metadata?.label ? { label: metadata.label } : {}),
      proof,
      ...(proof === 'stand-in' ? { standIn } : {}),
      hosts: metadata?.hosts ?? {},
      merchant: metadata?.merchant ?? {},
      ...(summary.readings ? { readings: summary.readings } : {}),
      ...(summary.commit ? { commit: summary.commit } : {}),
      ...(summary.cardholder ? { cardholder: summary.cardholder } : {}),
      passed: summary.passed,
      failed: summary.failed,
      skipped: summary.skipped,
      flaky: summary.flaky,
      durationMs: summary.durationMs,
      startedAt: summary.startedAt,
      runDir: summary.runDir,
    },
    totals,
    sections: [...sections].map(([name, sectionTotals]) => ({ name, totals: sectionTotals })),
    categories,
    uncovered,
    items,
  };
}
