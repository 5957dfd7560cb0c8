/**
 * reports/go-live.html: the sign-off document. One offline file (inline style and a small inline script, no
 * external asset): the run's facts at the top, a summary per section, a filter by status, each item's evidence
 * collapsed with its decisive specs first, and for each manual item what to check and where to sign. Printed on
 * A4, every section starts on a new page and nothing runs off the page.
 */
import {
  categoryLines,
  countsLine,
  evidenceSummary,
  outcomeText,
  runFacts,
  SIGN_OFF,
  title,
  whereDefined,
} from './present';
import { GO_LIVE_STATUSES, type GoLiveEntry, type GoLiveReport, type GoLiveStatus } from './verdict';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** `NOT RUN` → `not-run`: the class and filter value of a status. */
export const statusClass = (status: GoLiveStatus) => status.toLowerCase().replace(' ', '-');

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .25rem}
a{color:#0550ae}
.banner{border:2px solid #9a6700;background:#fff8c5;padding:.6rem .8rem;font-weight:600}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border-bottom:1px solid #d0d7de;padding:.4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.facts th{width:11rem;font-weight:600}.facts td div+div{margin-top:.1rem}
.items col.id{width:7.5rem}.items col.status{width:8rem}
.summary col.section{width:40%}.summary td,.summary th{text-align:center}.summary td:first-child,.summary th:first-child{text-align:left}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.7rem;font-weight:700;font-size:.8rem;white-space:nowrap;border:1px solid currentColor}
.pass .badge,.badge.pass{color:#1a7f37}.fail .badge,.badge.fail{color:#cf222e}.not-run .badge,.badge.not-run{color:#9a6700}
.simulated .badge,.badge.simulated{color:#8250df}.manual .badge,.badge.manual{color:#0969da}
.reason{color:#424a53;margin:.2rem 0 0}.category{font-weight:600}
.check{margin:.4rem 0 0;padding:.4rem .6rem;border-left:3px solid #0969da;background:#f6f8fa}
.signoff{margin:.4rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem 1.5rem}
.signoff input{border:0;border-bottom:1px solid #57606a;font:inherit;width:14rem;max-width:100%;background:transparent}
details{margin:.3rem 0 0}summary{cursor:pointer;color:#57606a}
.evidence{margin:.3rem 0 0;padding-left:1.2rem}.evidence li{margin:.15rem 0}
.evidence .role{font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;color:#57606a}
.evidence .where{display:block;color:#6e7781;font-size:.8rem}
.evidence .failed .outcome,.evidence .flaky .outcome{color:#cf222e}.evidence .passed .outcome{color:#1a7f37}
#filter{border:1px solid #d0d7de;padding:.4rem .8rem;margin:1rem 0}#filter label{margin-right:1rem;white-space:nowrap}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{margin:0;max-width:none;padding:0;font-size:10pt}
  #filter{display:none}
  section.checklist{break-before:page}
  tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}`;

// Shows only the rows of the ticked statuses, and hides a section left empty.
const FILTER_SCRIPT = `
document.getElementById('filter').addEventListener('change', function () {
  var shown = {};
  document.querySelectorAll('#filter input').forEach(function (box) { shown[box.value] = box.checked; });
  document.querySelectorAll('tr.item').forEach(function (row) { row.hidden = !shown[row.dataset.status]; });
  document.querySelectorAll('section.checklist').forEach(function (section) {
    section.hidden = !section.querySelector('tr.item:not([hidden])');
  });
});`;

function badge(status: GoLiveStatus): string {
  return `<span class="badge ${statusClass(status)}">${status}</span>`;
}

function evidenceList(item: GoLiveEntry): string {
  if (item.evidence.length === 0) return '';
  const entries = item.evidence
    .map(
      (o) =>
        `<li class="${o.role} ${o.status}"><span class="role">${o.role}</span> ${escapeHtml(o.title)} — <span class="outcome">${escapeHtml(outcomeText(o))}</span><span class="where">${escapeHtml(whereDefined(o))}</span></li>`,
    )
    .join('\n');
  return `<details><summary>Evidence: ${escapeHtml(evidenceSummary(item.evidence))}</summary><ol class="evidence">\n${entries}\n</ol></details>`;
}

function manualCheck(item: GoLiveEntry): string {
  if (!item.check) return '';
  return (
    `<div class="check"><strong>What to check:</strong> ${escapeHtml(item.check)}</div>` +
    `<p class="signoff"><label>${SIGN_OFF} <input name="${item.id}-by" autocomplete="off"></label>` +
    `<label>Date <input name="${item.id}-date" autocomplete="off"></label></p>`
  );
}

function itemRow(item: GoLiveEntry): string {
  const status = statusClass(item.status);
  const reason = item.reason
    ? `<p class="reason">${item.category ? `<span class="category">${escapeHtml(item.category)}:</span> ` : ''}${escapeHtml(item.reason)}</p>`
    : '';
  return `<tr class="item ${status}" data-status="${status}" data-id="${item.id}">
<td>${item.id}</td>
<td><a href="${escapeHtml(item.docs)}">${escapeHtml(item.title)}</a>${reason}${manualCheck(item)}${evidenceList(item)}</td>
<td class="status">${badge(item.status)}</td></tr>`;
}

function section(report: GoLiveReport, name: string): string {
  const items = report.items.filter((item) => item.section === name);
  const totals = report.sections.find((s) => s.name === name)!.totals;
  return `<section class="checklist" data-section="${escapeHtml(name)}">
<h2>${escapeHtml(name)}</h2>
<p class="section-totals">${escapeHtml(countsLine(totals))}</p>
<table class="items"><colgroup><col class="id"><col><col class="status"></colgroup>
<thead><tr><th>ID</th><th>Item</th><th>Status</th></tr></thead>
<tbody>
${items.map(itemRow).join('\n')}
</tbody></table>
</section>`;
}

function summaryTable(report: GoLiveReport): string {
  const head = GO_LIVE_STATUSES.map((s) => `<th>${badge(s)}</th>`).join('');
  const rows = report.sections
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.name)}</td>${GO_LIVE_STATUSES.map((status) => `<td>${s.totals[status] || ''}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const total = GO_LIVE_STATUSES.map((status) => `<th>${report.totals[status]}</th>`).join('');
  return `<table class="summary"><colgroup><col class="section"></colgroup>
<thead><tr><th>Section</th>${head}</tr></thead>
<tbody>
${rows}
</tbody><tfoot><tr><th>All items</th>${total}</tr></tfoot></table>`;
}

export function renderGoLiveHtml(report: GoLiveReport): string {
  const { run } = report;
  const facts = runFacts(report)
    .map(
      (f) =>
        `<tr><th>${escapeHtml(f.label)}</th><td>${f.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</td></tr>`,
    )
    .join('\n');
  const categories = categoryLines(report);
  const filter = GO_LIVE_STATUSES.map(
    (s) =>
      `<label><input type="checkbox" value="${statusClass(s)}" checked> ${s} (${report.totals[s]})</label>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title(report))}</title>
<style>${STYLE}
</style></head><body>
<header>
<h1>${escapeHtml(title(report))}</h1>
${report.banner ? `<p class="banner" id="banner">${escapeHtml(report.banner)}</p>` : ''}
<table class="facts"><tbody>
${facts}
</tbody></table>
<p id="run">Tests: <b id="passed">${run.passed}</b> passed, <b id="failed">${run.failed}</b> failed,
<b id="flaky">${run.flaky}</b> flaky, <b id="skipped">${run.skipped}</b> skipped.</p>
<p class="totals">${escapeHtml(countsLine(report.totals))}</p>
${categories.length > 0 ? `<p class="categories">FAIL by category: ${categories.map(escapeHtml).join('; ')}</p>` : ''}
${summaryTable(report)}
<fieldset id="filter"><legend>Show items that are</legend>${filter}</fieldset>
</header>
<main>
${report.sections.map((s) => section(report, s.name)).join('\n')}
</main>
<footer><p>Generated ${escapeHtml(report.generatedAt)} by migo-contract-tests.</p></footer>
<script>${FILTER_SCRIPT}
</script>
</body></html>
`;
}
