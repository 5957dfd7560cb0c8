/**
 * `npm run rehearsal`: a dress rehearsal of a nightly run against Migo's sandbox, with a standalone simulator
 * playing Migo. It does what a sandbox user does, and nothing more:
 * - Migo's sandbox is `npx migo-contract simulator --https --checkout frames` in a child process: HTTPS on its own
 *   ports, hosted card fields in cross-origin iframes, the 3-D Secure challenge in an iframe;
 * - its CA (and the tunnel's) is trusted the way a corporate CA is: NODE_EXTRA_CA_CERTS for Node, and the browser
 *   pinned to the same keys (fixtures/browser.ts);
 * - the callback URL is the receiver's public URL (an HTTPS tunnel in front of its fixed port), registered on the
 *   simulator's client as a merchant registers it with Migo: the one control API call, made before the run;
 * - the configuration is a generated `.env.sandbox` in a scratch folder, the run's working directory;
 * - then the nightly template's steps (ci-templates/github/nightly-sandbox.yml): the Configuration check
 *   (`npx migo-contract doctor`, its report in `<artifacts>/doctor.log`; a configuration it finds invalid stops
 *   the rehearsal before the run) and the Matrix, `npm run matrix` with MIGO_ENV=sandbox: every spec, then the
 *   run summary, go-live and Allure reports.
 *
 * Then it says what the run proved: something passed and nothing failed, every spec that did not run has its
 * reason, no request of the run reached the control API, and no artifact (or the captured output) holds one of the
 * run's secrets or a card number (reporters/leak-scan.ts). MIGO_RUN_LABEL=rehearsal tells the reports this run
 * is a rehearsal, not evidence of an integration. Artifacts go to MIGO_ARTIFACTS_DIR (default reports/rehearsal),
 * with the verdict in `<artifacts>/reports/rehearsal.json`. Exit 0 when the rehearsal passed, 1 when it did not,
 * 2 when it could not be staged.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent, request } from 'undici';
import { artifactPaths, type ArtifactPaths } from '../reporters/artifacts';
import { scanArtifacts } from '../reporters/leak-scan';
import { TEST_CARDS } from '../simulator';
import { ledgerLine } from '../reporters/cardholder-ledger';
import { readOutcome, REHEARSAL_LABEL, type RehearsalOutcome } from './rehearsal/outcome';
import { simulatorSecrets, writeSandboxEnv, type ReceiverAddresses } from './rehearsal/sandbox-env';
import {
  startSimulatorProcess,
  type SimulatorLine,
  type SimulatorProcess,
} from './rehearsal/simulator-process';
import { startTunnel } from './rehearsal/tunnel';

const root = join(__dirname, '..');

/** What the reports read to tell a rehearsal from a real run (the go-live report: "rehearsal", no PASS). */
export const RUN_LABEL = REHEARSAL_LABEL;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** Sets the client's callback and return URL on the simulator, as a merchant sets them at Migo. */
async function registerCallback(simulator: SimulatorLine, receiver: ReceiverAddresses, tunnelCa: string) {
  const dispatcher = new Agent({ connect: { ca: simulator.ca } });
  try {
    const slug = simulator.credentials.clientSlug;
    const answer = await request(`${simulator.middleware}/__sim/clients/${slug}`, {
      method: 'PUT',
      dispatcher,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        callback: { url: receiver.callbackUrl, ca: tunnelCa },
        returnUrl: receiver.returnUrl,
      }),
    });
    const text = await answer.body.text();
    if (answer.statusCode !== 200)
      throw new Error(`registering the callback URL failed: ${answer.statusCode} ${text.slice(0, 200)}`);
  } finally {
    await dispatcher.close();
  }
}

/**
 * The matrix run's environment: the user's, minus every MIGO_* (the generated .env.sandbox is the only
 * configuration; MIGO_CHROMIUM_PATH stays, it says where this machine's browser is) and any Playwright identity.
 */
function runEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(MIGO_|PW_|PLAYWRIGHT_|TEST_)/.test(name) || name === 'MIGO_CHROMIUM_PATH') env[name] = value;
  return { ...env, ...extra };
}

/** `npx migo-contract doctor` from `cwd`, as the nightly's Configuration check; its report goes to `logFile`. */
function runDoctor(cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  const child = spawn(process.execPath, [join(root, 'bin', 'migo-contract.cjs'), 'doctor'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveStatus) =>
    child.on('close', (status) => {
      writeFileSync(logFile, output);
      resolveStatus(status ?? 1);
    }),
  );
}

