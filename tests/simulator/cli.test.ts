/**
 * `npx migo-contract simulator` as a user runs it: a child process whose first stdout line is the JSON object of
 * interfaces section C; it serves until SIGTERM and exits 0. Bad usage exits 2 with a hint.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agent } from 'undici';
import { TEST_CARDS } from '../../simulator';
import { MUTATIONS } from '../../simulator/mutations';
import { call, expect, expectSchema, test } from './sim';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'migo-contract.cjs');

function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, 'simulator', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The first stdout line, or a failure that shows what the process said instead. */
function firstLine(child: ChildProcessWithoutNullStreams, timeoutMs = 15_000): Promise<string> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no first line within ${timeoutMs} ms; stderr: ${stderr}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing; stderr: ${stderr.slice(0, 2000)}`));
    });
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { code: await exitCode(child), stdout, stderr };
}

test('prints the URLs and credentials as its first line, serves, and exits 0 on SIGTERM', async () => {
  const child = spawnCli(['--port', '0']);
  try {
    const line = JSON.parse(await firstLine(child)) as Record<string, unknown> & {
      middleware: string;
      walletGateway: string;
      cms: string;
      webview: string;
      credentials: { merchantToken: string };
    };
    expect(Object.keys(line)).toEqual([
      'middleware',
      'walletGateway',
      'cms',
      'webview',
      'checkout',
      'credentials',
    ]);
    expect(line.checkout).toEqual({ layout: 'page' });
    expect(line.walletGateway).toMatch(/\/rest$/);
    expect(line.cms).toMatch(/\/cms\/rest$/);
    const link = await call('POST', `${line.middleware}/transactions`, {
      headers: { authorization: line.credentials.merchantToken },
      json: { amount: 1, userId: 'u', channel: 'web' },
    });
    expect(link.status).toBe(200);
    expectSchema('payment-link', link.body);
    expect((link.body as { URL: string }).URL.startsWith(line.webview)).toBe(true);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exitCode(child)).toBe(0);
});

test('--https prints the CA, --mutation switches mutations on', async () => {
  const child = spawnCli(['--https', '--mutation', 'payment-link-envelope', '--mutation=hsts-missing']);
  try {
    const line = JSON.parse(await firstLine(child)) as {
      middleware: string;
      ca: string;
      credentials: { merchantToken: string };
    };
    expect(line.ca).toContain('BEGIN CERTIFICATE');
    const dispatcher = new Agent({ connect: { ca: line.ca } });
    const mutations = await call('GET', `${line.middleware}/__sim/mutations`, { dispatcher });
    await dispatcher.close();
    const on = (mutations.body as Array<{ name: string; enabled: boolean }>)
      .filter((m) => m.enabled)
      .map((m) => m.name);
    expect(on).toEqual(['payment-link-envelope', 'hsts-missing']);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exitCode(child)).toBe(0);
});

test('--log writes request logs to stderr that never hold a PAN, CVC or token', async () => {
  // pan-in-return-url puts the PAN in the return URL's query: the log shows paths only, so it still holds none.
  const child = spawnCli(['--log', '--mutation', 'pan-in-return-url']);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let secrets: string[] = [];
  const cvc = '4417';
  try {
    const line = JSON.parse(await firstLine(child)) as {
      middleware: string;
      webview: string;
      credentials: { merchantToken: string };
    };
    const { merchantToken } = line.credentials;
    const link = await call('POST', `${line.middleware}/transactions`, {
      headers: { authorization: merchantToken },
      json: { amount: 1, userId: 'u', channel: 'web' },
    });
    const { uid } = link.body as { uid: string };
    const pan = TEST_CARDS.approved.pan;
    const paid = await call('POST', `${line.webview}/pay`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: new URLSearchParams({
        orderId: uid,
        cardNumber: pan,
        expiry: '12/30',
        cvc,
        holder: 'Ana',
      }).toString(),
    });
    expect(paid.status).toBe(303);
    const returnUrl = String(paid.headers.location);
    expect(returnUrl, 'the mutation must put the PAN in the return URL').toContain(pan);
    expect((await call('GET', returnUrl)).status).toBe(200);
    await call('GET', `${line.webview}/?orderId=${uid}`);
    secrets = [pan, merchantToken];
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exitCode(child)).toBe(0);
  expect(stderr).toContain('/pay');
  expect(stderr).toContain('/return');
  for (const secret of secrets) expect(stderr).not.toContain(secret);
  // The CVC as a value of its own: timestamps and ids in the log may contain the same digits.
  expect(stderr).not.toMatch(new RegExp(`(?<![\\w.])${cvc}(?![\\w.])`));
});

test('--checkout frames serves the hosted fields from another origin, named in the first line', async () => {
  const child = spawnCli(['--checkout', 'frames']);
  try {
    const line = JSON.parse(await firstLine(child)) as {
      middleware: string;
      webview: string;
      checkout: { layout: string; fieldsOrigin: string };
      credentials: { merchantToken: string };
    };
    expect(line.checkout.layout).toBe('frames');
    expect(new URL(line.checkout.fieldsOrigin).origin).not.toBe(new URL(line.webview).origin);
    const link = await call('POST', `${line.middleware}/transactions`, {
      headers: { authorization: line.credentials.merchantToken },
      json: { amount: 1, userId: 'u', channel: 'web' },
    });
    const checkout = await call('GET', (link.body as { URL: string }).URL);
    expect(checkout.text).toContain(
      `<iframe name="number" title="Card number" src="${line.checkout.fieldsOrigin}/`,
    );
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exitCode(child)).toBe(0);
});

