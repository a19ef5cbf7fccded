import { agencySettings, loadAgencyConfig, runSubgraph } from '@nrm-hub/kit';
import { contextFactory } from './context.ts';
import * as schema from './db/schema.ts';
import { createServer, migrationsFolder } from './server.ts';

const config = loadAgencyConfig();
await runSubgraph({
  name: 'child-welfare',
  envPrefix: 'CHILD_WELFARE',
  defaultPort: 4003,
  schema,
  migrationsFolder,
  server: createServer(),
  context: contextFactory(await agencySettings(config)),
});
