import { createTokenVerifier, loadAuthConfig, runSubgraph } from '@nrm-hub/kit';
import { loadConfig } from './config.ts';
import { contextFactory } from './context.ts';
import * as schema from './db/schema.ts';
import { createServer, migrationsFolder } from './server.ts';

loadConfig();
await runSubgraph({ name: 'nrm', envPrefix: 'NRM', defaultPort: 4005, schema, migrationsFolder, server: createServer(), context: contextFactory({ verifier: createTokenVerifier(loadAuthConfig()) }) });
