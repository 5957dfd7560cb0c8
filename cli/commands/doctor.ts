/**
 * `npx migo-contract doctor [--env local|sandbox|production]`: what a run would use and what it would skip,
 * from the configuration alone. It runs no test and opens no connection. Exit 0 when the configuration is
 * valid for the target and allowed by the production guard (every target), 1 when it is not, 2 for bad arguments.
 */
import { BrowserConfigError, HOW_TO_GET_A_BROWSER, findChromium } from '../../fixtures/browser';
import {
  PRODUCTION_SAFE_TAG,
  SPEC_GROUPS,
  TARGETS,
  describeConfig,
  formatRefusals,
  groupNotRunReason,
  productionRefusals,
  resolveConfig,
  type MigoConfig,
  type ResolvedConfig,
  type Target,
} from '../../fixtures/config';
import { DEFAULT_READINGS, READING_NAMES } from '../../schemas/readings';
import { UsageError } from '../usage-error';

const USAGE = `usage: migo-contract doctor [--env ${TARGETS.join('|')}]`;

function parseArgs(argv: string[]): { env?: Target; help: boolean } {
  let env: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--env' || arg.startsWith('--env=')) {
      const value = arg === '--env' ? argv[(i += 1)] : arg.slice('--env='.length);
      if (value === undefined || value === '')
        throw new UsageError(`--env needs a value: one of ${TARGETS.join(', ')}. ${USAGE}`);
      env = value;
      continue;
    }
    throw new UsageError(`unknown argument "${arg}". ${USAGE}`);
  }
  if (env !== undefined && !(TARGETS as readonly string[]).includes(env))
    throw new UsageError(`unknown --env value "${env}": use one of ${TARGETS.join(', ')}.`);
  return { env: env as Target | undefined, help: false };
}

function browserLine(chromiumPath: string | undefined): { text: string; found: boolean } {
  try {
    const found = findChromium({ MIGO_CHROMIUM_PATH: chromiumPath });
    return found
      ? { text: `${found.executablePath ?? "Playwright's default"} (${found.source})`, found: true }
      : { text: HOW_TO_GET_A_BROWSER, found: false };
  } catch (error) {
    if (error instanceof BrowserConfigError) return { text: error.message, found: false };
    throw error;
  }
}

/**
 * The readings in force: the option this run holds the target to for every docs-silent question, and where it
 * came from (today's choice, the profile file, MIGO_READINGS or an alias variable).
 */
export function readingsSection(config: ResolvedConfig['config']): string[] {
  const differing = READING_NAMES.filter((name) => config.readings[name] !== DEFAULT_READINGS[name]);
  const width = Math.max(...READING_NAMES.map((name) => name.length));
  return [
    `Readings in force (${differing.length} of ${READING_NAMES.length} differ from today's choice; "npx migo-contract readings" explains each):`,
    ...READING_NAMES.map((name) => {
      const origin = config.readingOrigins[name];
      const where = origin ? `from ${origin}` : "today's choice";
      return `  ${name.padEnd(width)}  ${config.readings[name]}  (${where})`;
    }),
  ];
}

function targetLine(resolved: ResolvedConfig, fromFlag: boolean): string {
  const { config, problems } = resolved;
  if (problems.some((p) => p.variable === 'MIGO_ENV'))
    return `MIGO_ENV: not valid (see Problems below); the rest is shown for ${config.target}`;
  if (fromFlag) return `MIGO_ENV: ${config.target} (from --env)`;
  const origin = config.origins.MIGO_ENV;
  return `MIGO_ENV: ${config.target} (${origin ? `from ${origin === 'environment' ? 'the environment' : origin}` : 'the default'})`;
}

interface DoctorOptions {
  envFromFlag?: boolean;
}

/** One part of the report: lines to print, and whether it makes the configuration invalid. */
interface Section {
  lines: string[];
  blocks?: string;
}

function sourcesSection(resolved: ResolvedConfig, options: DoctorOptions): Section {
  const { config, files } = resolved;
  const counts = new Map<string, number>();
  for (const [name, origin] of Object.entries(config.origins))
    if (name !== 'MIGO_ENV' || !options.envFromFlag) counts.set(origin, (counts.get(origin) ?? 0) + 1);
  return {
    lines: [
      targetLine(resolved, options.envFromFlag ?? false),
      'Configuration files:',
      ...files.map(
        (file) =>
          `  ${file.name.padEnd(16)} ${file.status}  (${file.path})${file.guardOnly ? ' read only so the production guard can refuse its values' : ''}`,
      ),
      `Variables set: ${[...counts].map(([origin, n]) => `${n} from ${origin === 'environment' ? 'the environment' : origin}`).join(', ') || 'none'}`,
    ],
  };
}

