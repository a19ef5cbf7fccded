import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { createTokenVerifier, loadAuthConfig } from '@nrm-hub/kit/auth';
import { log } from '@nrm-hub/kit/runtime';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import { readTrustedDocuments } from './trusted-documents.ts';

// Each subrequest adds an abort listener to the request's signal, and the
// runtime delegates each entity of a list on its own: `victims(first: 500)`
// legitimately adds a few per victim, more than Node's default warning limit.
setMaxListeners(5_000);
const config = loadConfig();
const gateway = await startGateway({
  port: config.port,
  host: config.host,
  production: config.production,
  subgraphUrls: config.subgraphUrls,
  verifier: createTokenVerifier(loadAuthConfig()),
  limits: config.limits,
  maxBodyBytes: config.maxBodyBytes,
  rateLimit: config.rateLimit,
  trustedDocuments: readTrustedDocuments(config.trustedDocumentsFile),
  corsOrigins: config.corsOrigins,
  deduplicateInflightRequests: config.deduplicateInflightRequests,
  queryPlanner: config.queryPlanner,
  redisUrl: config.redisUrl,
  upstreamTimeoutMs: config.upstreamTimeoutMs,
  ...(config.readyFile ? { ready: () => existsSync(config.readyFile!) } : {}),
});
log.info({ url: `http://localhost:${gateway.port}/graphql`, waitsForReadyFile: Boolean(config.readyFile) }, 'gateway listening');
// The runtime disposes itself on SIGINT/SIGTERM (a hard-coded `disposeOnProcessTerminate`), which fails the
// requests in flight: take those handlers off and shut down in order instead (finish, then dispose).
for (const signal of ['SIGINT', 'SIGTERM'] as const) for (const listener of process.listeners(signal)) process.off(signal, listener);
const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
