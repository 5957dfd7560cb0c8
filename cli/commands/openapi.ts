/**
 * `migo-contract openapi [--out FILE]`: the OpenAPI 3.1 document built from the schemas, on stdout or in FILE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildOpenApiDocument } from '../../schemas/openapi';
import { UsageError } from '../usage-error';

const USAGE = 'usage: migo-contract openapi [--out FILE]';

function outFile(argv: string[]): string | undefined {
  const [first, second, ...extra] = argv;
  if (first === undefined) return undefined;
  if (first.startsWith('--out=') && second === undefined) return nonEmpty(first.slice('--out='.length));
  if (first === '--out' && extra.length === 0) return nonEmpty(second);
  throw new UsageError(`unexpected argument "${first}". ${USAGE}`);
}

function nonEmpty(file: string | undefined): string {
  if (!file) throw new UsageError(`--out needs a file name, e.g. --out dist/migo.openapi.json. ${USAGE}`);
  return file;
}

export async function run(argv: string[]): Promise<number> {
  const file = outFile(argv);
  const document = buildOpenApiDocument();
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (file === undefined) {
    process.stdout.write(text);
    return 0;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot write "${file}" (${reason}): choose a writable path for --out.`);
  }
  const paths = Object.keys(document.paths ?? {}).length;
  const schemas = Object.keys(document.components?.schemas ?? {}).length;
  console.log(`wrote ${file} (OpenAPI ${document.openapi}: ${paths} paths, ${schemas} schemas)`);
  return 0;
}
