// Lint rules, including the layer rules from ARCHITECTURE.md: the simulator and the schemas are libraries
// that never reach into the test side (specs/, fixtures/), so they stay usable on their own.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((dir) => ({ group: [`**/${dir}/**`, `**/${dir}`], message: why })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'reports/**',
      'test-results/**',
      'allure-results/**',
      'allure-report/**',
      'allure-history/**',
      'playwright-report/**',
      'blob-report/**',
      '.cache/**',
    ],
  },
  // Untyped on purpose: `npm test` and `npm run lint` cache ESLint's verdicts per file (.cache/eslint/), which is
  // sound only while every rule reads one file alone. A typed config (recommendedTypeChecked, parserOptions.project
  // or projectService) would also build the whole program's types a second time beside tsc: drop --cache with it.
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  layer(
    ['schemas/**'],
    ['specs', 'fixtures', 'simulator', 'reporters', 'cli'],
    'schemas/ is the source of truth and imports nothing of ours.',
  ),
  layer(
    ['simulator/**'],
    ['specs', 'fixtures', 'reporters'],
    'simulator/ may import schemas/ only (see ARCHITECTURE.md).',
  ),
  layer(
    ['fixtures/**', 'cli/**', 'bench/**'],
    ['specs/documented'],
    'specs/documented/ holds what the docs say, the expected values of the checks: a fixture, command or harness that built requests, configuration or served answers from it would agree with the checks by construction.',
  ),
  layer(
    ['reporters/**'],
    ['specs', 'fixtures'],
    'reporters run in the runner process: no fixtures or specs.',
  ),
);
