/**
 * `npx migo-contract <command> [...]`: the suite's command line. Each command lives in its own module under
 * `cli/commands/` and is loaded only when asked for, so `simulator` starts without loading the report code.
 */
import { inspect } from 'node:util';
import { redact } from '../reporters/redaction';
import { UsageError } from './usage-error';

interface Command {
  summary: string;
  load: () => Promise<{ run(argv: string[]): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  validate: {
    summary: 'validate <schema-name> <file.json> | --list',
    load: () => import('./commands/validate'),
  },
  openapi: { summary: 'openapi [--out FILE]', load: () => import('./commands/openapi') },
  simulator: {
    summary: 'simulator [--port N] [--https] [--mutation NAME] [--reading N=O] | --list-mutations',
    load: () => import('./commands/simulator'),
  },
  doctor: { summary: 'doctor [--env E]', load: () => import('./commands/doctor') },
  readings: { summary: 'readings [--json]', load: () => import('./commands/readings') },
  calibrate: {
    summary: 'calibrate [--env E] [--json] [--write FILE]',
    load: () => import('./commands/calibrate'),
  },
  diff: { summary: 'diff <baseline-run> <current-run>', load: () => import('./commands/diff') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: migo-contract <command> [options]', '', 'commands:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command)
    throw new UsageError(`unknown command "${name}". Run "npx migo-contract --help" for the list.`);
  return (await command.load()).run(rest);
}

// `migo-contract validate --list | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`migo-contract: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    // An unexpected error may quote a request or a config value: it goes through redaction like any output.
    console.error(redact(inspect(error)));
    process.exitCode = 1;
  },
);
