import { agencySettings, loadAgencyConfig, runSubgraph } from '@nrm-hub/kit';
import { contextFactory } from './context.ts';
import * as schema from './db/schema.ts';
import { createServer, migrationsFolder } from './server.ts';

const config = loadAgencyConfig();
await runSubgraph({
  name: 'ngo',
  envPrefix: 'NGO',
  defaultPort: 4004,
  schema,
  migrationsFolder,
  server: createServer(),
  context: contextFactory(await agencySettings(config)),
});
