/**
 * The files inside a zip archive, for the leak scan: Playwright's blob report is a zip, and its HTML report
 * embeds one (base64) in index.html. Stored and deflated entries only, which is what both write.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entries of `zip`; an archive it cannot read gives none (the scan then reads the raw bytes). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  // The end-of-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1)
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  if (end < 0) return [];
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count && at + 46 <= zip.length; n += 1) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) break;
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    try {
      if (method === 0) entries.push({ name, data: Buffer.from(raw) });
      else if (method === 8) entries.push({ name, data: inflateRawSync(raw) });
    } catch {
      // A damaged entry is skipped; the others are still read.
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
