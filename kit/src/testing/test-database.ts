import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../runtime/database.ts';

/** Where `createTestDatabase` puts the database; every field optional. */
export interface TestDatabaseOptions {
  /**
   * postgres:// URL of the server to create the database on; when absent or
   * undefined, an in-memory PGlite. Leave the key out to read
   * `TEST_DATABASE_URL`.
   */
  serverUrl?: string | undefined;
  /** Connection pool size for postgres.js (default 5). */
  maxConnections?: number;
  /** Start of the created database's name, so leftovers show whose they are (default `nrm_test`). */
  namePrefix?: string;
}

/**
 * Leases a fresh, migrated database for one test file. With a server URL
 * (`options.serverUrl`, else `TEST_DATABASE_URL`) it creates a new database
 * with a random name on that server and drops it on close; otherwise it opens
 * an in-memory PGlite.
 */
export async function createTestDatabase<TSchema extends Record<string, unknown>>(
  schema: TSchema,
  migrationsFolder: string,
  options: TestDatabaseOptions = {},
): Promise<Database<TSchema>> {
  const serverUrl = 'serverUrl' in options ? options.serverUrl : process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ schema, migrationsFolder });
  const name = `${options.namePrefix ?? 'nrm_test'}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ schema, migrationsFolder, url: url.toString(), maxConnections: options.maxConnections ?? 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
