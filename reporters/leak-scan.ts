/**
 * Scans a run's artifacts for secrets: every text file under the given folders (reports, test results, Allure
 * results and the Allure report, whose embedded data is base64 and is decoded first) and any captured output.
 * Finds the exact secrets in play (in plain, URL-encoded and base64 form) and, by pattern, what redaction
 * recognises: full card numbers, CVVs by key, JWTs, PEM private keys, bearer tokens. A hit names the file and
 * the kind, with a redacted preview: the scanner never prints what it found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { findLeaks, type LeakKind } from './redaction';

export interface LeakHit {
  where: string;
  kind: LeakKind | 'exact-secret';
  preview: string;
}

/** Patterns that mean a leak wherever they appear in an artifact (other kinds, e.g. `token:` keys, are noisier). */
const LEAK_KINDS = new Set<LeakKind>([
  'pan',
  'cvv',
  'jwt',
  'private-key',
  'bearer',
  'merchant-token',
  'password',
]);
const BINARY = new Set(['.png', '.jpg', '.jpeg', '.webm', '.zip', '.gz', '.woff', '.woff2']);

function files(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  return readdirSync(path).flatMap((entry) => files(join(path, entry)));
}

/** The data an Allure 3 single-file report embeds as `d("name", "<base64>")`, decoded. */
export function embeddedAllureData(html: string): string[] {
  return [...html.matchAll(/\bd\("([^"]+)","([A-Za-z0-9+/=]+)"\)/g)].map(
    ([, name, data]) => `${name}\n${Buffer.from(data!, 'base64').toString('utf8')}`,
  );
}

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
}

export function scanText(where: string, text: string, secrets: readonly string[]): LeakHit[] {
  const hits: LeakHit[] = [];
  for (const secret of secrets) {
    if (forms(secret).some((form) => text.includes(form)))
      hits.push({
        where,
        kind: 'exact-secret',
        preview: `a configured secret of ${secret.length} characters`,
      });
  }
  for (const leak of findLeaks(text)) {
    if (LEAK_KINDS.has(leak.kind)) hits.push({ where, kind: leak.kind, preview: leak.preview });
  }
  return hits;
}

/** Every leak in the files under `paths` and in the captured `outputs` (e.g. `{ stdout: '…' }`). */
export function scanArtifacts(
  paths: readonly string[],
  secrets: readonly string[],
  outputs: Record<string, string> = {},
): { filesScanned: number; hits: LeakHit[] } {
  const hits: LeakHit[] = [];
  let filesScanned = 0;
  for (const file of paths.flatMap(files)) {
    if (BINARY.has(extname(file).toLowerCase())) continue;
    const text = readFileSync(file, 'utf8');
    filesScanned += 1;
    hits.push(...scanText(file, text, secrets));
    if (file.endsWith('.html'))
      for (const data of embeddedAllureData(text))
        hits.push(...scanText(`${file} (embedded data)`, data, secrets));
  }
  for (const [name, text] of Object.entries(outputs)) hits.push(...scanText(name, text, secrets));
  return { filesScanned, hits };
}
