/**
 * Makes sure a Chromium is available for the hosted-checkout tests: uses one already there, else tries
 * Playwright's download (often blocked: its CDN is not the npm registry), else Debian's `chromium` package when
 * running as root or with password-less sudo. Exit 0 with the browser's path, 1 with the one-line how-to, 2 on a
 * bad argument or setting.
 *
 *   npx tsx scripts/ensure-browser.ts [--check]     (--check: only look, install nothing)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BrowserConfigError,
  findChromium,
  HOW_TO_GET_A_BROWSER,
  type FoundChromium,
} from '../fixtures/browser';

const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 120_000;
const APT_TIMEOUT_MS = 600_000;

function attempt(label: string, command: string, args: string[], timeoutMs: number, env = {}): boolean {
  console.log(`ensure-browser: ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutMs,
    env: { ...process.env, ...env },
  });
  if (result.status === 0) return true;
  const why =
    result.error?.message ?? (result.signal ? `stopped by ${result.signal}` : `exit ${result.status}`);
  const detail = result.stderr?.toString().trim().split('\n').filter(Boolean).at(-1);
  console.log(`ensure-browser: ${label} failed (${why})${detail ? `: ${detail}` : ''}`);
  return false;
}

/** How apt-get can run as root here: directly, through password-less sudo (CI runners), or not at all. */
function aptAsRoot(): 'root' | 'sudo' | null {
  if (!existsSync('/usr/bin/apt-get')) return null;
  if (process.getuid?.() === 0) return 'root';
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 });
  return sudo.status === 0 ? 'sudo' : null;
}

function report(found: FoundChromium): number {
  console.log(
    `ensure-browser: using ${found.executablePath ?? "Playwright's default Chromium"} (${found.source})`,
  );
  return 0;
}

/** Looks for a browser and, unless `--check`, tries to get one; the exit code as documented above. */
export function ensureBrowser(argv: string[]): number {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(
      `ensure-browser: unknown argument "${unknown[0]}"; the only option is --check (look, install nothing).`,
    );
    return 2;
  }
  const checkOnly = argv.includes('--check');
  let found: FoundChromium | null;
  try {
    found = findChromium();
  } catch (error) {
    if (!(error instanceof BrowserConfigError)) throw error;
    console.error(`ensure-browser: ${error.message}`);
    return 2;
  }
  if (found) return report(found);
  if (!checkOnly) {
    const cli = join(__dirname, '..', 'node_modules', '@playwright', 'test', 'cli.js');
    if (existsSync(cli))
      attempt(
        'Playwright download',
        process.execPath,
        [cli, 'install', 'chromium'],
        PLAYWRIGHT_INSTALL_TIMEOUT_MS,
      );
    found = findChromium();
    if (found) return report(found);
    const asRoot = aptAsRoot();
    if (asRoot) {
      // sudo drops the environment: the non-interactive frontend goes on its command line instead.
      const apt = (args: string[]): [string, string[]] =>
        asRoot === 'sudo'
          ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]]
          : ['apt-get', args];
      const env = { DEBIAN_FRONTEND: 'noninteractive' };
      if (attempt('apt-get update', ...apt(['update', '-qq']), APT_TIMEOUT_MS, env))
        attempt('apt-get install', ...apt(['install', '-y', '-qq', 'chromium']), APT_TIMEOUT_MS, env);
      found = findChromium();
      if (found) return report(found);
    }
  }
  console.error(HOW_TO_GET_A_BROWSER);
  return 1;
}

if (require.main === module) process.exitCode = ensureBrowser(process.argv.slice(2));
