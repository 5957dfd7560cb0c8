/**
 * The CLI runs from a JavaScript bundle of its TypeScript sources, compiled with esbuild on first use and again
 * whenever a source file is newer than the bundle. Starting from plain JavaScript keeps `migo-contract simulator`
 * ready in a fraction of a second (tsx's on-the-fly transform costs ~0.4 s and ~35 MB at every start).
 * Dependencies stay external: they load from node_modules as usual.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, renameSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const SOURCE_DIRS = ['cli', 'schemas', 'simulator', 'fixtures', 'reporters', 'checklist'];
const bundle = join(root, '.cache', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  const inputs = [join(root, 'package.json'), ...SOURCE_DIRS.map((d) => join(root, d))];
  return inputs.every(
    (path) => (statSync(path).isDirectory() ? newestSource(path) : statSync(path).mtimeMs) <= built,
  );
}

/** Builds the bundle (atomically: a temporary file renamed). @throws when esbuild fails or is missing. */
function build() {
  mkdirSync(join(root, '.cache'), { recursive: true });
  const temporary = `${bundle}.${process.pid}.tmp`;
  require('esbuild').buildSync({
    entryPoints: [join(root, 'cli', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  renameSync(temporary, bundle);
}

/** The path of an up-to-date bundle, or undefined when esbuild cannot build one (the caller falls back to tsx). */
function bundledCli() {
  if (isFresh()) return bundle;
  // Built in a child process: esbuild's output and the garbage of building it would otherwise stay in this
  // process's heap, and for `migo-contract simulator` this process is a server whose memory is measured (its peak
  // RSS under load went from ~80 to ~109 MB after a rebuild).
  const built = spawnSync(process.execPath, [__filename, '--build'], { stdio: 'ignore' });
  return built.status === 0 && existsSync(bundle) ? bundle : undefined;
}

if (require.main === module && process.argv[2] === '--build') {
  try {
    build();
  } catch {
    process.exitCode = 1;
  }
}

module.exports = { bundledCli };
