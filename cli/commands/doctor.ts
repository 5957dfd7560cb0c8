/**
 * `npx migo-contract doctor [--env local|sandbox|production]`: what a run would use and what it would skip,
 * from the configuration alone. It runs no test and opens no connection. Exit 0 when the configuration is
 * valid for the target (production: also allowed by the guard), 1 when it is not, 2 for bad arguments.
 */
import { BrowserConfigError, HOW_TO_GET_A_BROWSER, findChromium } from '../../fixtures/browser';
import {
  PRODUCTION_SAFE_TAG,
  SPEC_GROUPS,
  TARGETS,
  describeConfig,
  groupNotRunReason,
  productionRefusals,
  resolveConfig,
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
  const { config, problems, origins } = resolved;
  if (problems.some((p) => p.variable === 'MIGO_ENV'))
    return `MIGO_ENV: not valid (see Problems below); the rest is shown for ${config.target}`;
  if (fromFlag) return `MIGO_ENV: ${config.target} (from --env)`;
  const origin = origins.MIGO_ENV;
  return `MIGO_ENV: ${config.target} (${origin ? `from ${origin === 'environment' ? 'the environment' : origin}` : 'the default'})`;
}

/** The doctor's report for a resolved configuration; `ok` decides the exit code. */
export function doctorReport(
  resolved: ResolvedConfig,
  options: { envFromFlag?: boolean } = {},
): {
  ok: boolean;
  text: string;
} {
  const { config, problems, warnings, files } = resolved;
  const lines: string[] = [
    'migo-contract doctor: the run configuration, checked without running a test or opening a connection.',
    '',
    targetLine(resolved, options.envFromFlag ?? false),
    'Configuration files:',
    ...files.map((file) => `  ${file.name.padEnd(16)} ${file.status}  (${file.path})`),
  ];
  const counts = new Map<string, number>();
  for (const [name, origin] of Object.entries(resolved.origins))
    if (name !== 'MIGO_ENV' || !options.envFromFlag) counts.set(origin, (counts.get(origin) ?? 0) + 1);
  lines.push(
    `Variables set: ${[...counts].map(([origin, n]) => `${n} from ${origin === 'environment' ? 'the environment' : origin}`).join(', ') || 'none'}`,
    '',
    describeConfig(config),
    ...readingsSection(config),
  );

  const browser = browserLine(config.checkout.chromiumPath);
  lines.push(`Browser: ${browser.text}`, '');

  const notRun = SPEC_GROUPS.flatMap((group) => {
    const reason =
      groupNotRunReason(config, group) ?? (group.browser && !browser.found ? 'no Chromium found' : undefined);
    return reason ? [`  - ${group.name}: ${reason}`] : [];
  });
  lines.push(
    notRun.length > 0
      ? `Spec groups NOT RUN (${notRun.length} of ${SPEC_GROUPS.length}):`
      : `Spec groups NOT RUN: none (all ${SPEC_GROUPS.length} can run)`,
    ...notRun,
  );
  if (config.target === 'production')
    lines.push(`  In production only specs tagged ${PRODUCTION_SAFE_TAG} run; every other spec is NOT RUN.`);
  lines.push('');

  const refusals = productionRefusals(config);
  if (config.target !== 'production')
    lines.push(`Production guard: not applicable (MIGO_ENV=${config.target})`);
  else if (refusals.length === 0) lines.push('Production guard: allows this run');
  else
    lines.push(
      `Production guard: REFUSES this run (${refusals.length}):`,
      ...refusals.flatMap((r) => [`  ✗ ${r.variable}: ${r.problem}`, `    fix: ${r.fix}`]),
    );

  if (warnings.length > 0) lines.push('', 'Warnings:', ...warnings.map((w) => `  ! ${w}`));
  if (problems.length > 0)
    lines.push(
      '',
      `Problems (${problems.length}):`,
      ...problems.flatMap((p) => [`  ✗ ${p.variable}: ${p.problem}`, `    fix: ${p.fix}`]),
    );

  const ok = problems.length === 0 && refusals.length === 0;
  const why = [
    problems.length > 0 ? `${problems.length} configuration problem${problems.length === 1 ? '' : 's'}` : '',
    refusals.length > 0
      ? `${refusals.length} production guard refusal${refusals.length === 1 ? '' : 's'}`
      : '',
  ].filter(Boolean);
  lines.push(
    '',
    ok
      ? `Verdict: the configuration is valid for ${config.target}.`
      : `Verdict: the configuration is NOT valid for ${config.target}: ${why.join(' and ')}.`,
  );
  return { ok, text: lines.join('\n') };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(
      `${USAGE}\n\nShows the target, base URLs, credentials (masked), cards, callback settings, the spec groups that\nwill be NOT RUN and why, and the production guard's verdict. Reads .env and .env.<target> from the working\ndirectory. Exit 0: valid for the target; 1: not valid; 2: bad arguments.`,
    );
    return 0;
  }
  const env = args.env ? { ...process.env, MIGO_ENV: args.env } : process.env;
  const report = doctorReport(resolveConfig({ env }), { envFromFlag: args.env !== undefined });
  console.log(report.text);
  return report.ok ? 0 : 1;
}
