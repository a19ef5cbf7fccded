import { setMaxListeners } from 'node:events';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';

// Each subrequest adds an abort listener to the request's signal; a wide
// query plan legitimately adds more than Node's default warning limit of 10.
setMaxListeners(100);
const config = loadConfig();
const gateway = await startGateway({ port: config.port, production: config.production, subgraphUrls: config.subgraphUrls, host: config.host });
console.log(`gateway ready at http://localhost:${gateway.port}/graphql`);
const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