/** `npm run matrix` from `cwd`; its output goes to the terminal and to `logFile`. */
function runMatrix(cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'matrix.ts')],
    { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const)
    from.on('data', (chunk: Buffer) => {
      to.write(chunk);
      log.write(chunk);
    });
  return new Promise((resolveStatus) =>
    child.on('close', (status) => log.end(() => resolveStatus(status ?? 1))),
  );
}

function report(outcome: RehearsalOutcome, paths: ArtifactPaths): void {
  const reasons = new Map<string, number>();
  for (const { reason } of outcome.notRun) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  console.log(
    [
      '',
      `rehearsal: ${outcome.passed} passed, ${outcome.failed} failed, ${outcome.flaky} flaky, ${outcome.skipped} NOT RUN, ` +
        `MIGO_ENV=sandbox against a standalone simulator, ${(outcome.durationMs / 1000).toFixed(1)} s`,
      ...(reasons.size > 0 ? ['NOT RUN, by reason:'] : []),
      ...[...reasons].map(([reason, count]) => `  ${count} × ${reason || '(no reason given)'}`),
      `control API requests during the run: ${outcome.controlRequestsDuringRun}`,
      `disposable cardholder: ${outcome.cardholder ? ledgerLine(outcome.cardholder) : 'no ledger'}`,
      `leak scan: ${outcome.leakScan.filesScanned} files, ${outcome.leakScan.hits.length} secret(s) or card number(s) found`,
      ...outcome.problems.map((problem) => `✗ ${problem}`),
      `artifacts: ${paths.root}`,
      `  ${join(paths.reports, 'rehearsal.json')} · ${join(paths.reports, 'go-live.md')} · ${join(paths.allureReport, 'index.html')}`,
      outcome.problems.length === 0 ? 'rehearsal passed' : 'rehearsal FAILED',
    ].join('\n'),
  );
}

async function main(): Promise<number> {
  const paths = artifactPaths({
    MIGO_ARTIFACTS_DIR: resolve(process.env.MIGO_ARTIFACTS_DIR || join(root, 'reports', 'rehearsal')),
  });
  mkdirSync(paths.reports, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'migo-rehearsal-'));
  const teardown: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const step of teardown.splice(0).reverse()) await step().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  };
  const interrupted = () => void cleanUp().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    let simulator: SimulatorProcess;
    let caFile: string;
    try {
      simulator = await startSimulatorProcess(join(paths.root, 'simulator.log'));
      teardown.push(simulator.stop);
      const port = await freePort();
      const tunnel = await startTunnel(port);
      teardown.push(tunnel.close);
      const receiver = {
        port,
        callbackUrl: `${tunnel.origin}/callback`,
        returnUrl: `${tunnel.origin}/callback/return`,
      };
      await registerCallback(simulator.line, receiver, tunnel.ca);
      await simulator.controlRequestsReach(1);
      writeSandboxEnv(scratch, simulator.line, receiver);
      caFile = join(scratch, 'trusted-cas.pem');
      writeFileSync(caFile, `${simulator.line.ca.trim()}\n${tunnel.ca.trim()}\n`);
    } catch (error) {
      console.error(`rehearsal: could not stage the sandbox: ${(error as Error).message}`);
      return 2;
    }
    const env = runEnv({
      MIGO_ENV: 'sandbox',
      MIGO_ARTIFACTS_DIR: paths.root,
      MIGO_RUN_LABEL: RUN_LABEL,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    const doctorLog = join(paths.root, 'doctor.log');
    if ((await runDoctor(scratch, env, doctorLog)) !== 0) {
      console.error(
        `rehearsal: npx migo-contract doctor finds the generated .env.sandbox not valid; see ${doctorLog}`,
      );
      return 2;
    }
    const before = simulator.controlRequests();
    const started = Date.now();
    const exitCode = await runMatrix(scratch, env, join(paths.root, 'rehearsal-output.log'));
    const durationMs = Date.now() - started;
    const secrets = simulatorSecrets(simulator.line.credentials);
    const outcome = readOutcome(paths.reports, {
      cwd: scratch,
      durationMs,
      exitCode,
      controlRequests: simulator.controlRequests() - before,
      leakScan: scanArtifacts(
        [paths.root],
        [...secrets, ...Object.values(TEST_CARDS).map((card) => card.pan)],
      ),
    });
    writeFileSync(join(paths.reports, 'rehearsal.json'), `${JSON.stringify(outcome, null, 2)}\n`);
    report(outcome, paths);
    return outcome.problems.length === 0 ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

if (require.main === module) void main().then((status) => (process.exitCode = status));
