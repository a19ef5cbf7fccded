import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { optionalString, port, readConfig } from '../runtime/config.ts';
import { witnessFromEnv } from '../audit/witness.ts';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_STATEMENT_TIMEOUT_MS, openDatabase, type Db } from '../runtime/database.ts';
import { setMetricsService } from '../runtime/metrics.ts';
import { log, setLogService } from '../runtime/logger.ts';
import { listen } from './server.ts';

/**
 * Starts one subgraph process: reads `<PREFIX>_PORT`, `<PREFIX>_DATABASE_URL`,
 * `<PREFIX>_DATA_DIR`, `DATABASE_STATEMENT_TIMEOUT_MS` (15 s) and
 * `DATABASE_CONNECT_TIMEOUT_SECONDS` (5 s), opens and migrates its own database (PGlite in
 * `.data/<name>` when no URL is given), listens, and closes cleanly on
 * SIGINT/SIGTERM.
 */
/**
 * Each subgraph's own rate limit per subject (`SUBGRAPH_RATE_LIMIT` a minute, 0 off; bursts of
 * `SUBGRAPH_RATE_LIMIT_BURST`, 5 × by default): five times the gateway's, since one gateway request
 * can call a subgraph more than once, so only a caller going around the gateway meets it.
 */
export const DEFAULT_SUBGRAPH_RATE_LIMIT = { requests: 600, windowMs: 60_000 } as const;

export async function runSubgraph<TSchema extends Record<string, unknown>, TContext extends BaseContext>(options: {
  name: string;
  envPrefix: string;
  defaultPort: number;
  schema: TSchema;
  migrationsFolder: string;
  server: ApolloServer<TContext>;
  context: (db: Db<TSchema>) => (req: IncomingMessage, requestId: string) => Promise<TContext>;
}): Promise<void> {
  setMetricsService(options.name);
  setLogService(options.name);
  const p = options.envPrefix;
  const env = readConfig(
    z.object({
      [`${p}_PORT`]: port(options.defaultPort),
      [`${p}_DATABASE_URL`]: optionalString,
      [`${p}_DATA_DIR`]: optionalString,
      DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(DEFAULT_STATEMENT_TIMEOUT_MS),
      DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_CONNECT_TIMEOUT_SECONDS),
      SUBGRAPH_RATE_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_SUBGRAPH_RATE_LIMIT.requests),
      SUBGRAPH_RATE_LIMIT_BURST: z.coerce.number().int().min(1).optional(),
    }),
  ) as Record<string, string | number | undefined>;
  const url = env[`${p}_DATABASE_URL`] as string | undefined;
  const database = await openDatabase({
    schema: options.schema,
    migrationsFolder: options.migrationsFolder,
    url,
    dataDir: url ? undefined : ((env[`${p}_DATA_DIR`] as string | undefined) ?? `.data/${options.name}`),
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS as number,
    connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT_SECONDS as number,
  });
  const running = await listen({
    server: options.server,
    port: env[`${p}_PORT`] as number,
    context: options.context(database.db),
    rateLimit: {
      requests: env.SUBGRAPH_RATE_LIMIT as number,
      windowMs: DEFAULT_SUBGRAPH_RATE_LIMIT.windowMs,
      ...(env.SUBGRAPH_RATE_LIMIT_BURST !== undefined ? { burst: env.SUBGRAPH_RATE_LIMIT_BURST as number } : {}),
    },
    ready: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
  });
  log.info({ url: running.url, driver: database.driver }, `${options.name} subgraph ready`);
  // Signed chain heads go to the audit witness (when configured), so a rewritten chain shows.
  const stopWitnessing = await witnessFromEnv(database.db, options.name);
  const stop = async () => {
    stopWitnessing();
    await running.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
