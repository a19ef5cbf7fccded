import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';

const config = loadConfig();
const gateway = await startGateway({ port: config.port, production: config.production, subgraphUrls: config.subgraphUrls, host: config.host });
console.log(`gateway ready at http://localhost:${gateway.port}/graphql`);
const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
