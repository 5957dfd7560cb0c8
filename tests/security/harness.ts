/** Child processes for the security tests: the resolved matrix config for a command line, listings, runs. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { nestedEnv } from '../../bench/nested-run';

export const root = join(__dirname, '..', '..');
export const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node <args>` in the project folder with a fresh environment (see nestedEnv) plus `env`; asynchronous. */
export function node(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: nestedEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface ResolvedMatrixConfig {
  retries: number;
  repeatEach: number;
  use: { trace: string; screenshot: string; video: string };
  projects: { name: string; grep?: string }[];
  reporters: string[];
  workerEnv: { PLAYWRIGHT_NO_COPY_PROMPT: string | null };
}

export interface Resolved {
  config?: ResolvedMatrixConfig;
  /** The message the config stopped with. */
  refusal?: string;
  /** What the config printed as warnings. */
  warnings: string[];
}

/**
 * playwright.config.ts as resolved for `playwright test <args>` with `env`, one case after the other in one child
 * process (tests/security/print-config.ts).
 */
export async function resolvedConfigs(
  cases: { args: string[]; env: Record<string, string> }[],
): Promise<Resolved[]> {
  const result = await node([tsxCli, join(__dirname, 'print-config.ts'), JSON.stringify(cases)]);
  const lines = result.stdout.split('\n').filter((line) => line.startsWith('{'));
  if (lines.length !== cases.length) throw new Error(`print-config failed: ${result.stderr.slice(-2000)}`);
  return lines.map((line) => JSON.parse(line) as Resolved);
}

export async function resolvedConfig(args: string[], env: Record<string, string>): Promise<Resolved> {
  return (await resolvedConfigs([{ args, env }]))[0]!;
}

/** A production configuration the guard allows: made-up credentials, a made-up disposable card. */
export const SAFE_PRODUCTION: Record<string, string> = {
  MIGO_ENV: 'production',
  MIGO_MERCHANT_TOKEN: 'c0ffee'.padEnd(64, 'a'),
  MIGO_CLIENT_SLUG: 'merchantShop',
  MIGO_CONFIRM_PRODUCTION: 'merchantShop',
  MIGO_CARDHOLDER_NAME: 'Disposable Person',
  MIGO_CARDHOLDER_EMAIL: 'disposable@merchant-shop.com',
  MIGO_CARDHOLDER_PHONE: '+50255550000',
  // Luhn-valid, no test card of any list or rule.
  MIGO_PRODUCTION_CARD: '5204741122334453|11/38|123',
  MIGO_CALLBACK_PUBLIC_URL: 'https://hooks.merchant-shop.com/migo',
  MIGO_CHARGE_AMOUNT: '1.00',
};

/** The specs a forced-failure run fails, and the contract mutations that make them fail on card data and credentials. */
export const FORCED_FAILURE_SPECS = [
  'specs/checkout/happy-path.spec.ts',
  'specs/checkout/card-data-never-echoed.spec.ts',
  'specs/security/card-tokenization.spec.ts',
  'specs/payment-links/merchant-token.spec.ts',
  'specs/auth/wallet-token-refresh.spec.ts',
  'specs/auth/cms-user-token.spec.ts',
];
export const FORCED_FAILURE_MUTATIONS = [
  'pan-in-card-response',
  'pan-in-return-url',
  'cvv-in-callback',
  'wrong-token-accepted',
  'refresh-not-rotating',
];
