import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from './database.ts';

/**
 * Leases a fresh, migrated database for one test file. With
 * `TEST_DATABASE_URL` set it creates a new database on that server and drops
 * it on close; otherwise it opens an in-memory PGlite.
 */
export async function createTestDatabase<TSchema extends Record<string, unknown>>(
  schema: TSchema,
  migrationsFolder: string,
): Promise<Database<TSchema>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ schema, migrationsFolder });
  const name = `nrm_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ schema, migrationsFolder, url: url.toString(), maxConnections: 5 });
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
