/**
 * `migo-contract validate <schema-name> <file.json>`: checks a saved body against the contract.
 * Exit 0 valid, 1 invalid (one `path: message` line per error), 2 bad usage or unreadable input.
 * Only paths and schema messages are printed, never values from the file: bodies can hold tokens.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  isSchemaName,
  SCHEMA_NAMES,
  schemaSummary,
  undocumentedFields,
  validate,
  type SchemaName,
} from '../../schemas/registry';
import { UsageError } from '../usage-error';
import { editDistance } from '../../fixtures/config/edit-distance';

const USAGE = 'usage: migo-contract validate <schema-name> <file.json> | validate --list';

/**
 * The largest input validated: 10 MiB, ten times fastify's default body limit and far above any documented
 * response. Only this much (plus one byte) is ever read, so `validate x /dev/zero` stops at once.
 */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
const LIST_HINT = 'Run "npx migo-contract validate --list" to see every schema name.';

function listNames(): void {
  const width = Math.max(...SCHEMA_NAMES.map((name) => name.length));
  for (const name of SCHEMA_NAMES) console.log(`${name.padEnd(width)}  ${schemaSummary(name)}`);
}

/** Names a typo or a partial name most likely meant. */
function closeNames(input: string): SchemaName[] {
  const wanted = input.toLowerCase();
  const scored = SCHEMA_NAMES.map((name) => ({
    name,
    score: name.includes(wanted) ? 0 : editDistance(wanted, name),
  }));
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return scored
    .filter(({ score }) => score <= limit)
    .sort((a, b) => a.score - b.score)
    .slice(0, 5)
    .map(({ name }) => name);
}

function schemaName(input: string): SchemaName {
  if (isSchemaName(input)) return input;
  const close = closeNames(input);
  const suggestion = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '';
  throw new UsageError(`unknown schema name "${input}".${suggestion} ${LIST_HINT}`);
}

/** The file's text, reading at most MAX_INPUT_BYTES + 1 bytes. */
function readText(file: string): string {
  const buffer = Buffer.allocUnsafe(MAX_INPUT_BYTES + 1);
  let size = 0;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (let read = -1; read !== 0 && size < buffer.length; size += read)
      read = readSync(fd, buffer, size, buffer.length - size, null);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read "${file}" (${reason}): give the path of a JSON file.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (size > MAX_INPUT_BYTES)
    throw new UsageError(
      `"${file}" is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the most validate reads: give the saved body of one response or callback.`,
    );
  return buffer.toString('utf8', 0, size);
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    problem: string,
  ) {
    super(problem);
  }
}

/**
 * Finds the first syntax error of a JSON text. JSON.parse's own message is not used: V8 quotes the text around
 * the error, which may hold a token, and does not always give a position.
 */
function findSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (problem: string): never => {
    throw new JsonSyntaxError(i, problem);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const string = () => {
    i += 1;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i += 1;
        return;
      }
      if (c < ' ') fail('a control character (e.g. a raw line break) inside a string');
      i += c === '\\' ? 2 : 1;
    }
    fail('a string that is never closed');
  };
  const items = (close: string, item: () => void) => {
    i += 1;
    space();
    if (text.charAt(i) === close) {
      i += 1;
      return;
    }
    for (;;) {
      item();
      space();
      const c = text.charAt(i);
      i += 1;
      if (c === close) return;
      if (c !== ',') {
        i -= 1;
        fail(`"," or "${close}" expected`);
      }
    }
  };
  const value = (): void => {
    space();
    const c = text.charAt(i);
    if (c === '{') {
      return items('}', () => {
        space();
        if (text.charAt(i) !== '"') fail('a "quoted" property name expected (no trailing comma allowed)');
        string();
        space();
        if (text.charAt(i) !== ':') fail('":" expected after the property name');
        i += 1;
        value();
      });
    }
    if (c === '[') return items(']', value);
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(
      text.slice(i),
    );
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(c === '' ? 'the text ends before the JSON value is complete' : 'a JSON value expected');
  };
  try {
    value();
    space();
    if (i < text.length) fail('extra text after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    // The scanner recurses per nesting level: thousands of unclosed brackets exhaust the stack.
    if (error instanceof RangeError) return new JsonSyntaxError(-1, 'arrays or objects nested too deeply');
    throw error;
  }
}

function parseJson(file: string, raw: string): unknown {
  const text = raw.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    const found = findSyntaxError(text);
    // A saved text/plain body (the dismiss OK) is the usual reason for a bare word.
    const hint = /^\s*[A-Za-z]/.test(text)
      ? ' A text body such as OK must be saved as the JSON string "OK".'
      : '';
    if (!found) throw new UsageError(`"${file}" is not valid JSON (check string escapes).${hint}`);
    if (found.offset < 0) throw new UsageError(`"${file}" is not valid JSON: ${found.message}.`);
    const before = text.slice(0, found.offset);
    const line = before.split('\n').length;
    const column = found.offset - before.lastIndexOf('\n');
    throw new UsageError(
      `"${file}" is not valid JSON at line ${line}, column ${column}: ${found.message}.${hint}`,
    );
  }
}

const pathLabel = (path: string) => (path === '' ? '(root)' : path);

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--list')) {
    if (argv.length > 1) throw new UsageError(`--list takes no other argument. ${USAGE}`);
    listNames();
    return 0;
  }
  const unknownOption = argv.find((arg) => arg.startsWith('-'));
  if (unknownOption) throw new UsageError(`unknown option "${unknownOption}". ${USAGE}`);
  const [nameArg, file, ...extra] = argv;
  if (nameArg === undefined || file === undefined || extra.length > 0) {
    throw new UsageError(`expected a schema name and one file. ${USAGE}. ${LIST_HINT}`);
  }
  const name = schemaName(nameArg);
  const value = parseJson(file, readText(file));
  const result = validate(name, value);
  if (!result.valid) {
    console.log(`invalid: ${name} (${file})`);
    for (const error of result.errors) console.log(`${pathLabel(error.path)}: ${error.message}`);
    return 1;
  }
  console.log(`valid: ${name}`);
  // Not a failure: the versioning page says clients ignore unknown fields; this is what drift reports show.
  let undocumented: string[];
  try {
    undocumented = undocumentedFields(name, value);
  } catch (error) {
    // Copying a body nested thousands of levels deep exhausts the stack; the verdict above still stands.
    if (!(error instanceof RangeError)) throw error;
    console.log('note: the body is nested too deeply to list its undocumented fields');
    return 0;
  }
  for (const path of undocumented) {
    console.log(`note: ${pathLabel(path)} is not in the documented contract (allowed; reported as drift)`);
  }
  return 0;
}
