/**
 * Playwright writes `error-context.md` next to a failed test and attaches it, so reporters copy it (Allure, HTML).
 * It holds the error messages and, unless PLAYWRIGHT_NO_COPY_PROMPT is set, an ARIA snapshot of the page, with
 * the value of every textbox: on a checkout page, the typed card number and CVC. The snapshot section is removed
 * whatever Playwright did (the variable is internal and may change), and the rest goes through redaction.
 */
import { redact } from './pass';

export const ERROR_CONTEXT_ATTACHMENT = 'error-context';
export const SNAPSHOT_REMOVED =
  '(removed by the suite: a page snapshot records what was typed, a card number and CVC on a checkout page)';

/** `error-context.md` without its page snapshot, redacted. Idempotent. */
export function rewriteErrorContext(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let inSnapshot = false;
  for (const line of lines) {
    if (/^# /.test(line)) {
      inSnapshot = /^# Page snapshot\s*$/i.test(line);
      out.push(line);
      if (inSnapshot) out.push('', SNAPSHOT_REMOVED, '');
      continue;
    }
    if (!inSnapshot) out.push(line);
  }
  return redact(out.join('\n'));
}
