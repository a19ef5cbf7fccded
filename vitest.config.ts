import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** One project per workspace's unit tests, named as `npm test -- --project <name>` takes it. */
const UNIT = {
  kit: 'kit',
  police: 'subgraphs/police',
  immigration: 'subgraphs/immigration',
  'child-welfare': 'subgraphs/child-welfare',
  ngo: 'subgraphs/ngo',
  nrm: 'subgraphs/nrm',
  gateway: 'gateway',
  schema: 'schema',
  scripts: 'scripts',
};

export default defineConfig({
  root: import.meta.dirname,
  // Node resolves `graphql` to its CommonJS entry (it has no `exports` map), and
  // @apollo/subgraph is CommonJS; Vite would pick the `module` entry for our
  // ESM sources and load graphql twice ("from another module or realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      ...Object.entries(UNIT).map(([name, dir]) => ({ extends: true as const, test: { name, include: [`${dir}/test/**/*.test.ts`] } })),
      // End to end: the real gateway and subgraphs over HTTP (the `test` workspace).
      { extends: true, test: { name: 'e2e', include: ['test/**/*.e2e.ts', 'test/*.test.ts'], exclude: ['test/matching-bench.test.ts'] } },
      // The benchmarks' smoke tests: a small fixed-seed run whose accuracy can fail the suite.
      { extends: true, test: { name: 'bench', include: ['test/matching-bench.test.ts'] } },
      // The web app's unit tests (its browser tests are `npm run test:web`).
      { extends: true, test: { name: 'web', include: ['web/test/**/*.test.ts'] } },
    ],
  },
});
