#!/usr/bin/env node
// `npx migo-contract`: runs the TypeScript CLI from a bundle kept up to date with its sources (bin/cli-bundle.cjs),
// or through tsx when no bundle can be built.
const bundle = require('./cli-bundle.cjs').bundledCli();
if (bundle) {
  require(bundle);
} else {
  import('tsx').then(() => require('../cli/main.ts'));
}
