/**
 * Scans a run's artifacts for secrets: every file under the given folders (reports, test results, Allure results,
 * the Allure report and Playwright's JSON, blob and HTML reports; embedded base64 data and zip archives are opened
 * first) and any captured output. Finds the exact secrets in play, in every form redaction knows (plain,
 * URL-encoded, JSON-escaped, base64 at any offset, PEM body), and, by pattern, what redaction recognises: card
 * numbers in any grouping, CVCs by key or label, JWTs, PEM private keys, bearer tokens. A hit names the file and
 * the kind, with a redacted preview: the scanner never prints what it found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { findLeaks, secretForms, type LeakKind } from './redaction';
import { zipEntries } from './zip-entries';

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
const BINARY = new Set(['.png', '.jpg', '.jpeg', '.webm', '.gz', '.woff', '.woff2']);

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

/** Playwright's HTML report: `<template id="playwrightReportBase64">data:application/zip;base64,…</template>`. */
function embeddedHtmlReport(html: string): Buffer | undefined {
  const data = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(html)?.[1];
  return data ? Buffer.from(data, 'base64') : undefined;
}

/**
 * Every secret of `secrets` (in any form) in `text`, and, unless `exactOnly`, every pattern leak. Bundled
 * application code (the scripts of an HTML report) is matched for exact secrets only: minified code is full of
 * `password:` and `token=` that are no data.
 */
export function scanText(
  where: string,
  text: string,
  secrets: readonly string[],
  options: { exactOnly?: boolean } = {},
): LeakHit[] {
  const hits: LeakHit[] = [];
  for (const secret of secrets) {
    if (secretForms(secret).some((form) => text.includes(form)))
      hits.push({
        where,
        kind: 'exact-secret',
        preview: `a configured secret of ${secret.length} characters`,
      });
  }
  if (options.exactOnly) return hits;
  for (const leak of findLeaks(text)) {
    if (LEAK_KINDS.has(leak.kind)) hits.push({ where, kind: leak.kind, preview: leak.preview });
  }
  return hits;
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/gi;

/** Every leak in the files under `paths` and in the captured `outputs` (e.g. `{ stdout: '…' }`). */
export function scanArtifacts(
  paths: readonly string[],
  secrets: readonly string[],
  outputs: Record<string, string> = {},
): { filesScanned: number; hits: LeakHit[] } {
  const hits: LeakHit[] = [];
  let filesScanned = 0;
  const scanZip = (where: string, zip: Buffer) => {
    for (const entry of zipEntries(zip))
      hits.push(...scanText(`${where} › ${entry.name}`, entry.data.toString('utf8'), secrets));
  };
  for (const file of paths.flatMap(files)) {
    const extension = extname(file).toLowerCase();
    if (BINARY.has(extension)) continue;
    filesScanned += 1;
    if (extension === '.zip') {
      scanZip(file, readFileSync(file));
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (extension !== '.html') {
      hits.push(...scanText(file, text, secrets));
      continue;
    }
    hits.push(...scanText(file, text.replace(SCRIPT, ''), secrets));
    const scripts = (text.match(SCRIPT) ?? []).join('\n');
    hits.push(...scanText(`${file} (scripts)`, scripts, secrets, { exactOnly: true }));
    for (const data of embeddedAllureData(text))
      hits.push(...scanText(`${file} (embedded data)`, data, secrets));
    const report = embeddedHtmlReport(text);
    if (report) scanZip(`${file} (embedded report)`, report);
  }
  for (const [name, text] of Object.entries(outputs)) hits.push(...scanText(name, text, secrets));
  return { filesScanned, hits };
}
