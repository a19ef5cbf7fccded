import { createSubgraphServer, subgraphTypeDefs } from '@nrm-hub/kit';
import type { PoliceContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The police subgraph's SDL file. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);
/** Committed migrations. */
export const migrationsFolder = new URL('../drizzle', import.meta.url).pathname;

/** Builds the police subgraph server; it does not listen. */
export function createServer() {
  return createSubgraphServer<PoliceContext>({ name: 'police', typeDefs: subgraphTypeDefs(schemaFile), resolvers });
}
