/**
 * The go-live checklist evaluated from one run: every item of checklist/go-live.ts with its status, the reason
 * for every status but PASS, the specs that prove it and their outcomes. Built from the run directory's
 * results.json (the run recorder's), so the report and reports/run-summary.json always agree.
 */
import { GO_LIVE_ITEMS, provableIn, type GoLiveItem, type Target } from '../checklist/go-live';
import type { RunSummary, TestRecord } from './diff/run-dir';
import { redact } from './redaction';

export type GoLiveStatus = 'PASS' | 'FAIL' | 'NOT RUN' | 'MANUAL';

export interface GoLiveEvidence {
  test: string;
  file: string;
  status: TestRecord['status'];
  durationMs: number;
  /** Why it was skipped, or the first line of its failure. */
  note?: string;
}

export interface GoLiveEntry {
  id: string;
  section: string;
  title: string;
  docs: string;
  status: GoLiveStatus;
  reason?: string;
  tests: GoLiveEvidence[];
}

export interface GoLiveReport {
  environment: string;
  generatedAt: string;
  run: Pick<RunSummary, 'passed' | 'failed' | 'skipped' | 'flaky' | 'durationMs' | 'startedAt'> & {
    runDir: string;
  };
  totals: Record<GoLiveStatus, number>;
  /** Automated items this target could prove but no spec is tagged with. */
  uncovered: string[];
  items: GoLiveEntry[];
}

const firstLine = (text: string | undefined) =>
  text
    ?.split('\n')
    .find((l) => l.trim() !== '')
    ?.trim();

function evidence(test: TestRecord): GoLiveEvidence {
  const skip = test.annotations.find((a) => a.type === 'skip')?.description;
  const note =
    test.status === 'skipped' ? skip : test.status === 'failed' ? firstLine(test.error) : undefined;
  return {
    test: test.titlePath.join(' › '),
    file: test.file,
    status: test.status,
    durationMs: test.durationMs,
    ...(note ? { note: redact(note) } : {}),
  };
}

function evaluate(item: GoLiveItem, tests: TestRecord[], target: Target): Omit<GoLiveEntry, 'tests'> {
  const base = { id: item.id, section: item.section, title: item.title, docs: item.docs };
  if (item.verification === 'manual') return { ...base, status: 'MANUAL', reason: item.manualReason };
  const provable = provableIn(item);
  if (tests.length === 0) {
    return { ...base, status: 'NOT RUN', reason: 'no spec in this suite proves it yet' };
  }
  const failed = tests.filter((t) => t.status === 'failed');
  if (failed.length > 0) {
    const first = failed[0]!;
    return {
      ...base,
      status: 'FAIL',
      reason: redact(
        `${failed.length} spec(s) failed; first: ${first.title}: ${firstLine(first.error) ?? 'failed'}`,
      ),
    };
  }
  const passed = tests.some((t) => t.status === 'passed' || t.status === 'flaky');
  if (!provable.includes(target)) {
    return {
      ...base,
      status: 'NOT RUN',
      reason: `proven only by a ${provable.join(' or ')} run (this run targeted ${target})${passed ? '; its specs passed here' : ''}`,
    };
  }
  if (passed) return { ...base, status: 'PASS' };
  const reasons = [...new Set(tests.map((t) => evidence(t).note).filter(Boolean))];
  return { ...base, status: 'NOT RUN', reason: reasons.join('; ') || 'all its specs were skipped' };
}

export function buildGoLiveReport(
  tests: TestRecord[],
  summary: RunSummary,
  target: Target,
  now: Date = new Date(),
): GoLiveReport {
  const byItem = new Map<string, TestRecord[]>();
  for (const test of tests) {
    for (const tag of test.tags) {
      const id = tag.replace(/^@/, '');
      byItem.set(id, [...(byItem.get(id) ?? []), test]);
    }
  }
  const items = GO_LIVE_ITEMS.map((item) => {
    const proving = byItem.get(item.id) ?? [];
    return { ...evaluate(item, proving, target), tests: proving.map(evidence) };
  });
  const totals: Record<GoLiveStatus, number> = { PASS: 0, FAIL: 0, 'NOT RUN': 0, MANUAL: 0 };
  for (const item of items) totals[item.status] += 1;
  const uncovered = GO_LIVE_ITEMS.filter(
    (item) => provableIn(item).includes(target) && !byItem.has(item.id),
  ).map((item) => item.id);
  return {
    environment: target,
    generatedAt: now.toISOString(),
    run: {
      passed: summary.passed,
      failed: summary.failed,
      skipped: summary.skipped,
      flaky: summary.flaky,
      durationMs: summary.durationMs,
      startedAt: summary.startedAt,
      runDir: summary.runDir,
    },
    totals,
    uncovered,
    items,
  };
}