test('--list-mutations prints every name with its rule', async () => {
  const { code, stdout } = await run(['--list-mutations']);
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(MUTATIONS.length);
  for (const [i, m] of MUTATIONS.entries()) expect(lines[i]).toMatch(new RegExp(`^${m.name} +\\S`));
});

test('a port in use exits 2 at once, leaving no surface listening', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as AddressInfo;
  try {
    // The other three surfaces bind before the failure is known: they must be closed, or the process hangs.
    const { code, stderr } = await run(['--port', String(port)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`port ${port} \\(middleware\\) is in use.*--port`));
  } finally {
    blocker.close();
  }
});

test('bad usage exits 2 with a message that says how to fix it', async () => {
  const cases = [
    [['--mutation', 'no-such-thing'], /unknown mutation "no-such-thing".*--list-mutations/],
    [['--port', 'eighty'], /--port needs an integer/],
    [['--colour'], /unknown option "--colour".*--help/],
    [['--cert-days', '30'], /--cert-days only applies with --https/],
    [['--checkout', 'iframe'], /--checkout needs page or frames, got "iframe"/],
    [['--checkout'], /--checkout needs page or frames, got nothing/],
    [['--reading', 'wallet-envelope'], /--reading needs NAME=OPTION.*migo-contract readings/],
    [
      ['--reading', 'no-such-reading=x'],
      /unknown reading "no-such-reading"; the readings are: wallet-login-signed-bytes/,
    ],
    [
      ['--reading', 'wallet-envelope=soap'],
      /reading wallet-envelope has no option "soap"; its options are quickstart, custom-response/,
    ],
  ] as const;
  // Independent processes, started side by side: the test takes about one start's time, not nine.
  const runs = await Promise.all(cases.map(([args]) => run([...args])));
  for (const [i, [args, fragment]] of cases.entries()) {
    expect(runs[i]!.code, args.join(' ')).toBe(2);
    expect(runs[i]!.stderr, args.join(' ')).toMatch(fragment);
  }
});

test('--reading serves another option of a docs-silent reading (repeatable)', async () => {
  const child = spawnCli([
    '--reading',
    'wallet-envelope=custom-response',
    '--reading=payment-link-bearer=required',
  ]);
  try {
    const line = JSON.parse(await firstLine(child)) as {
      middleware: string;
      walletGateway: string;
      credentials: { merchantToken: string };
    };
    const health = await call('GET', `${line.walletGateway}/health`);
    expect(health.body).toEqual({ success: true, message: 'ok', data: {} });
    const raw = await call('POST', `${line.middleware}/transactions`, {
      headers: { authorization: line.credentials.merchantToken },
      json: { amount: 1, userId: 'u', channel: 'web' },
    });
    expect(raw.status, 'payment-link-bearer=required refuses the raw token').toBe(401);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exitCode(child)).toBe(0);
});

test('a missing or stale CLI bundle is built in a child process: the server process never holds esbuild', () => {
  // A copy of the package whose .cache is its own: removing the shared bundle would break CLI runs of other tests.
  const scratch = mkdtempSync(join(tmpdir(), 'migo-cli-bundle-'));
  try {
    mkdirSync(join(scratch, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'cli-bundle.cjs'), join(scratch, 'bin', 'cli-bundle.cjs'));
    for (const entry of readdirSync(ROOT))
      if (!['.cache', '.git', 'bin'].includes(entry)) symlinkSync(join(ROOT, entry), join(scratch, entry));
    const script = `
      const path = require(${JSON.stringify(join(scratch, 'bin', 'cli-bundle.cjs'))}).bundledCli();
      const esbuild = Object.keys(require.cache).some((file) => file.includes('esbuild'));
      console.log(JSON.stringify({ path, built: path !== undefined && require('node:fs').existsSync(path), esbuild }));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: scratch, encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({
      path: join(scratch, '.cache', 'cli.cjs'),
      built: true,
      esbuild: false,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
