import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The browser tests (`npm run test:web`; `.ci/run` runs them after the
 * suite): the real hub on in-memory PGlite with the demo data, a
 * production-mode gateway, the built app, Debian's chromium.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    root: import.meta.dirname + '/..',
    include: ['web/test/**/*.{e2e,check}.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
