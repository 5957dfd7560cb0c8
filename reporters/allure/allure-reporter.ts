/**
 * allure-playwright, with two changes that take ~2.5 s off a matrix run (`npm run bench`, reportersMs):
 * - results are written without an fsync per file ({@link ResultsWriter});
 * - the labels and links that come from the go-live checklist are added here, in the runner, from the test's static
 *   annotations ({@link allureMetadataFor}), instead of being sent from the worker one IPC message per label.
 *
 * allure-playwright creates its runtime (and so its writer) in onBegin and keeps the test's result uuid in a map; both
 * are private in its types, hence the narrow view below. tests/reporters/allure-reporter.test.ts runs it for real.
 */
import type { Suite, TestCase } from '@playwright/test/reporter';
import { AllureReporter } from 'allure-playwright';
import type { TestResult } from 'allure-js-commons';
import type { Writer } from 'allure-js-commons/sdk/reporter';
import { allureMetadataFor } from './labels';
import { ResultsWriter } from './results-writer';

type AllurePlaywrightOptions = ConstructorParameters<typeof AllureReporter>[0];

/** What this subclass touches of allure-playwright's private state (allure-playwright 3.12). */
interface AllureInternals {
  allureRuntime: {
    writer: Writer;
    updateTest(uuid: string, update: (result: TestResult) => void): void;
  };
  allureResultsUuids: Map<string, string>;
}

export default class MigoAllureReporter extends AllureReporter {
  private readonly resultsDir: string;

  constructor(options: AllurePlaywrightOptions) {
    super(options);
    this.resultsDir = options.resultsDir ?? 'allure-results';
  }

  private get internals(): AllureInternals {
    return this as unknown as AllureInternals;
  }

  override onBegin(suite: Suite): void {
    super.onBegin(suite);
    this.internals.allureRuntime.writer = new ResultsWriter(this.resultsDir);
  }

  override onTestBegin(test: TestCase): void {
    super.onTestBegin(test);
    const uuid = this.internals.allureResultsUuids.get(test.id);
    if (uuid === undefined) return;
    const { labels, links } = allureMetadataFor(test.location.file, test.annotations);
    this.internals.allureRuntime.updateTest(uuid, (result) => {
      result.labels.push(...labels);
      result.links.push(...links);
    });
  }
}
