/**
 * `npx migo-contract readings [--json]`: every docs-silent reading (schemas/readings.ts) with its options, today's
 * choice and the doc source of each option. `--json` prints `[{name, question, kind, options, default, sources,
 * affects, alias?}]`, where `options` carries each option's meaning and sources and `sources` lists every page the
 * reading cites. A run's profile picks options: migo-readings.json, MIGO_READINGS_FILE, MIGO_READINGS.
 */
import { READINGS, readingPages, type ReadingSource, type ReadingSpec } from '../../schemas/readings';
import { UsageError } from '../usage-error';

const USAGE = 'usage: migo-contract readings [--json]';

function asJson(reading: ReadingSpec) {
  return {
    name: reading.name,
    question: reading.question,
    kind: reading.kind,
    options: reading.options,
    default: reading.default,
    sources: readingPages(reading),
    affects: reading.affects,
    ...(reading.alias ? { alias: reading.alias } : {}),
  };
}

function sourceLine(source: ReadingSource): string {
  return 'quote' in source ? `${source.page}: "${source.quote}"` : `${source.page}: silent: ${source.silent}`;
}

function asText(reading: ReadingSpec): string {
  const lines = [
    `${reading.name}  (${reading.kind === 'sent' ? 'what the client sends' : 'what Migo answers'}${reading.alias ? `; alias ${reading.alias}` : ''})`,
    `  ${reading.question}`,
  ];
  for (const option of reading.options) {
    lines.push(`  ${option.name === reading.default ? '*' : '-'} ${option.name}: ${option.means}`);
    for (const source of option.sources) lines.push(`      ${sourceLine(source)}`);
  }
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.find((arg) => arg !== '--json' && arg !== '--help' && arg !== '-h');
  if (unknown !== undefined) throw new UsageError(`unknown argument "${unknown}". ${USAGE}`);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(
      `${USAGE}\n\nLists the readings: the questions the Migo docs leave open, each option with its doc source, * marking\ntoday's choice. A run holds the target to the options of migo-readings.json, MIGO_READINGS_FILE or\nMIGO_READINGS=name=option,… (the environment wins).`,
    );
    return 0;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(READINGS.map(asJson), null, 2)}\n`);
    return 0;
  }
  console.log(
    `${READINGS.length} readings: where the docs are silent or contradict each other (* = today's choice).\nSet others with MIGO_READINGS=name=option,… or in migo-readings.json.\n`,
  );
  console.log(READINGS.map(asText).join('\n\n'));
  return 0;
}
