/**
 * Node 24 for the bench's paired matrix runs: the registry package `node@24` (it ships the binary), installed once
 * into a cache folder outside the repository (~/.cache/migo-node24, or MIGO_NODE24_DIR), as
 * shared/research/tooling.md describes. When it cannot be had, the reason is reported instead of a figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Runtime = { node: string; version: string } | { skipped: string };

const INSTALL_TIMEOUT_MS = 5 * 60_000;

function versionOf(node: string): string | undefined {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function node24(): Runtime {
  if (process.version.startsWith('v24.')) return { node: process.execPath, version: process.version };
  const dir = process.env.MIGO_NODE24_DIR || join(homedir(), '.cache', 'migo-node24');
  const node = join(dir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'node@24'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: INSTALL_TIMEOUT_MS,
    });
    if (npm.status !== 0)
      return {
        skipped: `"npm install node@24" in ${dir} failed (${npm.error?.message ?? `exit ${npm.status}`}): ${npm.stderr?.trim().split('\n').at(-1) ?? ''}`,
      };
  }
  const version = existsSync(node) ? versionOf(node) : undefined;
  if (!version?.startsWith('v24.'))
    return { skipped: `${node} is not a working Node 24 (version: ${version ?? 'none'})` };
  return { node, version };
}
