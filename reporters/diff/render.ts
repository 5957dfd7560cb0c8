/**
 * The regression report as Markdown (for people: CI job summaries, PR comments) and JSON (for tools). Both pass
 * through redaction on the way out: error messages come from test failures and may quote a response.
 */
import { redact, redactValue } from '../redaction';
import type { EndpointDrift, FieldChange } from './drift';
import type { RunDiff, RunRef } from './index';
import type { LatencyRow } from './latency';
import type { TestChange } from './tests-diff';

export function renderJson(diff: RunDiff): string {
  return `${JSON.stringify(redactValue(diff), null, 2)}\n`;
}

export function renderMarkdown(diff: RunDiff): string {
  const lines: string[] = [];
  lines.push(`# Regression report: ${diff.current.name} vs ${diff.baseline.name}`, '');
  lines.push(
    diff.verdict === 'fail'
      ? `**FAIL**: ${diff.reasons.join(', ')}.`
      : '**PASS**: no new failures and no breaking schema drift.',
    '',
  );
  lines.push(...runTable(diff.baseline, diff.current), '');
  for (const note of diff.notes) lines.push(`> ${note}`);
  if (diff.notes.length) lines.push('');
  lines.push(...testsSection(diff), ...driftSection(diff), ...latencySection(diff));
  return `${redact(
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd(),
  )}\n`;
}

function runTable(b: RunRef, c: RunRef): string[] {
  const counts = (r: RunRef) => `${r.passed} / ${r.failed} / ${r.flaky} / ${r.skipped}`;
  return [
    '| | Baseline | Current |',
    '|---|---|---|',
    `| Run | ${code(b.dir)} | ${code(c.dir)} |`,
    `| Started | ${cell(b.startedAt)} | ${cell(c.startedAt)} |`,
    `| Environment | ${cell(b.environment)} | ${cell(c.environment)} |`,
    `| Commit | ${b.commit ? code(b.commit.slice(0, 12)) : '—'} | ${c.commit ? code(c.commit.slice(0, 12)) : '—'} |`,
    `| Passed / failed / flaky / skipped | ${counts(b)} | ${counts(c)} |`,
  ];
}

function testsSection(diff: RunDiff): string[] {
  const t = diff.tests;
  const lines = [
    '## Tests',
    '',
    `New failures ${t.newFailures.length} · fixed ${t.fixed.length} · still failing ${t.stillFailing.length} · ` +
      `flaky ${t.flaky.length} · added ${t.added.length} · removed ${t.removed.length}`,
    '',
  ];
  const group = (title: string, list: TestChange[], withError: boolean) => {
    if (!list.length) return;
    lines.push(`### ${title} (${list.length})`, '');
    for (const change of list) {
      const was = change.before ? `was ${change.before}` : 'new test';
      const retries = change.retries
        ? `, ${change.retries} ${change.retries === 1 ? 'retry' : 'retries'}`
        : '';
      const error = withError && change.error ? `: ${errorSummary(change.error)}` : '';
      lines.push(`- ${code(change.id)} (${was}${retries})${error}`);
    }
    lines.push('');
  };
  group('New failures', t.newFailures, true);
  group('Still failing', t.stillFailing, true);
  group('Flaky', t.flaky, true);
  group('Fixed', t.fixed, false);
  const ids = (title: string, list: string[]) => {
    if (!list.length) return;
    lines.push(`### ${title} (${list.length})`, '', ...list.map((id) => `- ${code(id)}`), '');
  };
  ids('Added tests', t.added);
  ids('Removed tests', t.removed);
  return lines;
}

function driftSection(diff: RunDiff): string[] {
  const lines = ['## Schema drift', ''];
  const { compared, onlyInBaseline, onlyInCurrent } = diff.coverage;
  if (!diff.drift.length) {
    lines.push(
      `No drift in the ${compared} response ${compared === 1 ? 'shape' : 'shapes'} seen in both runs.`,
      '',
    );
  }
  for (const d of diff.drift) lines.push(...driftTable(d));
  if (onlyInBaseline.length || onlyInCurrent.length) {
    lines.push('Responses seen in one run only (not compared):', '');
    for (const key of onlyInBaseline) lines.push(`- baseline only: ${code(key)}`);
    for (const key of onlyInCurrent) lines.push(`- current only: ${code(key)}`);
    lines.push('');
  }
  return lines;
}

function driftTable(d: EndpointDrift): string[] {
  const rows = (kind: string, list: FieldChange[]) =>
    list.map((f) => {
      const under = f.beneath ? ` (+${f.beneath} beneath)` : '';
      return `| ${kind} | ${code(f.pointer === '' ? '(body)' : f.pointer)}${under} | ${cell(f.before ?? '—')} | ${cell(f.after ?? '—')} |`;
    });
  return [
    `### ${code(d.endpoint)} → ${d.status} (${d.surface})${d.breaking ? ': **breaking**' : ''}`,
    '',
    '| Change | Field | Baseline | Current |',
    '|---|---|---|---|',
    ...rows('removed', d.removed),
    ...rows('retyped', d.retyped),
    ...rows('added', d.added),
    '',
  ];
}

function latencySection(diff: RunDiff): string[] {
  const th = diff.thresholds;
  const lines = [
    '## Latency',
    '',
    `A regression is a p95 up by more than ${th.p95Pct} % and more than ${th.p95Ms} ms, with at least ` +
      `${th.minSamples} samples in each run${diff.failOnLatency ? ' (regressions fail the verdict)' : ''}.`,
    '',
  ];
  if (!diff.latency.length) return [...lines, 'No exchanges were observed in either run.', ''];
  lines.push('| Endpoint | Samples | p50 ms | p95 ms | Δ p95 | |', '|---|---|---|---|---|---|');
  for (const row of diff.latency) lines.push(latencyRow(row));
  return [...lines, ''];
}

function latencyRow(row: LatencyRow): string {
  const pair = (b: number | undefined, c: number | undefined) => `${fmt(b)} → ${fmt(c)}`;
  const delta =
    row.p95DeltaMs === undefined
      ? '—'
      : `${sign(row.p95DeltaMs)} ms${row.p95DeltaPct === undefined ? '' : ` (${sign(row.p95DeltaPct)} %)`}`;
  return (
    `| ${code(row.endpoint)} (${row.surface}) | ${pair(row.baseline?.count, row.current?.count)} | ` +
    `${pair(row.baseline?.p50, row.current?.p50)} | ${pair(row.baseline?.p95, row.current?.p95)} | ${delta} | ` +
    `${row.regression ? '⚠ regression' : ''} |`
  );
}

function fmt(n: number | undefined): string {
  return n === undefined ? '—' : String(Math.round(n * 10) / 10);
}

function sign(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Inline code that survives backticks and pipes inside the value. */
function code(text: string): string {
  const clean = oneLine(text).replace(/\|/g, '\\|');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|') || '—';
}

/** The first lines of a failure (`Error: expect…` alone says little; Expected / Received say what broke). */
function errorSummary(error: string): string {
  const lines = error
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '));
  return oneLine(lines.slice(0, 3).join(' · ')).replace(/`/g, "'");
}

function oneLine(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = first.trim();
  return trimmed.length > 300 ? `${trimmed.slice(0, 297)}…` : trimmed;
}
