import { createSubgraphServer, subgraphTypeDefs } from '@nrm-hub/kit';
import type { NrmContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The NRM subgraph's SDL file. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);
/** Committed migrations. */
export const migrationsFolder = new URL('../drizzle', import.meta.url).pathname;

/** Builds the NRM subgraph server; it does not listen. */
export function createServer() {
  return createSubgraphServer<NrmContext>({ name: 'nrm', typeDefs: subgraphTypeDefs(schemaFile), resolvers });
}
