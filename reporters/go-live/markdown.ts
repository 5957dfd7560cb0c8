/** reports/go-live.md: the sign-off document as Markdown, with the same statuses and categories as the HTML. */
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
import type { GoLiveEntry, GoLiveReport } from './verdict';

const ICON = { PASS: '✅', FAIL: '❌', 'NOT RUN': '⏭️', SIMULATED: '🧪', MANUAL: '📝' } as const;

// `<token>` in a title would render as an HTML tag (and vanish); `|` would end a table cell.
const cell = (text: string) =>
  text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function itemDetails(item: GoLiveEntry): string[] {
  const lines: string[] = [];
  if (item.check)
    lines.push(
      '',
      `**${item.id}: what to check.** ${cell(item.check)}`,
      '',
      `${SIGN_OFF}: ______________________ Date: ____________`,
    );
  if (item.evidence.length > 0) {
    lines.push('', `<details><summary>${item.id} evidence: ${evidenceSummary(item.evidence)}</summary>`, '');
    for (const outcome of item.evidence)
      lines.push(
        `- *${outcome.role}* ${cell(outcome.title)} (${cell(whereDefined(outcome))}): ${cell(outcomeText(outcome))}`,
      );
    lines.push('', '</details>');
  }
  return lines;
}

export function renderGoLiveMarkdown(report: GoLiveReport): string {
  const lines = [`# ${title(report)}`, ''];
  if (report.banner) lines.push(`> **${cell(report.banner)}**`, '');
  for (const fact of runFacts(report)) lines.push(`- **${fact.label}:** ${cell(fact.lines.join('; '))}`);
  lines.push('', `**${countsLine(report.totals)}**`);
  const categories = categoryLines(report);
  if (categories.length > 0) lines.push('', 'FAIL by category:', ...categories.map((c) => `- ${c}`));
  if (report.uncovered.length > 0)
    lines.push('', `Decisive specs missing from this run: ${report.uncovered.join(', ')}`);
  for (const section of report.sections) {
    const items = report.items.filter((item) => item.section === section.name);
    lines.push(
      '',
      `## ${section.name}`,
      '',
      countsLine(section.totals),
      '',
      '| ID | Item | Status | Reason |',
      '|---|---|---|---|',
    );
    for (const item of items)
      lines.push(
        `| ${item.id} | [${cell(item.title)}](${item.docs}) | ${ICON[item.status]} ${item.status}${item.category ? ` (${item.category})` : ''} | ${cell(item.reason ?? '')} |`,
      );
    for (const item of items) lines.push(...itemDetails(item));
  }
  return `${lines.join('\n')}\n`;
}
