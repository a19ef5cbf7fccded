import { createServiceVerifier, createTokenVerifier, loadAuthConfig, loadServiceJwks, runSubgraph } from '@nrm-hub/kit';
import { loadConfig } from './config.ts';
import { contextFactory } from './context.ts';
import * as schema from './db/schema.ts';
import { createServer, migrationsFolder } from './server.ts';

loadConfig();
// The agency subgraphs' service keys (public halves): registrations come only with one of their credentials.
const serviceJwks = loadServiceJwks();
if (!serviceJwks) throw new Error("Invalid configuration: SERVICE_JWKS is required (the agency subgraphs' service keys)");
await runSubgraph({
  name: 'nrm',
  envPrefix: 'NRM',
  defaultPort: 4005,
  schema,
  migrationsFolder,
  server: createServer(),
  context: contextFactory({ verifier: createTokenVerifier(loadAuthConfig()), serviceVerifier: createServiceVerifier(serviceJwks) }),
});
