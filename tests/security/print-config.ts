/**
 * Prints the Playwright config of the matrix as Playwright would resolve it for given command lines, without
 * running anything: `tsx tests/security/print-config.ts '<cases as JSON>'` where each case is
 * `{ "args": ["--retries", "2"], "env": { "MIGO_ENV": "production" } }`. For each case it loads
 * playwright.config.ts afresh with `process.argv` = `node playwright test <args>` and the case's variables
 * (Playwright passes no CLI override to the config; the config reads argv itself), and prints one JSON line:
 * the retries, repeatEach, `use` recording options, the projects' grep, the reporters, the environment it set
 * for the workers and the warnings it printed; or the refusal message.
 */
import type { PlaywrightTestConfig } from '@playwright/test';

interface Case {
  args: string[];
  env: Record<string, string>;
}

const cases = JSON.parse(process.argv[2] ?? '[]') as Case[];
const configPath = require.resolve('../../playwright.config');
const baseEnv = { ...process.env };

for (const { args, env } of cases) {
  process.env = { ...baseEnv, ...env };
  delete process.env.PLAYWRIGHT_NO_COPY_PROMPT;
  process.argv = [process.execPath, require.resolve('@playwright/test/cli'), 'test', ...args];
  delete require.cache[configPath];
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => warnings.push(parts.join(' '));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = (require(configPath) as { default: PlaywrightTestConfig }).default;
    const resolved = {
      retries: config.retries,
      repeatEach: config.repeatEach,
      use: { trace: config.use?.trace, screenshot: config.use?.screenshot, video: config.use?.video },
      projects: (config.projects ?? []).map((p) => ({ name: p.name, grep: p.grep?.toString() })),
      reporters: (config.reporter as [string][]).map(([name]) => name.replace(/^.*\/(?=reporters\/)/, '')),
      workerEnv: { PLAYWRIGHT_NO_COPY_PROMPT: process.env.PLAYWRIGHT_NO_COPY_PROMPT ?? null },
    };
    console.log(JSON.stringify({ config: resolved, warnings }));
  } catch (error) {
    console.log(JSON.stringify({ refusal: (error as Error).message, warnings }));
  } finally {
    console.warn = warn;
  }
}
