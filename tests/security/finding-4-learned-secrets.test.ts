/**
 * Issue 9, finding 4: secrets the run learns (credentials fetched from a simulator or proxy started elsewhere,
 * issued tokens) were registered only in the worker that learned them; a failure message quoting them reached
 * the console, Allure, error-context.md and the run directory. Card numbers grouped by dots and `cvc 123` passed
 * redaction. Here: each half of the channel (worker → runner) and the new patterns; the whole run, scanned, is
 * forced-failure.proof.ts.
 *
 * Proved failing on 7b3ea5d: there was no channel (reporters/redaction/channel.ts, reporter.ts and
 * fixtures/worker-redaction.ts did not exist), and redact() left `4000.0000.0000.1000`, `cvc 123` and a
 * secret's base64 at an odd offset untouched.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { FullConfig, Suite, TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { forwardLearnedSecrets } from '../../fixtures/worker-redaction';
import { redact, registerSecret } from '../../reporters/redaction';
import {
  CHANNEL_KEY_VARIABLE,
  LEARNED_SECRETS_ATTACHMENT,
  SEALED_CONTENT_TYPE,
  createChannelKey,
  openSecrets,
  sealSecrets,
} from '../../reporters/redaction/channel';
import RedactingReporter from '../../reporters/redaction/reporter';

const fresh = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

test('a worker sends each secret it learns to the runner, sealed, in the test that learned it', () => {
  const key = createChannelKey();
  const forwarding = forwardLearnedSecrets({ [CHANNEL_KEY_VARIABLE]: key });
  const secret = fresh('refresh-token');
  try {
    registerSecret(secret, 'token');
  } finally {
    forwarding.stop();
  }
  const sent = test.info().attachments.filter((a) => a.name === LEARNED_SECRETS_ATTACHMENT);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.contentType).toBe(SEALED_CONTENT_TYPE);
  expect(sent[0]!.body!.toString('latin1')).not.toContain(secret);
  expect(openSecrets(sent[0]!.body!, key)).toEqual([{ value: secret, kind: 'token' }]);
});

test('without the redacting reporter (no channel key) a worker sends nothing', () => {
  const forwarding = forwardLearnedSecrets({});
  try {
    registerSecret(fresh('unsent'));
  } finally {
    forwarding.stop();
  }
  expect(test.info().attachments.filter((a) => a.name === LEARNED_SECRETS_ATTACHMENT)).toEqual([]);
});

test('the redacting reporter learns the secret, removes the attachment, and redacts errors, steps and output', () => {
  const before = process.env[CHANNEL_KEY_VARIABLE];
  const reporter = new RedactingReporter();
  try {
    const key = process.env[CHANNEL_KEY_VARIABLE]!;
    const secret = fresh('fetched-cms-password');
    expect(redact(`quote ${secret}`), 'not known before the attachment').toContain(secret);
    const channel = {
      name: LEARNED_SECRETS_ATTACHMENT,
      contentType: SEALED_CONTENT_TYPE,
      body: sealSecrets([{ value: secret, kind: 'password' }], key),
    };
    const forged = {
      ...channel,
      body: sealSecrets([{ value: fresh('forged'), kind: 'secret' }], createChannelKey()),
    };
    const step = {
      title: `step quoting ${secret}`,
      attachments: [channel],
      steps: [],
      error: { message: `step failed on ${secret}` },
    } as unknown as TestStep;
    const note = { name: 'note', contentType: 'text/plain', body: Buffer.from(`note ${secret}`) };
    const result = {
      attachments: [channel, forged, note],
      steps: [step],
      errors: [{ message: `expected ${secret}`, stack: `Error: expected ${secret}\n    at x` }],
      stdout: [`out ${secret}`],
      stderr: [Buffer.from(`err ${secret}`)],
      annotations: [{ type: 'why', description: `because ${secret}` }],
    } as unknown as TestResult;
    reporter.onBegin({ projects: [] } as unknown as FullConfig, {} as Suite);

    reporter.onStepEnd({} as TestCase, result, step);
    expect(
      result.attachments.map((a) => a.name),
      'both sealed attachments are gone',
    ).toEqual(['note']);
    expect(step.attachments).toEqual([]);
    expect(step.title).toBe('step quoting [REDACTED:password]');
    expect(step.error?.message).toBe('step failed on [REDACTED:password]');
    expect(note.body.toString()).toBe('note [REDACTED:password]');

    reporter.onTestEnd({} as TestCase, result);
    const everything = JSON.stringify({ ...result, stderr: result.stderr.map(String) });
    expect(everything).not.toContain(secret);
    expect(result.errors[0]!.message).toBe('expected [REDACTED:password]');
  } finally {
    process.env[CHANNEL_KEY_VARIABLE] = before;
    if (before === undefined) delete process.env[CHANNEL_KEY_VARIABLE];
  }
});

test('card numbers in any common grouping and a CVC next to its label are redacted', () => {
  expect(redact('card 4000.0000.0000.1000')).toBe('card ••••.••••.••••.1000');
  expect(redact('card 4000\u00a00000\u00a00000\u00a01000')).toBe('card ••••\u00a0••••\u00a0••••\u00a01000');
  expect(redact('amex 3782.822463.10005')).toBe('amex ••••.••••••.•0005');
  expect(redact('cvc 123, CVV: 4567, CVV2 321')).toBe(
    'cvc [REDACTED:cvv], CVV: [REDACTED:cvv], CVV2 [REDACTED:cvv]',
  );
  expect(redact('- textbox "Security code": "987"')).toBe('- textbox "Security code": "[REDACTED:cvv]"');
  // Not card data: version numbers, amounts, a CVC label without digits.
  for (const text of ['v1.2.3.4', 'amount 1000.50', 'the cvc is required', 'build 2025.11.22.1'])
    expect(redact(text)).toBe(text);
});

test("a learned secret's base64 is redacted at any offset inside a longer base64 text", () => {
  const secret = fresh('merchant-token');
  registerSecret(secret, 'token');
  for (const prefix of ['', 'a', 'ab', '{"token":"'])
    expect(redact(Buffer.from(`${prefix}${secret}"}`).toString('base64'))).toMatch(/\[REDACTED:token\]/);
});
