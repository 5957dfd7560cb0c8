/**
 * `npx migo-contract calibrate [--env local|sandbox|production] [--json] [--write FILE]`: probes the target and
 * tells, for every reading (schemas/readings.ts), which option it follows (fixtures/calibrate/). The configuration
 * is loaded as a run loads it, production guard included: a production calibration needs MIGO_CONFIRM_PRODUCTION
 * like any production run, and runs only the probes that read or open a session.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, ProductionGuardError, TARGETS, loadConfig, type Target } from '../../fixtures/config';
import type { Calibration } from '../../fixtures/calibrate';
import { redact } from '../../reporters/redaction';
import { READING_NAMES } from '../../schemas/readings';
import { UsageError } from '../usage-error';

const USAGE = `usage: migo-contract calibrate [--env ${TARGETS.join('|')}] [--json] [--write FILE]`;

const HELP = `${USAGE}

Probes the target (MIGO_ENV, or --env) and tells, for every reading ("npx migo-contract readings"), which
option it follows: an option, or none with the evidence (no option fits, the probe cannot run here, or no
safe probe exists).

  --env E       the target: local (default; the embedded simulator, or the one MIGO_*_URL point at),
                sandbox or production (guarded as any production run: MIGO_CONFIRM_PRODUCTION, and only
                probes that read or open a session run; the others say "not probed in production")
  --json        print {"target", "readings": {<name>: {"detected", "evidence"}}} instead of a table
  --write FILE  save the detected readings as a profile (the migo-readings.json format: point
                MIGO_READINGS_FILE at it, or name it migo-readings.json)

On sandbox the probes create test records: a user and a card with no funds, a Payment Link of 10.00 nobody
pays, Alternative Payments transactions of 10.00 that are never approved.

Exit codes: 0 every probe ran (a reading may still be undetected), 1 a probe failed (the target could not be
reached or answered something unreadable), 2 bad arguments, an invalid configuration or a run the production
guard refuses.`;

interface Args {
  env?: Target;
  json: boolean;
  write?: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const given = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[(i += 1)];
      if (given === undefined || given === '' || given.startsWith('--'))
        throw new UsageError(`${flag} needs a value. ${USAGE}`);
      return given;
    };
    switch (flag) {
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--json':
        args.json = true;
        break;
      case '--env': {
        const env = value();
        if (!(TARGETS as readonly string[]).includes(env))
          throw new UsageError(`unknown --env value "${env}": use one of ${TARGETS.join(', ')}.`);
        args.env = env as Target;
        break;
      }
      case '--write': {
        const file = resolve(value());
        if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory())
          throw new UsageError(
            `--write ${file}: the folder ${dirname(file)} does not exist; create it or pick another file.`,
          );
        if (existsSync(file) && statSync(file).isDirectory())
          throw new UsageError(
            `--write ${file} is a folder: give a file name, e.g. ${file}/migo-readings.json.`,
          );
        args.write = file;
        break;
      }
      default:
        throw new UsageError(`unknown argument "${arg}". ${USAGE}`);
    }
  }
  return args;
}

function table(calibration: Calibration, inForce: Record<string, string>): string {
  const width = Math.max(...READING_NAMES.map((name) => name.length));
  const rows = READING_NAMES.map((name) => {
    const { detected, evidence } = calibration.readings[name];
    const shown = detected ?? '—';
    const mark = detected === null ? ' ' : detected === inForce[name] ? '=' : '≠';
    return `${name.padEnd(width)}  ${mark} ${shown.padEnd(18)}  ${evidence}`;
  });
  return [`${'reading'.padEnd(width)}    ${'detected'.padEnd(18)}  evidence`, ...rows].join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  let config;
  try {
    config = loadConfig({ env: args.env ? { ...process.env, MIGO_ENV: args.env } : process.env });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ProductionGuardError)
      throw new UsageError(redact(error.message));
    throw error;
  }
  const { openTarget } = await import('../../fixtures/target');
  const { calibrate, profileOf } = await import('../../fixtures/calibrate');
  const target = await openTarget(config);
  let calibration: Calibration;
  try {
    calibration = await calibrate(target, {
      production: config.target === 'production',
      ...(args.json ? {} : { onProbe: (probe) => process.stderr.write(`probed: ${probe.name}\n`) }),
    });
  } finally {
    await target.close();
  }
  const where = config.embedded ? 'the embedded simulator' : `MIGO_ENV=${config.target}`;
  if (args.write) {
    writeFileSync(args.write, `${JSON.stringify(profileOf(calibration, where), null, 2)}\n`);
  }
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ target: config.target, readings: calibration.readings }, null, 2)}\n`,
    );
  } else {
    const told = READING_NAMES.filter((name) => calibration.readings[name].detected !== null).length;
    console.log(
      `Calibrated against ${where}: ${told} of ${READING_NAMES.length} readings told (= the profile in force holds it, ≠ it holds another).\n`,
    );
    console.log(redact(table(calibration, config.readings)));
    if (args.write) console.log(`\nProfile written to ${args.write} (${told} readings).`);
  }
  if (calibration.failedProbes.length > 0) {
    console.error(
      `migo-contract: probes that failed: ${calibration.failedProbes.join(', ')} (see their evidence).`,
    );
    return 1;
  }
  return 0;
}