const ICON: Record<GoLiveStatus, string> = { PASS: '✅', FAIL: '❌', 'NOT RUN': '⏭️', MANUAL: '📝' };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderGoLiveMarkdown(report: GoLiveReport): string {
  const { totals, run } = report;
  const lines = [
    `# Go-live checklist: ${report.environment}`,
    '',
    `Run of ${run.startedAt}: ${run.passed} passed, ${run.failed} failed, ${run.flaky} flaky, ${run.skipped} skipped ` +
      `(${(run.durationMs / 1000).toFixed(1)} s).`,
    '',
    `**${totals.PASS} PASS · ${totals.FAIL} FAIL · ${totals['NOT RUN']} NOT RUN · ${totals.MANUAL} MANUAL**` +
      (report.uncovered.length ? ` · uncovered: ${report.uncovered.join(', ')}` : ''),
  ];
  let section = '';
  for (const item of report.items) {
    if (item.section !== section) {
      section = item.section;
      lines.push('', `## ${section}`, '', '| ID | Item | Status | Reason | Specs |', '|---|---|---|---|---|');
    }
    const specs = item.tests.map((t) => `${t.test} (${t.status})`).join('<br>');
    lines.push(
      `| ${item.id} | [${cell(item.title)}](${item.docs}) | ${ICON[item.status]} ${item.status} | ${cell(item.reason ?? '')} | ${cell(specs)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** One self-contained page (no scripts, no external assets): opens offline over file://. */
export function renderGoLiveHtml(report: GoLiveReport): string {
  const { totals, run } = report;
  const rows = report.items
    .map((item) => {
      const specs = item.tests
        .map(
          (t) =>
            `<li class="${t.status}">${escapeHtml(t.test)} <span>${t.status}${t.note ? `: ${escapeHtml(t.note)}` : ''}</span></li>`,
        )
        .join('');
      return `<tr class="${item.status.replace(' ', '-').toLowerCase()}" data-id="${item.id}">
<td>${item.id}</td><td>${escapeHtml(item.section)}</td><td><a href="${escapeHtml(item.docs)}">${escapeHtml(item.title)}</a></td>
<td class="status">${item.status}</td><td>${escapeHtml(item.reason ?? '')}</td><td><ul>${specs}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Go-live checklist: ${escapeHtml(report.environment)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
.pass .status{color:#1a7f37}.fail .status{color:#cf222e;font-weight:bold}.not-run .status{color:#9a6700}.manual .status{color:#0969da}
ul{margin:0;padding-left:1rem}li span{color:#57606a}.totals span{margin-right:1rem;font-weight:bold}
</style></head><body>
<h1>Go-live checklist: ${escapeHtml(report.environment)}</h1>
<p id="run">Run of ${escapeHtml(run.startedAt)}: <b id="passed">${run.passed}</b> passed, <b id="failed">${run.failed}</b> failed,
<b id="flaky">${run.flaky}</b> flaky, <b id="skipped">${run.skipped}</b> skipped (${(run.durationMs / 1000).toFixed(1)} s).</p>
<p class="totals"><span id="total-pass">${totals.PASS} PASS</span><span id="total-fail">${totals.FAIL} FAIL</span>
<span id="total-not-run">${totals['NOT RUN']} NOT RUN</span><span id="total-manual">${totals.MANUAL} MANUAL</span></p>
<table><thead><tr><th>ID</th><th>Section</th><th>Item</th><th>Status</th><th>Reason</th><th>Specs</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>Generated ${escapeHtml(report.generatedAt)} by migo-contract-tests.</p>
</body></html>
`;
}
