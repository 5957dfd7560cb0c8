/**
 * The nightly template (ci-templates/github/nightly-sandbox.yml) lists the secrets and variables a real nightly
 * sandbox run needs in the order `npx migo-contract doctor --env sandbox` asks for them, secrets from the secret
 * store only, and the rehearsal's generated .env.sandbox follows the same order: the same steps, with the
 * simulator's values in place of Migo's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { doctorReport } from '../../cli/commands/doctor';
import { ConfigEnvSchema, resolveConfig } from '../../fixtures/config';
import { sandboxEnv } from '../../scripts/rehearsal/sandbox-env';
import type { SimulatorLine } from '../../scripts/rehearsal/simulator-process';

const TEMPLATE = join(__dirname, '..', '..', 'ci-templates', 'github', 'nightly-sandbox.yml');

/**
 * Variables doctor shows without naming them while they are unset (their defaults hold): where they are asked
 * for is where doctor shows what they set.
 */
const SHOWN_AS: Record<string, string> = {
  MIGO_CARDHOLDER_NAME: '\nCardholder:',
  MIGO_CARDHOLDER_EMAIL: '\nCardholder:',
  MIGO_CARDHOLDER_PHONE: '\nCardholder:',
  MIGO_CALLBACK_PORT: '\n  receiver ',
};

/** Asked for by doctor, and not for the nightly to set, with why. */
const NOT_FOR_THE_NIGHTLY: Record<string, string> = {
  MIGO_SANDBOX_MERCHANT_TOKEN: 'production runs only (doctor says so)',
  MIGO_WALLET_PRIVATE_KEY_FILE: 'the alternative to MIGO_WALLET_PRIVATE_KEY: CI holds the key as a secret',
  MIGO_CHROMIUM_PATH: "the runner's own browser, installed by the template's browser step",
};

/** Set per command, not asked for by doctor: they may close the list. */
const PER_COMMAND = ['MIGO_RUN_LABEL'];

/** What doctor prints for a sandbox run with nothing configured: the questions, before any answer. */
function emptySandboxReport(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'migo-doctor-order-'));
  try {
    return doctorReport(resolveConfig({ env: { MIGO_ENV: 'sandbox' }, cwd }), { envFromFlag: true }).text;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Where doctor first asks for `name` in `report`; -1 when it never does. */
function askedAt(report: string, name: string): number {
  const named = new RegExp(`\\b${name}\\b`).exec(report)?.index ?? -1;
  if (named !== -1) return named;
  return SHOWN_AS[name] ? report.indexOf(SHOWN_AS[name]) : -1;
}

/** The MIGO_* names of the template's matrix job, in order, with where each value comes from. */
function templateVariables(): { name: string; source: string }[] {
  const text = readFileSync(TEMPLATE, 'utf8');
  const job = text.slice(text.indexOf('\n  matrix:\n'), text.indexOf('\n    steps:\n'));
  return [...job.matchAll(/^ {6}(MIGO_[A-Z0-9_]+): (.*)$/gm)].map(([, name, value]) => ({
    name: name!,
    source: value!.trim(),
  }));
}

test("the template's variables come in the order doctor asks for them, and include all it asks for", () => {
  const report = emptySandboxReport();
  const listed = templateVariables().map((v) => v.name);
  const asked = listed.filter((name) => !PER_COMMAND.includes(name));
  const unknown = asked.filter((name) => askedAt(report, name) === -1);
  expect(unknown, 'template variables doctor never asks for').toEqual([]);
  expect(asked, 'sorted by where doctor asks for them').toEqual(
    [...asked].sort((a, b) => askedAt(report, a) - askedAt(report, b)),
  );
  expect(listed.slice(asked.length), 'per-command variables close the list').toEqual(
    listed.filter((name) => PER_COMMAND.includes(name)),
  );
  const everyAsked = [...new Set(report.match(/\bMIGO_[A-Z0-9_]+\b/g) ?? [])];
  const missing = everyAsked.filter((name) => !listed.includes(name) && !(name in NOT_FOR_THE_NIGHTLY));
  expect(missing, 'asked for by doctor, missing from the template').toEqual([]);
  expect(listed[0]).toBe('MIGO_ENV');
});

test('secrets come from the secret store, everything else from variables', () => {
  const properties = ConfigEnvSchema.properties as Record<string, { writeOnly?: boolean }>;
  for (const { name, source } of templateVariables()) {
    if (properties[name]?.writeOnly) expect(source, name).toBe(`\${{ secrets.${name} }}`);
    else expect(source, name).not.toContain('secrets.');
  }
});

test("the rehearsal's .env.sandbox lists the template's variables in the same order", () => {
  const line = {
    middleware: 'https://127.0.0.1:1',
    walletGateway: 'https://127.0.0.1:2/rest',
    cms: 'https://127.0.0.1:3/cms/rest',
    webview: 'https://127.0.0.1:4',
    checkout: { layout: 'frames' },
    credentials: {
      merchantToken: 'a'.repeat(64),
      clientSlug: 'sim',
      privateKey: 'p',
      publicKey: 'q',
      walletMerchant: 'w',
      walletPrivateKey: 'k',
      applicationId: 'app',
      cmsMerchant: 'c',
      cmsEmail: 'cms@example.com',
      cmsPassword: 'pw',
      partnerId: '1',
    },
    ca: '',
  } as unknown as SimulatorLine;
  const rehearsal = Object.keys(
    sandboxEnv(line, { port: 8787, callbackUrl: 'https://t/callback', returnUrl: 'https://t/return' }),
  );
  const template = templateVariables().map((v) => v.name);
  const common = (names: string[], other: string[]) => names.filter((name) => other.includes(name));
  expect(common(rehearsal, template)).toEqual(common(template, rehearsal));
  // The rehearsal answers every question the nightly answers about Migo (it sets its own run label).
  const unanswered = template.filter(
    (name) =>
      !rehearsal.includes(name) &&
      ![
        'MIGO_ENV',
        'MIGO_RUN_LABEL',
        // The merchant's own systems: the simulator stands in for Migo, not for the merchant.
        'MIGO_MERCHANT_HANDLER_URL',
        'MIGO_MERCHANT_FULFILMENT_URL',
        // The rehearsal keeps the key in a file beside .env.sandbox (MIGO_WALLET_PRIVATE_KEY_FILE).
        'MIGO_WALLET_PRIVATE_KEY',
      ].includes(name),
  );
  expect(unanswered).toEqual([]);
});
