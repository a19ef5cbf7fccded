import { defineConfig } from 'drizzle-kit';

/** Migrations of the audit table alone, for the kit's own tests (each subgraph generates its own). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/audit/log.ts',
  out: './test/audit-migrations',
  casing: 'snake_case',
});
