#!/usr/bin/env node
// Registers tsx (for both require and dynamic import: commands load lazily), then runs the TypeScript CLI.
import('tsx').then(() => require('../cli/main.ts'));
