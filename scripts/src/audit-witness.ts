/**
 * The audit witness process: keeps the subgraphs' signed audit chain heads in
 * its own database, which none of the subgraphs' operators can write to
 * (`kit/src/audit/witness.ts`). Reads `AUDIT_WITNESS_PORT` (4006),
 * `AUDIT_WITNESS_DATABASE_URL` or `AUDIT_WITNESS_DATA_DIR` (PGlite, default
 * `$HUB_DATA_DIR/audit-witness`), and `SERVICE_JWKS` (the subgraphs' public
 * service keys; heads signed by any other key are refused).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureWitnessSchema, listenWitness, loadServiceJwks, openDatabase } from '@nrm-hub/kit';

const root = resolve(import.meta.dirname, '../..');
const env = process.env;
const jwks = loadServiceJwks(env);
if (!jwks) throw new Error('Invalid configuration: SERVICE_JWKS is required');
const url = env.AUDIT_WITNESS_DATABASE_URL || undefined;
const dataDir = url ? undefined : resolve(env.AUDIT_WITNESS_DATA_DIR ?? resolve(root, env.HUB_DATA_DIR ?? '.data', 'audit-witness'));
if (dataDir) mkdirSync(dataDir, { recursive: true });
const database = await openDatabase({ schema: {}, migrationsFolder: '', url, dataDir, migrate: false, maxConnections: 2 });
await ensureWitnessSchema(database.db);
const running = await listenWitness({ db: database.db, jwks, port: Number(env.AUDIT_WITNESS_PORT ?? 4006) });
console.log(`audit witness ready at ${running.url} (${database.driver})`);
const stop = async () => {
  await running.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
