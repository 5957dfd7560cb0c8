/**
 * Test outcomes between two runs, by stable test id. A test that fails now and did not fail before (passed,
 * flaky, skipped, or absent because it is new) is a new failure: that is what blocks a merge or a go-live.
 */
import type { TestRecord, TestStatus } from './run-dir';

export interface TestChange {
  id: string;
  title: string;
  file: string;
  project: string;
  before?: TestStatus;
  after?: TestStatus;
  retries?: number;
  error?: string;
}

export interface TestsDiff {
  newFailures: TestChange[];
  fixed: TestChange[];
  stillFailing: TestChange[];
  /** Passed only after a retry in the current run. */
  flaky: TestChange[];
  /** Ids only in the current run / only in the baseline. */
  added: string[];
  removed: string[];
}

export function diffTests(baseline: readonly TestRecord[], current: readonly TestRecord[]): TestsDiff {
  const before = new Map(baseline.map((t) => [t.id, t]));
  const now = new Map(current.map((t) => [t.id, t]));
  const out: TestsDiff = { newFailures: [], fixed: [], stillFailing: [], flaky: [], added: [], removed: [] };
  for (const t of now.values()) {
    const b = before.get(t.id);
    const change: TestChange = {
      id: t.id,
      title: t.title,
      file: t.file,
      project: t.project,
      after: t.status,
    };
    if (b) change.before = b.status;
    else out.added.push(t.id);
    if (t.retries > 0) change.retries = t.retries;
    if (t.error && (t.status === 'failed' || t.status === 'flaky')) change.error = t.error;
    if (t.status === 'failed') (b?.status === 'failed' ? out.stillFailing : out.newFailures).push(change);
    else if (b?.status === 'failed' && (t.status === 'passed' || t.status === 'flaky'))
      out.fixed.push(change);
    if (t.status === 'flaky') out.flaky.push(change);
  }
  for (const id of before.keys()) if (!now.has(id)) out.removed.push(id);
  for (const list of [out.newFailures, out.fixed, out.stillFailing, out.flaky])
    list.sort((a, b) => a.id.localeCompare(b.id));
  out.added.sort();
  out.removed.sort();
  return out;
}
