import { fileURLToPath } from 'node:url';

/** One subgraph of the hub: its name in the supergraph, env prefix, default port and SDL file. */
export interface SubgraphInfo {
  name: 'police' | 'immigration' | 'child-welfare' | 'ngo' | 'nrm';
  envPrefix: string;
  defaultPort: number;
  workspace: string;
  schemaFile: string;
}

const root = new URL('../../', import.meta.url);
const info = (name: SubgraphInfo['name'], envPrefix: string, defaultPort: number): SubgraphInfo => ({
  name,
  envPrefix,
  defaultPort,
  workspace: fileURLToPath(new URL(`subgraphs/${name}/`, root)),
  schemaFile: fileURLToPath(new URL(`subgraphs/${name}/src/schema.graphql`, root)),
});

/** The five subgraphs, in start order (the NRM first: agencies register with it). */
export const SUBGRAPHS: readonly SubgraphInfo[] = [
  info('nrm', 'NRM', 4005),
  info('police', 'POLICE', 4001),
  info('immigration', 'IMMIGRATION', 4002),
  info('child-welfare', 'CHILD_WELFARE', 4003),
  info('ngo', 'NGO', 4004),
];

/** Default local URL of a subgraph's GraphQL endpoint. */
export function defaultUrl(s: SubgraphInfo): string {
  return `http://127.0.0.1:${s.defaultPort}/graphql`;
}

/** The committed supergraph file. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
