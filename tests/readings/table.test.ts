/**
 * The table of readings is well-formed: one independent question per reading, at least two options each, a
 * default among them, a doc source (a quote, or what the page leaves unsaid) for every option, unique names, and
 * every file it names as affected reads the reading. `npx migo-contract readings --json` prints it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { test, expect } from '@playwright/test';
import { redact, redactValue } from '../../reporters/redaction';
import { DOC_PAGES } from '../../schemas/doc-pages';
import { ERROR_CATALOG, STATUS_RULE_ORDER } from '../../schemas/error-catalog';
import {
  ASSUMPTION_DIFFERS_PATTERN,
  DEFAULT_READINGS,
  READINGS,
  READING_NAMES,
  assumptionDiffersMessage,
  readingPages,
} from '../../schemas/readings';

const root = join(__dirname, '..', '..');
const PAGES = new Set<string>(Object.values(DOC_PAGES));

test('every reading is a named question with at least two options and a default among them', () => {
  expect(new Set(READING_NAMES).size, 'reading names are unique').toBe(READING_NAMES.length);
  for (const reading of READINGS) {
    expect(reading.name, 'kebab-case name').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(reading.question, `${reading.name}: the question`).toMatch(/\?$/);
    expect(['sent', 'answered']).toContain(reading.kind);
    expect(reading.options.length, `${reading.name}: options`).toBeGreaterThanOrEqual(2);
    const names = reading.options.map((option) => option.name);
    expect(new Set(names).size, `${reading.name}: option names are unique`).toBe(names.length);
    // MIGO_READINGS=name=option,… and the assumption-differs sentence need options without , = ; or spaces.
    for (const name of names) expect(name, `${reading.name}: option name`).toMatch(/^[^\s,=;]+$/);
    expect(names, `${reading.name}: the default is an option`).toContain(reading.default);
    expect(DEFAULT_READINGS[reading.name as keyof typeof DEFAULT_READINGS]).toBe(reading.default);
  }
});

test('every option has a doc source: a page of the docs with a quote, or what the page does not say', () => {
  // Collected, then asserted once: an expect per option and source (hundreds) cost seconds.
  const problems: string[] = [];
  for (const reading of READINGS)
    for (const option of reading.options) {
      const at = `${reading.name}=${option.name}`;
      if (option.means.trim() === '') problems.push(`${at}: what it means is empty`);
      if (option.sources.length === 0) problems.push(`${at}: no sources`);
      for (const source of option.sources) {
        if (!PAGES.has(source.page)) problems.push(`${at}: ${source.page} is not a doc page`);
        const text = 'quote' in source ? source.quote : source.silent;
        if (text.trim() === '') problems.push(`${at}: empty quote or silence`);
      }
    }
  expect(problems).toEqual([]);
  expect(readingPages(READINGS[0]!).length).toBeGreaterThan(0);
});

test('every catalog code without a documented status is a reading over the statuses the precedence rule allows', () => {
  const undocumented = ERROR_CATALOG.filter((row) => 'assumedHttp' in row);
  expect(undocumented.length).toBeGreaterThan(0);
  for (const row of undocumented) {
    const reading = READINGS.find((r) => r.name === `error-status-${row.code}`);
    expect(reading, `error-status-${row.code}`).toBeDefined();
    expect(reading!.options.map((o) => Number(o.name))).toEqual([...STATUS_RULE_ORDER]);
    expect(reading!.default).toBe(String((row as { assumedHttp: number }).assumedHttp));
    expect(reading!.alias).toBe('MIGO_ERROR_STATUSES');
  }
});

test('the variables that existed before the table are aliases of readings', () => {
  const aliases = Object.fromEntries(
    READINGS.filter((r) => r.alias && !r.name.startsWith('error-status-')).map((r) => [r.alias!, r.name]),
  );
  expect(aliases).toEqual({
    MIGO_WALLET_REFRESH_PATH: 'wallet-refresh-path',
    MIGO_APPLICATION_ID_HEADER: 'application-id-header',
  });
});

test('every file a reading names as affected exists and reads the reading from the profile', () => {
  for (const reading of READINGS) {
    expect(reading.affects.length, `${reading.name}: affected files`).toBeGreaterThan(0);
    // Generated readings are read through their common prefix (error-status-<code>).
    const name = reading.name.startsWith('error-status-') ? 'error-status-' : reading.name;
    for (const file of reading.affects) {
      const path = join(root, file);
      expect(existsSync(path), `${reading.name}: ${file} exists`).toBe(true);
      expect(readFileSync(path, 'utf8').includes(name), `${file} reads ${reading.name}`).toBe(true);
    }
  }
});

test('the assumption-differs sentence is exactly the one reports match', () => {
  const sentence = assumptionDiffersMessage('callback-status-case', 'lowercase', 'uppercase');
  expect(sentence).toBe(
    'reading callback-status-case is lowercase in this run; the target answered as uppercase; set MIGO_READINGS=callback-status-case=uppercase once Migo confirms it',
  );
  expect(sentence.match(ASSUMPTION_DIFFERS_PATTERN)?.slice(1)).toEqual([
    'callback-status-case',
    'lowercase',
    'uppercase',
  ]);
});

test('reports keep the sentence and the readings whole: redaction touches neither', () => {
  // Collected, then asserted once: an expect per option pair (hundreds) cost seconds.
  const changed: string[] = [];
  for (const reading of READINGS)
    for (const option of reading.options) {
      const profile = { ...DEFAULT_READINGS, [reading.name]: option.name };
      if (!isDeepStrictEqual(redactValue(profile), profile))
        changed.push(`${reading.name}=${option.name} in run-summary.json`);
      for (const other of reading.options.filter((o) => o !== option)) {
        const sentence = assumptionDiffersMessage(reading.name, option.name, other.name);
        if (redact(sentence) !== sentence) changed.push(sentence);
      }
    }
  expect(changed).toEqual([]);
});

test('npx migo-contract readings --json prints [{name, options, default, sources}] for every reading', () => {
  const out = execFileSync(process.execPath, [join(root, 'bin', 'migo-contract.cjs'), 'readings', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const printed = JSON.parse(out) as {
    name: string;
    options: { name: string }[];
    default: string;
    sources: string[];
  }[];
  expect(printed.map((r) => r.name)).toEqual([...READING_NAMES]);
  for (const [i, reading] of READINGS.entries()) {
    expect(printed[i]!.options.map((o) => o.name)).toEqual(reading.options.map((o) => o.name));
    expect(printed[i]!.default).toBe(reading.default);
    expect(printed[i]!.sources).toEqual(readingPages(reading));
  }
  const text = execFileSync(process.execPath, [join(root, 'bin', 'migo-contract.cjs'), 'readings'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(text).toContain('* merchant-slug');
  expect(text).toContain(`${READINGS.length} readings`);
});

test('npx migo-contract readings refuses an unknown argument with exit 2', () => {
  let status = 0;
  let stderr = '';
  try {
    execFileSync(process.execPath, [join(root, 'bin', 'migo-contract.cjs'), 'readings', '--yaml'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    ({ status, stderr } = error as { status: number; stderr: string });
  }
  expect(status).toBe(2);
  expect(stderr).toContain('unknown argument "--yaml"');
});
