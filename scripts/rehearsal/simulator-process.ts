/**
 * The standalone simulator the rehearsal uses as Migo's sandbox: `npx migo-contract simulator` in a child process,
 * over HTTPS, with the hosted fields, and its request log (method and path only) kept in a file. The log is how
 * the rehearsal proves that nothing but itself reached the control API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CheckoutLayout, SimulatorCredentials } from '../../simulator';

/** The CLI's first stdout line. */
export interface SimulatorLine {
  middleware: string;
  walletGateway: string;
  cms: string;
  webview: string;
  checkout: { layout: CheckoutLayout; fieldsOrigin?: string };
  credentials: SimulatorCredentials;
  ca: string;
}

export interface SimulatorProcess {
  line: SimulatorLine;
  /** Requests to `/__sim` logged so far (on any listener, under any base path). */
  controlRequests(): number;
  /** Resolves once at least `count` control requests are in the log (a log line crosses a pipe). */
  controlRequestsReach(count: number): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 30_000;

/** Starts `migo-contract simulator --https --checkout frames --log`; resolves once it printed its URLs. */
export function startSimulatorProcess(logFile: string): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'migo-contract.cjs'), 'simulator', '--https', '--checkout', 'frames', '--log'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(logFile);
  let control = 0;
  createInterface({ input: child.stderr }).on('line', (line) => {
    log.write(`${line}\n`);
    if (isControlRequest(line)) control += 1;
  });
  child.once('exit', () => log.end());
  const controlRequestsReach = async (count: number) => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (control < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the simulator printed nothing within ${START_TIMEOUT_MS} ms; see ${logFile}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited (${code}) before it printed its URLs; see ${logFile}`));
    });
    createInterface({ input: child.stdout }).once('line', (text) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        line: JSON.parse(text) as SimulatorLine,
        controlRequests: () => control,
        controlRequestsReach,
        stop: () => stop(child),
      });
    });
  });
}

/** A request log line (fastify, JSON) whose path is on the control API. */
export function isControlRequest(line: string): boolean {
  return /"req":\{[^}]*"path":"[^"]*\/__sim(?:[/"])/.test(line);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
