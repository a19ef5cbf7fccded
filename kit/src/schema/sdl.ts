import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

const SHARED_SDL = readFileSync(fileURLToPath(new URL('./shared.graphql', import.meta.url)), 'utf8');
/** The safeguards' shared types (screenings, deadlines). */
const SAFEGUARDS_SDL = readFileSync(fileURLToPath(new URL('./safeguards.graphql', import.meta.url)), 'utf8');
const STATISTICS_SDL = readFileSync(fileURLToPath(new URL('./statistics.graphql', import.meta.url)), 'utf8');

/** The subgraph's full SDL: its own `schema.graphql` plus the kit's shared code lists and statistics value types. */
export function subgraphSdl(schemaFile: URL | string): string {
  const path = schemaFile instanceof URL ? fileURLToPath(schemaFile) : schemaFile;
  return `${readFileSync(path, 'utf8')}\n${SHARED_SDL}\n${SAFEGUARDS_SDL}\n${STATISTICS_SDL}`;
}

/** `subgraphSdl` parsed. */
export function subgraphTypeDefs(schemaFile: URL | string): DocumentNode {
  return parse(subgraphSdl(schemaFile));
}
