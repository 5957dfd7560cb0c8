import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

/** `tempCwd(files)`: a fresh working directory holding the given dotenv files, removed after the test. */
export const test = base.extend<{ tempCwd: (files?: Record<string, string>) => string }>({
  tempCwd: async ({}, use) => {
    const dirs: string[] = [];
    await use((files = {}) => {
      const dir = mkdtempSync(join(tmpdir(), 'migo-config-'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      dirs.push(dir);
      return dir;
    });
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  },
});

/** A dotenv file; single quotes keep values literal (a `\\n` in a PEM stays for the loader to expand). */
export function dotenv(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}='${value}'`)
    .join('\n');
}

/** Appends the Luhn check digit to a digit string. */
export function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The same number with its last digit changed: fails the Luhn check. */
export function breakLuhn(pan: string): string {
  return `${pan.slice(0, -1)}${(Number(pan.at(-1)) + 1) % 10}`;
}

export function ed25519Pem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function rsaPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** Secrets whose appearance anywhere in output is a leak. */
export const CANARY = {
  token: 'c0ffee'.padEnd(64, 'a'),
  sandboxToken: 'deadbeef'.padEnd(64, 'b'),
  hookPrivateKey: 'canary-hook-private-key-1f2e3d',
  cmsPassword: 'canary-cms-password-9x8y7z',
  callbackSecret: 'canary-callback-secret-5q6w',
  // Luhn-valid, not a known test card; the last 4 digits are the only part that may be shown.
  pan: withLuhn('431940123456789'),
  productionPan: withLuhn('520474112233445'),
  cvc: '987',
} as const;

/** A complete sandbox configuration, every surface configured, with canary secrets. */
export function sandboxEnv(keyPem: string): Record<string, string> {
  return {
    MIGO_ENV: 'sandbox',
    MIGO_MERCHANT_TOKEN: CANARY.token,
    MIGO_CLIENT_SLUG: 'migoDeveloper',
    MIGO_HOOK_PRIVATE_KEY: CANARY.hookPrivateKey,
    MIGO_HOOK_PUBLIC_KEY: '3f0c1a52-8a4b-4c0e-9a53-0d1c2b3a4f50',
    MIGO_WALLET_MERCHANT: 'wallet-merchant',
    MIGO_WALLET_PRIVATE_KEY: keyPem.replace(/\n/g, '\\n'),
    MIGO_APPLICATION_ID: 'app-123',
    MIGO_CMS_MERCHANT: 'cms-merchant',
    MIGO_CMS_EMAIL: 'qa@example.com',
    MIGO_CMS_PASSWORD: CANARY.cmsPassword,
    MIGO_CMS_PARTNER_ID: '42',
    MIGO_CARD_APPROVED: `${CANARY.pan}|12/39|${CANARY.cvc}`,
    MIGO_CALLBACK_PUBLIC_URL: 'https://hooks.merchant-shop.com/migo',
    MIGO_CALLBACK_HEADER: 'x-api-key',
    MIGO_CALLBACK_SECRET: CANARY.callbackSecret,
  };
}
