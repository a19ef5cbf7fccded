import { createSubgraphServer, subgraphTypeDefs } from '@nrm-hub/kit';
import type { ChildWelfareContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The child welfare subgraph's SDL file. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);
/** Committed migrations. */
export const migrationsFolder = new URL('../drizzle', import.meta.url).pathname;

/** Builds the child welfare subgraph server; it does not listen. */
export function createServer() {
  return createSubgraphServer<ChildWelfareContext>({ name: 'child-welfare', typeDefs: subgraphTypeDefs(schemaFile), resolvers });
}
