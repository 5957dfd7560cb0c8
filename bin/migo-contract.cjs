#!/usr/bin/env node
// `npx migo-contract`: runs the TypeScript CLI from a bundle kept up to date with its sources (bin/cli-bundle.cjs),
// or through tsx when no bundle can be built.

// The standalone simulator is a server under load: by default V8 lets its young generation grow to 32 MB and its
// old one fill with garbage before collecting, which took it to ~115 MiB at 50 connections. These two settings are
// read by V8 while it runs (unlike --max-semi-space-size, which only a command-line flag can set): with them the
// peak stays near 77 MiB at the same throughput (`npm run bench`, simulator.peakRssMb).
if (process.argv[2] === 'simulator')
  require('node:v8').setFlagsFromString('--optimize-for-size --semi-space-growth-factor=1');

const bundle = require('./cli-bundle.cjs').bundledCli();
if (bundle) {
  require(bundle);
} else {
  import('tsx').then(() => require('../cli/main.ts'));
}
