/**
 * The redacting reporter. Listed FIRST in playwright.config.ts: Playwright calls reporters one after the other, in
 * the configured order, with the same result objects (playwright/lib/runner: `Multiplexer`), so what this reporter
 * changes in place is what every later reporter sees: the list reporter (the console), the run recorder,
 * allure-playwright and the JSON, blob and HTML reporters.
 *
 * On every event it
 * - takes the secrets a worker learned from the reserved attachment (./channel.ts), registers them and removes the
 *   attachment, before any later reporter can see it;
 * - redacts the test's errors, step errors and titles, stdout and stderr, annotations and text attachments;
 * - rewrites the text files attached to the result inside the output folders (Playwright's `error-context.md`,
 *   without its page snapshot) before allure-playwright or the HTML reporter copy them.
 *
 * A chunk of console output is handed to each reporter by value, so it cannot be changed here: the workers redact
 * their own console output before Playwright sends it (fixtures/worker-output.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import type {
  FullConfig,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';
import { CHANNEL_KEY_VARIABLE, LEARNED_SECRETS_ATTACHMENT, createChannelKey, openSecrets } from './channel';
import { ERROR_CONTEXT_ATTACHMENT, rewriteErrorContext } from './error-context';
import { redact } from './pass';
import { registerSecret } from './registry';

type Attachment = TestResult['attachments'][number];

const TEXT_TYPES = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|x-ndjson|javascript|yaml))/i;
const TEXT_EXTENSIONS = new Set(['.md', '.txt', '.json', '.jsonl', '.log', '.yaml', '.yml', '.html', '.xml']);

export default class RedactingReporter implements Reporter {
  private readonly key = createChannelKey();
  private outputDirs: string[] = [];
  private readonly cleaned = new WeakSet<Attachment>();
  private readonly stdioCleaned = new WeakMap<TestResult, { stdout: number; stderr: number }>();

  constructor() {
    // Workers are started after the reporters exist and inherit this: only then do they send learned secrets.
    process.env[CHANNEL_KEY_VARIABLE] = this.key;
    registerSecret(this.key);
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, _suite: Suite): void {
    this.outputDirs = [...new Set(config.projects.map((project) => resolve(project.outputDir)))];
  }

  onStdOut(_chunk: string | Buffer, _test?: TestCase, result?: TestResult): void {
    if (!result) return;
    this.absorb(result);
    this.cleanStdio(result);
  }

  onStdErr(_chunk: string | Buffer, _test?: TestCase, result?: TestResult): void {
    if (!result) return;
    this.absorb(result);
    this.cleanStdio(result);
  }

  onStepBegin(_test: TestCase, result: TestResult, step: TestStep): void {
    this.absorb(result);
    step.title = redact(step.title);
  }

  onStepEnd(_test: TestCase, result: TestResult, step: TestStep): void {
    this.absorb(result);
    this.cleanStep(step, false);
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    this.absorb(result);
    for (const error of result.errors) redactError(error);
    if (result.error && !result.errors.includes(result.error)) redactError(result.error);
    for (const step of result.steps) this.cleanStep(step, true);
    this.cleanStdio(result, true);
    for (const annotation of result.annotations)
      if (annotation.description) annotation.description = redact(annotation.description);
    // Again, with every secret the test learned: the JSON, HTML and Allure reporters read them from here on.
    for (const attachment of result.attachments) this.cleanAttachment(attachment);
  }

  onError(error: TestError): void {
    redactError(error);
  }

  /**
   * On every event, before the later reporters see it: registers the learned secrets and removes their
   * attachments, then cleans the attachments added since (the blob reporter sends them at each step's end).
   */
  private absorb(result: TestResult): void {
    this.takeLearnedSecrets(result);
    for (const attachment of result.attachments)
      if (!this.cleaned.has(attachment)) {
        this.cleaned.add(attachment);
        this.cleanAttachment(attachment);
      }
  }

  /** Registers the learned secrets and removes their attachments from the result and its steps. */
  private takeLearnedSecrets(result: TestResult): void {
    if (!result.attachments.some(isChannel)) return;
    for (const attachment of result.attachments.filter(isChannel)) {
      try {
        if (attachment.body)
          for (const secret of openSecrets(attachment.body, this.key))
            registerSecret(secret.value, secret.kind);
      } catch {
        // Not sealed with this run's key: dropped unread all the same.
      }
    }
    removeChannel(result.attachments);
    const visit = (steps: TestStep[]) => {
      for (const step of steps) {
        removeChannel(step.attachments);
        visit(step.steps);
      }
    };
    visit(result.steps);
  }

  private cleanStep(step: TestStep, deep: boolean): void {
    step.title = redact(step.title);
    if (step.error) redactError(step.error);
    if (deep) for (const child of step.steps) this.cleanStep(child, true);
  }

  /**
   * Redacts the chunks added since the last call (`all`: every chunk, again, with the secrets learned since):
   * redacting every chunk on every event made the reporter quadratic in a chatty test's output.
   */
  private cleanStdio(result: TestResult, all = false): void {
    const done = all ? { stdout: 0, stderr: 0 } : (this.stdioCleaned.get(result) ?? { stdout: 0, stderr: 0 });
    for (const stream of ['stdout', 'stderr'] as const) {
      const chunks = result[stream];
      for (let i = done[stream]; i < chunks.length; i += 1) {
        const chunk = chunks[i]!;
        chunks[i] = typeof chunk === 'string' ? redact(chunk) : Buffer.from(redact(chunk.toString('utf8')));
      }
      done[stream] = chunks.length;
    }
    this.stdioCleaned.set(result, done);
  }

  private cleanAttachment(attachment: Attachment): void {
    if (attachment.body && TEXT_TYPES.test(attachment.contentType))
      attachment.body = Buffer.from(redact(attachment.body.toString('utf8')));
    const path = attachment.path && resolve(attachment.path);
    if (!path || !this.isOutput(path)) return;
    if (!TEXT_TYPES.test(attachment.contentType) && !TEXT_EXTENSIONS.has(extname(path).toLowerCase())) return;
    try {
      const text = readFileSync(path, 'utf8');
      const clean = attachment.name === ERROR_CONTEXT_ATTACHMENT ? rewriteErrorContext(text) : redact(text);
      if (clean !== text) writeFileSync(path, clean);
    } catch {
      // A file that is gone cannot be copied by anyone either.
    }
  }

  /** Only files Playwright or a test wrote under a project's output folder are rewritten, never a source file. */
  private isOutput(path: string): boolean {
    return this.outputDirs.some((dir) => {
      const rel = relative(dir, path);
      return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/');
    });
  }
}

function isChannel(attachment: Attachment): boolean {
  return attachment.name === LEARNED_SECRETS_ATTACHMENT;
}

function removeChannel(attachments: Attachment[]): void {
  for (let i = attachments.length - 1; i >= 0; i -= 1)
    if (isChannel(attachments[i]!)) attachments.splice(i, 1);
}

/**
 * Redacts an error in place: its message, stack, value, code snippet and cause, and the ARIA snapshot a failed
 * `toMatchAriaSnapshot` carries (`errorContext`, not in the public type).
 */
function redactError(error: TestError & { errorContext?: string }): void {
  if (error.message) error.message = redact(error.message);
  if (error.errorContext) error.errorContext = redact(error.errorContext);
  if (error.stack) error.stack = redact(error.stack);
  if (error.value) error.value = redact(error.value);
  if (error.snippet) error.snippet = redact(error.snippet);
  if (error.cause) redactError(error.cause);
}
