import { listen, openDatabase } from '@nrm-hub/kit';
import { sql } from 'drizzle-orm';
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import * as schema from './db/schema.ts';
import { createServer, migrationsFolder } from './server.ts';

const config = loadConfig();
const database = await openDatabase({
  schema,
  migrationsFolder,
  url: config.NRM_DATABASE_URL,
  dataDir: config.NRM_DATABASE_URL ? undefined : (config.NRM_DATA_DIR ?? '.data/nrm'),
});
const running = await listen({
  server: createServer(),
  port: config.NRM_PORT,
  context: createContext(database.db),
  ready: async () => (await database.db.execute(sql`select 1`), true),
});
console.log(`nrm subgraph ready at ${running.url} (${database.driver})`);

const stop = async () => {
  await running.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
