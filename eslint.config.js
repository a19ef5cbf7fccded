// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['police', 'immigration', 'child-welfare', 'ngo', 'nrm'];

/** Rooms kept apart: what each place may not import. */
const otherWorkspaces = (name) => ({
  regex: `^@nrm-hub/(?!kit|${name}(/|$))`,
  message: 'A subgraph imports only the kit and itself: no subgraph imports another, the gateway, scripts or tests.',
});
const noSubgraphImportsAnother = SUBGRAPHS.flatMap((name) => [
  {
    files: [`subgraphs/${name}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            otherWorkspaces(name),
            { group: ['**/subgraphs/*/**', '../../*/**'], message: 'No relative import into another workspace: import it by its package name.' },
            { group: ['@nrm-hub/kit/testing', 'vitest', 'vitest/*'], message: 'Test helpers stay out of production code.' },
          ],
        },
      ],
    },
  },
  { files: [`subgraphs/${name}/test/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: [otherWorkspaces(name)] }] } },
]);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      'web/src/gql/**',
      'web/dist/**',
      '.data/**',
      '.turbo/**',
      '**/drizzle/**',
      'test/bench/monolith/**/*.sql',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      // Import hygiene: no loops, no relative reach into another workspace.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-relative-packages': 'error',
      'import-x/no-self-import': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Apollo and Envelop hooks are async by their interfaces whether or not a body awaits.
      '@typescript-eslint/require-await': 'off',
      // `process.on('SIGTERM', async () => ...)` and `server.on('request', async ...)` are how Node takes async handlers; each handles its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'], conditionNames: ['types', 'import', 'node', 'default'] })],
    },
  },
  // Production code: no test helpers, no test runner.
  {
    files: ['kit/src/**/*.ts', 'gateway/src/**/*.ts', 'schema/src/**/*.ts', 'scripts/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['kit/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nrm-hub/kit/testing', '**/testing/**', 'vitest', 'vitest/*'], message: 'Test helpers stay out of production code.' },
            { group: ['../../*/src/**', '**/subgraphs/*/src/**'], message: 'No relative import into another workspace: import it by its package name.' },
          ],
        },
      ],
    },
  },
  // The gateway never reaches into a subgraph.
  {
    files: ['gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: `^@nrm-hub/(${SUBGRAPHS.join('|')})(/|$)`, message: 'The gateway knows subgraphs only through the composed supergraph.' },
            { group: ['**/subgraphs/**', '**/scripts/src/**'], message: 'No relative import into another workspace.' },
          ],
        },
      ],
    },
  },
  ...noSubgraphImportsAnother,
  // Resolvers hold no SQL: all queries live in `data/`.
  {
    files: ['subgraphs/*/src/resolvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'], message: 'Resolvers hold no SQL: put the query in src/data/.' },
            { regex: `^@nrm-hub/(?!kit(/(?!testing)|$))`, message: 'A subgraph imports only the kit (not its test helpers) and itself.' },
          ],
        },
      ],
    },
  },
  // React components destructure the functions a hook returns (`const { t } = useI18n()`): not methods that lose `this`.
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  // The demo data loader reads the gateway's JSON answers as they come (a GraphQL response is untyped JSON here).
  {
    files: ['scripts/src/demo-data.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // Tests read untyped GraphQL responses (`data` is JSON): the unsafe-any rules would only add casts there.
  {
    files: ['**/test/**/*.ts', 'test/**/*.ts', 'kit/src/testing/**/*.ts', '**/*.config.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-unsafe-optional-chaining': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  prettier,
);
