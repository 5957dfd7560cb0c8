/**
 * `npx migo-contract simulator [--port N] [--host H] [--https] [--cert-days N] [--checkout page|frames]
 *   [--mutation NAME ...] [--reading NAME=OPTION ...] [--http-variants] [--log]`
 * `npx migo-contract simulator --list-mutations`
 *
 * Starts the embedded Migo sandbox and prints, as the first stdout line, one JSON object with the surface URLs and
 * the local test credentials (plus `ca` in HTTPS mode). Serves until SIGINT/SIGTERM, then closes cleanly (exit 0).
 */
import { UsageError } from '../usage-error';

const HELP = `usage: migo-contract simulator [options]

  --port N          first port (surfaces use N..N+3, hosted fields N+4); 0 (default) = free ports
  --host H          address to listen on (default 127.0.0.1)
  --https           serve TLS 1.2+ with HSTS and a generated certificate ("ca" is printed)
  --cert-days N     validity of the generated certificate in days (default 90)
  --checkout L      checkout layout: page (default, one card form) or frames (hosted fields in
                    cross-origin iframes, 3-D Secure challenge in an iframe)
  --mutation NAME   start with a contract mutation on (repeatable)
  --reading N=O     serve option O of the docs-silent reading N instead of its default (repeatable;
                    "npx migo-contract readings" lists them)
  --http-variants   answer in HTTP-equivalent forms (compression, chunking, charset spelling, header
                    case, up to 100 ms latency), cycling through them
  --list-mutations  print the mutation names and the rule each one breaks, then exit
  --log             log requests to stderr

The first stdout line is {"middleware","walletGateway","cms","webview","checkout","credentials"[,"ca"]}
as JSON; "checkout" is {"layout"[,"fieldsOrigin"]}.`;

interface Parsed {
  port: number;
  host?: string;
  https: boolean;
  certDays?: number;
  checkout?: string;
  mutations: string[];
  readings: Record<string, string>;
  httpVariants: boolean;
  list: boolean;
  log: boolean;
  help: boolean;
}

function integerFlag(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(
      `${flag} needs an integer from ${min} to ${max}, got ${value === undefined ? 'nothing' : `"${value}"`}.`,
    );
  return Number(value);
}

function parse(argv: string[]): Parsed {
  const parsed: Parsed = {
    port: 0,
    https: false,
    mutations: [],
    readings: {},
    httpVariants: false,
    list: false,
    log: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--port':
        parsed.port = integerFlag('--port', value(), 0, 65532);
        break;
      case '--host': {
        const host = value();
        if (!host || host.startsWith('--'))
          throw new UsageError('--host needs an address, e.g. --host 127.0.0.1.');
        parsed.host = host;
        break;
      }
      case '--https':
        parsed.https = true;
        break;
      case '--cert-days':
        parsed.certDays = integerFlag('--cert-days', value(), 1, 825);
        break;
      case '--checkout': {
        const layout = value();
        if (layout !== 'page' && layout !== 'frames')
          throw new UsageError(
            `--checkout needs page or frames, got ${layout === undefined ? 'nothing' : `"${layout}"`}.`,
          );
        parsed.checkout = layout;
        break;
      }
      case '--mutation': {
        const name = value();
        if (!name || name.startsWith('--'))
          throw new UsageError(
            '--mutation needs a name. Run "npx migo-contract simulator --list-mutations" for the names.',
          );
        parsed.mutations.push(name);
        break;
      }
      case '--reading': {
        const pair = value() ?? '';
        const eq = pair.indexOf('=');
        if (eq <= 0 || eq === pair.length - 1)
          throw new UsageError(
            `--reading needs NAME=OPTION, got "${pair}". Run "npx migo-contract readings" for the names and options.`,
          );
        parsed.readings[pair.slice(0, eq)] = pair.slice(eq + 1);
        break;
      }
      case '--http-variants':
        parsed.httpVariants = true;
        break;
      case '--list-mutations':
        parsed.list = true;
        break;
      case '--log':
        parsed.log = true;
        break;
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      default:
        throw new UsageError(
          `unknown option "${arg}". Run "npx migo-contract simulator --help" for the options.`,
        );
    }
  }
  if (parsed.certDays !== undefined && !parsed.https)
    throw new UsageError('--cert-days only applies with --https.');
  return parsed;
}

export async function run(argv: string[]): Promise<number> {
  // A reader that goes away (e.g. `| head -1`) must not crash the simulator.
  process.stdout.on('error', () => undefined);
  const options = parse(argv);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  if (options.list) {
    const { MUTATIONS } = await import('../../simulator/mutations');
    const width = Math.max(...MUTATIONS.map((m) => m.name.length));
    for (const m of MUTATIONS) console.log(`${m.name.padEnd(width)}  ${m.rule}`);
    return 0;
  }

  const { startSimulator, SimulatorOptionsError } = await import('../../simulator');
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  try {
    simulator = await startSimulator({
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
      ...(options.https ? { https: options.certDays ? { certValidityDays: options.certDays } : true } : {}),
      mutations: options.mutations,
      readings: options.readings,
      httpVariants: options.httpVariants,
      logger: options.log,
      ...(options.checkout === 'frames' ? { checkout: 'frames' as const } : {}),
    });
  } catch (error) {
    if (error instanceof SimulatorOptionsError) throw new UsageError(error.message);
    throw error;
  }

  process.stdout.write(
    `${JSON.stringify({ ...simulator.urls, checkout: simulator.checkout, credentials: simulator.credentials, ...(simulator.ca ? { ca: simulator.ca } : {}) })}\n`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await simulator.close();
  return 0;
}
