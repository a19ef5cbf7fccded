import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { optionalString, port, readConfig } from '../runtime/config.ts';
import { witnessFromEnv } from '../audit/witness.ts';
import { openDatabase, type Db } from '../runtime/database.ts';
import { setMetricsService } from '../runtime/metrics.ts';
import { listen } from './server.ts';

/**
 * Starts one subgraph process: reads `<PREFIX>_PORT`, `<PREFIX>_DATABASE_URL`
 * and `<PREFIX>_DATA_DIR`, opens and migrates its own database (PGlite in
 * `.data/<name>` when no URL is given), listens, and closes cleanly on
 * SIGINT/SIGTERM.
 */
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
  const p = options.envPrefix;
  const env = readConfig(
    z.object({
      [`${p}_PORT`]: port(options.defaultPort),
      [`${p}_DATABASE_URL`]: optionalString,
      [`${p}_DATA_DIR`]: optionalString,
    }),
  ) as Record<string, string | number | undefined>;
  const url = env[`${p}_DATABASE_URL`] as string | undefined;
  const database = await openDatabase({
    schema: options.schema,
    migrationsFolder: options.migrationsFolder,
    url,
    dataDir: url ? undefined : ((env[`${p}_DATA_DIR`] as string | undefined) ?? `.data/${options.name}`),
  });
  const running = await listen({
    server: options.server,
    port: env[`${p}_PORT`] as number,
    context: options.context(database.db),
    ready: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
  });
  console.log(`${options.name} subgraph ready at ${running.url} (${database.driver})`);
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
