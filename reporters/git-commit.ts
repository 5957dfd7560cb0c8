/**
 * The commit checked out in a git repository, read from its `.git` files rather than by running `git rev-parse`:
 * the runner asks when it loads its config and again when the run ends, and a `git` process on a busy 2-core
 * machine costs tens of milliseconds each time, at moments nothing else runs. Covers what a checkout of this suite
 * looks like: a `.git` folder or a `.git` file (worktree, submodule), a detached HEAD or a branch, the branch's ref
 * loose or packed. Anything else answers undefined, as a folder outside a repository does.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The git directory of the repository holding `dir`: `.git` itself, or where a `.git` file points. */
function gitDirFor(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const dotGit = join(current, '.git');
    try {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(read(dotGit) ?? '');
      return pointer ? resolve(current, pointer[1]!) : undefined;
    } catch {
      // no .git here: look in the parent folder
    }
    if (dirname(current) === current) return undefined;
  }
}

/** The sha `ref` names: a loose ref file, or a line of packed-refs (in the common dir of a worktree). */
function resolveRef(gitDir: string, ref: string): string | undefined {
  const commonDir = resolve(gitDir, (read(join(gitDir, 'commondir')) ?? '.').trim());
  for (const dir of new Set([gitDir, commonDir])) {
    const loose = read(join(dir, ref))?.trim();
    if (loose && SHA.test(loose)) return loose;
  }
  for (const line of (read(join(commonDir, 'packed-refs')) ?? '').split('\n')) {
    const [sha, name] = line.trim().split(' ');
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  return undefined;
}

/** The full sha of the commit checked out in the repository holding `dir`, or undefined. */
export function checkedOutCommit(dir: string): string | undefined {
  const gitDir = gitDirFor(dir);
  if (!gitDir) return undefined;
  const head = read(join(gitDir, 'HEAD'))?.trim();
  if (!head) return undefined;
  if (SHA.test(head)) return head;
  const ref = /^ref:\s*(refs\/\S+)$/.exec(head)?.[1];
  return ref ? resolveRef(gitDir, ref) : undefined;
}

/** The commit's first 7 hex digits, as reports show it, or `unknown` outside a repository. */
export function shortCommit(dir: string): string {
  return checkedOutCommit(dir)?.slice(0, 7) ?? 'unknown';
}
