import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { sqlStatements } from './metrics.ts';

/** Marks the audit appender's statements so `StatementCounter` can keep them apart from resolving. */
export const AUDIT_APPEND_MARK = '/* audit-append */';

/** Statements a counter keeps the text of (tests read them); beyond this only the counts grow, so a long-running process does not leak. */
const KEEP_STATEMENTS = 10_000;

/** A drizzle database over either driver, typed by the subgraph's table schema. */
export type Db<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

/**
 * Counts SQL statements a database handle runs; tests use it to prove
 * batching. The audit appender's statements (marked `AUDIT_APPEND_MARK`) are
 * counted apart in `auditCount`: they are a fixed cost per request, written
 * after resolving, not part of it.
 */
export class StatementCounter implements Logger {
  count = 0;
  auditCount = 0;
  readonly statements: string[] = [];
  logQuery(query: string): void {
    if (query.startsWith(AUDIT_APPEND_MARK)) {
      this.auditCount += 1;
      sqlStatements.inc({ kind: 'audit' });
      return;
    }
    this.count += 1;
    sqlStatements.inc({ kind: 'resolve' });
    if (this.statements.length < KEEP_STATEMENTS) this.statements.push(query);
  }
  reset(): void {
    this.count = 0;
    this.auditCount = 0;
    this.statements.length = 0;
  }
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** drizzle table schema of the subgraph. */
  schema: TSchema;
  /** Folder of the committed drizzle migrations. */
  migrationsFolder: string;
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; when absent too, an in-memory PGlite. */
  dataDir?: string | undefined;
  /** Connection pool size for postgres.js. */
  maxConnections?: number;
  /** Apply the migrations (default). Off for read-only tools such as `audit:verify`. */
  migrate?: boolean;
  /**
   * Postgres only: the longest a statement may run before the server cancels it (`statement_timeout`), so no
   * request waits on a locked or stuck database past it. None when absent or 0 (tools and benchmarks run long
   * statements); a subgraph process gets `DEFAULT_STATEMENT_TIMEOUT_MS` (`runSubgraph`).
   */
  statementTimeoutMs?: number;
  /** Postgres only: how long to wait for a (re)connection before failing the statement (`DEFAULT_CONNECT_TIMEOUT_SECONDS`). */
  connectTimeoutSeconds?: number;
}

/** A subgraph's statements run at most this long on Postgres: the gateway stops waiting for a subgraph after 15 s anyway. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
/** A lost connection is replaced on the next statement; establishing it may take this long. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

/** An open, migrated database of one subgraph. */
export interface Database<TSchema extends Record<string, unknown>> {
  db: Db<TSchema>;
  /** Counts every statement run through `db`. */
  statements: StatementCounter;
  /** Which engine is underneath, for logs and tests. */
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the subgraph's own database and applies its committed migrations.
 * With `url` it connects to Postgres through postgres.js; otherwise it runs
 * embedded PGlite (in `dataDir`, or in memory).
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<Database<TSchema>> {
  const statements = new StatementCounter();
  const casing = 'snake_case' as const;
  const migrate = options.migrate ?? true;
  if (options.url) {
    // Migrations run over one dedicated connection, as drizzle recommends.
    if (migrate) {
      const migrationClient = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        await migratePostgres(drizzlePostgres(migrationClient, { casing }), { migrationsFolder: options.migrationsFolder });
      } finally {
        await migrationClient.end();
      }
    }
    // A connection the server dropped (restart, `pg_terminate_backend`) is replaced by postgres.js on the next
    // statement; the timeouts bound how long a request can wait for that or for a stuck statement.
    const statementTimeout = options.statementTimeoutMs ?? 0;
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: options.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
      ...(statementTimeout > 0 ? { connection: { statement_timeout: statementTimeout } } : {}),
    });
    const db = drizzlePostgres(client, { schema: options.schema, casing, logger: statements });
    return {
      db: db as unknown as Db<TSchema>,
      statements,
      driver: 'postgres',
      close: () => client.end(),
    };
  }
  if (options.dataDir && migrate) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  if (migrate) await migratePglite(drizzlePglite(client, { casing }), { migrationsFolder: options.migrationsFolder });
  const db = drizzlePglite(client, { schema: options.schema, casing, logger: statements });
  return {
    db: db as unknown as Db<TSchema>,
    statements,
    driver: 'pglite',
    close: () => client.close(),
  };
}