function notRunSection(config: MigoConfig, browser: { found: boolean }): Section {
  const notRun = SPEC_GROUPS.flatMap((group) => {
    const reason =
      groupNotRunReason(config, group) ?? (group.browser && !browser.found ? 'no Chromium found' : undefined);
    return reason ? [`  - ${group.name}: ${reason}`] : [];
  });
  const lines = [
    notRun.length > 0
      ? `Spec groups NOT RUN (${notRun.length} of ${SPEC_GROUPS.length}):`
      : `Spec groups NOT RUN: none (all ${SPEC_GROUPS.length} can run)`,
    ...notRun,
  ];
  if (config.target === 'production')
    lines.push(`  In production only specs tagged ${PRODUCTION_SAFE_TAG} run; every other spec is NOT RUN.`);
  return { lines };
}

/** The guard's verdict, the same one every run gets before it connects anywhere. */
function guardSection(config: MigoConfig): Section {
  const refusals = productionRefusals(config);
  if (refusals.length === 0)
    return {
      lines: [
        config.target === 'production'
          ? 'Production guard: allows this run'
          : `Production guard: allows this run (MIGO_ENV=${config.target}: no production host${config.target === 'local' ? ', loopback only' : ''})`,
      ],
    };
  const count = `${refusals.length} production guard refusal${refusals.length === 1 ? '' : 's'}`;
  return {
    lines: [`Production guard: REFUSES this run (${refusals.length}):`, ...formatRefusals(refusals)],
    blocks: count,
  };
}

function warningsSection(warnings: string[]): Section {
  return { lines: warnings.length > 0 ? ['Warnings:', ...warnings.map((w) => `  ! ${w}`)] : [] };
}

function problemsSection(problems: ResolvedConfig['problems']): Section {
  if (problems.length === 0) return { lines: [] };
  return {
    lines: [
      `Problems (${problems.length}):`,
      ...problems.flatMap((p) => [`  ✗ ${p.variable}: ${p.problem}`, `    fix: ${p.fix}`]),
    ],
    blocks: `${problems.length} configuration problem${problems.length === 1 ? '' : 's'}`,
  };
}

/** The doctor's report for a resolved configuration; `ok` decides the exit code. */
export function doctorReport(
  resolved: ResolvedConfig,
  options: DoctorOptions = {},
): { ok: boolean; text: string } {
  const { config } = resolved;
  const browser = browserLine(config.checkout.chromiumPath);
  const sections: Section[] = [
    {
      lines: [
        'migo-contract doctor: the run configuration, checked without running a test or opening a connection.',
      ],
    },
    sourcesSection(resolved, options),
    { lines: [describeConfig(config), `Browser: ${browser.text}`] },
    { lines: readingsSection(config) },
    notRunSection(config, browser),
    guardSection(config),
    warningsSection(resolved.warnings),
    problemsSection(resolved.problems),
  ];
  const why = sections.flatMap((section) => (section.blocks ? [section.blocks] : []));
  const verdict =
    why.length === 0
      ? `Verdict: the configuration is valid for ${config.target}.`
      : `Verdict: the configuration is NOT valid for ${config.target}: ${why.join(' and ')}.`;
  const text = [...sections.filter((section) => section.lines.length > 0), { lines: [verdict] }]
    .map((section) => section.lines.join('\n'))
    .join('\n\n');
  return { ok: why.length === 0, text };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(
      `${USAGE}\n\nShows the target, base URLs, credentials (masked), cards, callback settings, the spec groups that\nwill be NOT RUN and why, and the production guard's verdict (every target: the same check a run makes first). Reads .env and .env.<target> from the working\ndirectory. Exit 0: valid for the target; 1: not valid; 2: bad arguments.`,
    );
    return 0;
  }
  const env = args.env ? { ...process.env, MIGO_ENV: args.env } : process.env;
  const report = doctorReport(resolveConfig({ env }), { envFromFlag: args.env !== undefined });
  console.log(report.text);
  return report.ok ? 0 : 1;
}
