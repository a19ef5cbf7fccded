import { createSubgraphServer, subgraphTypeDefs } from '@nrm-hub/kit';
import type { ImmigrationContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The immigration subgraph's SDL file. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);
/** Committed migrations. */
export const migrationsFolder = new URL('../drizzle', import.meta.url).pathname;

/** Builds the immigration subgraph server; it does not listen. */
export function createServer() {
  return createSubgraphServer<ImmigrationContext>({ name: 'immigration', typeDefs: subgraphTypeDefs(schemaFile), resolvers });
}
