/**
 * The learned-secrets channel: a test worker learns secrets the runner never sees (credentials fetched from a
 * simulator started elsewhere, access and refresh tokens, CMS tokens), yet the runner's reporters write the
 * failure messages that may quote them. The worker sends each new secret as a test attachment with a reserved
 * name; the redacting reporter (./reporter.ts), listed first, registers it and removes the attachment before any
 * other reporter sees it.
 *
 * The body is sealed (AES-256-GCM) with a key that only the redacting reporter creates and hands to the workers
 * through the environment: without that reporter no worker sends anything, and if an attachment ever escaped
 * it would hold ciphertext, never a secret.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { LeakKind } from './kinds';

export const LEARNED_SECRETS_ATTACHMENT = 'migo-learned-secrets';
/** Set by the redacting reporter in the runner before the workers start; workers inherit it. */
export const CHANNEL_KEY_VARIABLE = 'MIGO_SECRET_CHANNEL_KEY';
export const SEALED_CONTENT_TYPE = 'application/vnd.migo.sealed';

export interface LearnedSecret {
  value: string;
  kind: LeakKind;
}

export function createChannelKey(): string {
  return randomBytes(32).toString('base64url');
}

export function sealSecrets(secrets: readonly LearnedSecret[], key: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64url'), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** @throws when the body was not sealed with `key` (or was altered). */
export function openSecrets(body: Buffer, key: string): LearnedSecret[] {
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64url'), body.subarray(0, 12));
  decipher.setAuthTag(body.subarray(12, 28));
  const text = Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]).toString('utf8');
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (s): s is LearnedSecret => !!s && typeof s === 'object' && typeof (s as LearnedSecret).value === 'string',
  );
}
