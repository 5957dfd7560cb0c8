/**
 * The commit read from `.git` files agrees with `git rev-parse HEAD` in each shape a checkout takes: a branch with
 * a loose ref, the same ref packed, a detached HEAD, a subfolder, a worktree on its own branch; and nothing outside
 * a repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkedOutCommit, shortCommit } from '../../reporters/git-commit';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=qa@example.test', '-c', 'user.name=QA', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

let scratch: string;
let repo: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'migo-git-commit-'));
  repo = join(scratch, 'repo');
  mkdirSync(join(repo, 'sub'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'sub', 'a.txt'), 'one');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'one');
  writeFileSync(join(repo, 'sub', 'a.txt'), 'two');
  git(repo, 'commit', '-q', '-am', 'two');
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

test('a branch with a loose ref, the same ref packed, and from a subfolder', () => {
  const head = git(repo, 'rev-parse', 'HEAD');
  expect(checkedOutCommit(repo)).toBe(head);
  git(repo, 'pack-refs', '--all');
  expect(checkedOutCommit(repo)).toBe(head);
  expect(checkedOutCommit(join(repo, 'sub'))).toBe(head);
  expect(shortCommit(repo)).toBe(git(repo, 'rev-parse', '--short=7', 'HEAD'));
});

test('a detached HEAD', () => {
  const first = git(repo, 'rev-parse', 'HEAD~1');
  git(repo, 'checkout', '-q', '--detach', first);
  expect(checkedOutCommit(repo)).toBe(first);
});

test('a worktree on its own branch, and the main checkout beside it', () => {
  const worktree = join(scratch, 'worktree');
  git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree, 'HEAD~1');
  writeFileSync(join(worktree, 'b.txt'), 'side');
  git(worktree, 'add', '.');
  git(worktree, 'commit', '-q', '-m', 'side');
  expect(checkedOutCommit(worktree)).toBe(git(worktree, 'rev-parse', 'HEAD'));
  git(repo, 'pack-refs', '--all');
  expect(checkedOutCommit(worktree)).toBe(git(worktree, 'rev-parse', 'HEAD'));
  expect(checkedOutCommit(repo)).toBe(git(repo, 'rev-parse', 'HEAD'));
});

test('no repository, or one whose HEAD names nothing, answers undefined', () => {
  const outside = join(scratch, 'outside');
  mkdirSync(outside);
  expect(checkedOutCommit(outside)).toBeUndefined();
  expect(shortCommit(outside)).toBe('unknown');
  writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/gone\n');
  expect(checkedOutCommit(repo)).toBeUndefined();
});
