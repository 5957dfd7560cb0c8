/**
 * Playwright reporter writing reports/go-live.{json,md,html} at the end of a run. List it after
 * run-recorder.ts: it reads the run directory that reporter has just written (results and the record of what
 * the run talked to), so both reports agree. Strict mode (`{ strict: true }` or MIGO_GO_LIVE_STRICT=1) fails the
 * run when an item this run could prove is missing one of its decisive specs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { FullResult, Reporter } from '@playwright/test/reporter';
import { RUN_FILES, type ResultsFile, type RunSummary } from './diff/run-dir';
import { buildGoLiveReport, GO_LIVE_STATUSES, renderGoLiveHtml, renderGoLiveMarkdown } from './go-live';

export interface GoLiveReporterOptions {
  reportsDir?: string;
  strict?: boolean;
}

export default class GoLiveReporter implements Reporter {
  private readonly reportsDir: string;
  private readonly strict: boolean;
  private listing = false;

  constructor(options: GoLiveReporterOptions & { _mode?: string } = {}) {
    this.reportsDir = resolve(options.reportsDir ?? 'reports');
    this.strict = options.strict ?? process.env.MIGO_GO_LIVE_STRICT === '1';
    this.listing = options._mode === 'list';
  }

  printsToStdio(): boolean {
    return false;
  }

  async onEnd(_result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const runDir = process.env.MIGO_RUN_DIR;
    if (this.listing || !runDir || !existsSync(join(runDir, RUN_FILES.results))) return undefined;
    const { tests } = JSON.parse(readFileSync(join(runDir, RUN_FILES.results), 'utf8')) as ResultsFile;
    const summary = JSON.parse(readFileSync(join(runDir, RUN_FILES.summary), 'utf8')) as RunSummary;
    const report = buildGoLiveReport(tests, summary);
    mkdirSync(this.reportsDir, { recursive: true });
    writeFileSync(join(this.reportsDir, 'go-live.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(this.reportsDir, 'go-live.md'), renderGoLiveMarkdown(report));
    writeFileSync(join(this.reportsDir, 'go-live.html'), renderGoLiveHtml(report));
    const { totals } = report;
    // Where it really went: MIGO_ARTIFACTS_DIR moves the reports folder.
    const markdown = join(this.reportsDir, 'go-live.md');
    const shown = relative(process.cwd(), markdown);
    console.log(
      `migo go-live: ${GO_LIVE_STATUSES.map((s) => `${totals[s]} ${s}`).join(', ')} → ${shown.startsWith('..') ? markdown : shown.split(sep).join('/')}` +
        (report.banner ? `\nmigo go-live: ${report.banner}` : ''),
    );
    if (this.strict && report.uncovered.length > 0) {
      console.error(
        `migo go-live (strict): decisive specs of ${report.uncovered.join(', ')} were not part of this run`,
      );
      return { status: 'failed' };
    }
    return undefined;
  }
}
