/**
 * The `.env.sandbox` a sandbox user would write, here for the simulator standing in for Migo's sandbox: its URLs
 * and credentials, Migo's test cards (the simulator's), the receiver's fixed port and public URLs, and selectors
 * for the hosted fields as a user would name the frames of a real webview. Nothing else configures the run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_VARIABLES } from '../../fixtures/config/cards';
import type { CheckoutSelectors } from '../../fixtures/checkout-selectors';
import {
  TEST_CARDS,
  TEST_CARD_CVC,
  TEST_CARD_EXPIRY,
  type SimulatorCredentials,
  type TestCardKey,
} from '../../simulator';
import type { SimulatorLine } from './simulator-process';

/** Where the receiver listens and how Migo (and the browser) reach it. */
export interface ReceiverAddresses {
  port: number;
  /** The public callback URL (the tunnel). */
  callbackUrl: string;
  /** The merchant return URL (the receiver's return page, through the tunnel). */
  returnUrl: string;
}

/** The card fields named by their frames; the buttons are left to the search through every frame. */
export const REHEARSAL_SELECTORS: Partial<CheckoutSelectors> = {
  cardNumber: { frame: 'iframe[name=number]', selector: 'input' },
  expiry: { frame: 'iframe[name=expiry]', selector: 'input' },
  cvc: { frame: 'iframe[name=cvc]', selector: 'input' },
};

/** The wallet key goes in a file beside the env file, as MIGO_WALLET_PRIVATE_KEY_FILE (relative to it). */
export const WALLET_KEY_FILE = 'wallet-ed25519.pem';

/** One `NAME=value` line; single quotes keep JSON and PEM-free values literal for dotenv. */
function line(name: string, value: string | number): string {
  const text = String(value);
  if (/['\n\r]/.test(text)) throw new Error(`${name} cannot be written to a dotenv file as is`);
  return /^[\w.:/@+|-]*$/.test(text) ? `${name}=${text}` : `${name}='${text}'`;
}

/**
 * The MIGO_* variables that point a run at a simulator started elsewhere, with its credentials, as a sandbox run
 * configures Migo's: its four URLs and every surface's credentials (the wallet key inline).
 */
export function simulatorVariables(
  urls: { middleware: string; walletGateway: string; cms: string; webview: string },
  c: SimulatorCredentials,
): Record<string, string> {
  return {
    MIGO_MIDDLEWARE_URL: urls.middleware,
    MIGO_WALLET_URL: urls.walletGateway,
    MIGO_CMS_URL: urls.cms,
    MIGO_WEBVIEW_URL: urls.webview,
    MIGO_MERCHANT_TOKEN: c.merchantToken,
    MIGO_CLIENT_SLUG: c.clientSlug,
    MIGO_HOOK_PRIVATE_KEY: c.privateKey,
    MIGO_HOOK_PUBLIC_KEY: c.publicKey,
    MIGO_WALLET_MERCHANT: c.walletMerchant,
    MIGO_WALLET_PRIVATE_KEY: c.walletPrivateKey,
    MIGO_APPLICATION_ID: c.applicationId,
    MIGO_CMS_MERCHANT: c.cmsMerchant,
    MIGO_CMS_EMAIL: c.cmsEmail,
    MIGO_CMS_PASSWORD: c.cmsPassword,
    MIGO_CMS_PARTNER_ID: c.partnerId,
  };
}

/** The simulator credentials that are secrets: what a leak scan must not find in any artifact. */
export function simulatorSecrets(c: SimulatorCredentials): string[] {
  return [c.merchantToken, c.privateKey, c.walletPrivateKey, c.cmsPassword];
}

/** The rehearsal's disposable cardholder base: each run registers a fresh identity derived from it. */
export const REHEARSAL_CARDHOLDER = {
  MIGO_CARDHOLDER_NAME: 'Rehearsal Cardholder',
  MIGO_CARDHOLDER_EMAIL: 'rehearsal@example.com',
  MIGO_CARDHOLDER_PHONE: '+50255550000',
} as const;

/**
 * The variables in the order `npx migo-contract doctor` asks for them, as the nightly template lists them
 * (ci-templates/github/nightly-sandbox.yml; tests/rehearsal/nightly-template.test.ts checks both): the base URLs
 * a real sandbox run leaves at their documented defaults come first, as doctor shows them.
 */
export function sandboxEnv(
  simulator: SimulatorLine,
  receiver: ReceiverAddresses,
): Record<string, string | number> {
  const v = simulatorVariables(simulator, simulator.credentials);
  const cards = Object.fromEntries(
    (Object.keys(CARD_VARIABLES) as TestCardKey[]).map((outcome) => [
      CARD_VARIABLES[outcome],
      `${TEST_CARDS[outcome].pan}|${TEST_CARD_EXPIRY}|${TEST_CARD_CVC}`,
    ]),
  );
  return {
    MIGO_MIDDLEWARE_URL: v.MIGO_MIDDLEWARE_URL!,
    MIGO_WALLET_URL: v.MIGO_WALLET_URL!,
    MIGO_CMS_URL: v.MIGO_CMS_URL!,
    MIGO_WEBVIEW_URL: v.MIGO_WEBVIEW_URL!,
    MIGO_MERCHANT_TOKEN: v.MIGO_MERCHANT_TOKEN!,
    MIGO_CLIENT_SLUG: v.MIGO_CLIENT_SLUG!,
    MIGO_HOOK_PRIVATE_KEY: v.MIGO_HOOK_PRIVATE_KEY!,
    MIGO_HOOK_PUBLIC_KEY: v.MIGO_HOOK_PUBLIC_KEY!,
    MIGO_WALLET_MERCHANT: v.MIGO_WALLET_MERCHANT!,
    // A PEM does not fit on one dotenv line: a file beside it, as a careful user keeps it.
    MIGO_WALLET_PRIVATE_KEY_FILE: WALLET_KEY_FILE,
    MIGO_CMS_MERCHANT: v.MIGO_CMS_MERCHANT!,
    MIGO_CMS_EMAIL: v.MIGO_CMS_EMAIL!,
    MIGO_CMS_PASSWORD: v.MIGO_CMS_PASSWORD!,
    MIGO_CMS_PARTNER_ID: v.MIGO_CMS_PARTNER_ID!,
    ...REHEARSAL_CARDHOLDER,
    ...cards,
    MIGO_CALLBACK_PORT: receiver.port,
    MIGO_CALLBACK_PUBLIC_URL: receiver.callbackUrl,
    MIGO_CHECKOUT_SELECTORS: JSON.stringify(REHEARSAL_SELECTORS),
    MIGO_APPLICATION_ID: v.MIGO_APPLICATION_ID!,
    MIGO_RETURN_URL: receiver.returnUrl,
  };
}

/** Writes `.env.sandbox` and the wallet key into `dir` (the run's working directory). */
export function writeSandboxEnv(dir: string, simulator: SimulatorLine, receiver: ReceiverAddresses): string {
  writeFileSync(join(dir, WALLET_KEY_FILE), simulator.credentials.walletPrivateKey, { mode: 0o600 });
  const file = join(dir, '.env.sandbox');
  const lines = Object.entries(sandboxEnv(simulator, receiver)).map(([name, value]) => line(name, value));
  writeFileSync(
    file,
    `# Generated by npm run rehearsal for its standalone simulator; its credentials die with it.\n${lines.join('\n')}\n`,
    { mode: 0o600 },
  );
  return file;
}
