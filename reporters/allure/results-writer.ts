/**
 * Allure's result writer, without an fsync per file. allure-js-commons' FileSystemWriter writes every result,
 * container and attachment to a temporary file, fsyncs it and renames it into place: some 350 files per matrix run,
 * about 2 s of the runner blocked on the disk (`npm run bench`, reportersMs). Nothing here needs the files to
 * survive a power cut: `npm run matrix` reads them a moment later to build the report. The write-then-rename stays,
 * so a reader never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Globals, TestResult, TestResultContainer } from 'allure-js-commons';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';

type EnvironmentInfo = Parameters<Writer['writeEnvironmentInfo']>[0];
type Category = Parameters<Writer['writeCategoriesDefinitions']>[0][number];

export class ResultsWriter implements Writer {
  private created = false;

  constructor(private readonly resultsDir: string) {}

  writeResult(result: TestResult): void {
    this.publish(`${result.uuid}-result.json`, (path) => writeFileSync(path, JSON.stringify(result)));
  }

  writeGroup(result: TestResultContainer): void {
    this.publish(`${result.uuid}-container.json`, (path) => writeFileSync(path, JSON.stringify(result)));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.publish(distFileName, (path) => writeFileSync(path, content));
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    this.publish(distFileName, (path) => copyFileSync(from, path));
  }

  writeEnvironmentInfo(info: EnvironmentInfo): void {
    this.publish('environment.properties', (path) => writeFileSync(path, stringifyEnvInfo(info)));
  }

  writeCategoriesDefinitions(categories: Category[]): void {
    this.publish('categories.json', (path) => writeFileSync(path, JSON.stringify(categories)));
  }

  writeGlobals(distFileName: string, info: Globals): void {
    this.publish(distFileName, (path) => writeFileSync(path, JSON.stringify(info)));
  }

  /** Writes `name` through a temporary file in the same folder, renamed into place when complete. */
  private publish(name: string, write: (path: string) => void): void {
    if (!this.created) {
      mkdirSync(this.resultsDir, { recursive: true });
      this.created = true;
    }
    const path = join(this.resultsDir, name);
    const temporary = join(dirname(path), `.allure-write-${randomUUID()}.tmp`);
    try {
      write(temporary);
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}
