import { createSubgraphServer, subgraphTypeDefs } from '@nrm-hub/kit';
import type { NgoContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The NGO subgraph's SDL file. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);
/** Committed migrations. */
export const migrationsFolder = new URL('../drizzle', import.meta.url).pathname;

/** Builds the NGO subgraph server; it does not listen. */
export function createServer() {
  return createSubgraphServer<NgoContext>({ name: 'ngo', typeDefs: subgraphTypeDefs(schemaFile), resolvers });
}
