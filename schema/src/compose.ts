import { readFileSync, writeFileSync } from 'node:fs';
import { subgraphSdl } from '@nrm-hub/kit';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { defaultUrl, SUBGRAPHS, SUPERGRAPH_FILE } from './subgraphs.ts';

/** Composes the five subgraph SDLs; returns the supergraph SDL or the composition errors. */
export function composeSupergraph(): { supergraphSdl: string; errors: string[] } {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, typeDefs: parse(subgraphSdl(s.schemaFile)), url: defaultUrl(s) })));
  if (result.errors && result.errors.length > 0) {
    return { supergraphSdl: '', errors: result.errors.map((e) => e.message) };
  }
  return { supergraphSdl: `${(result.supergraphSdl ?? '').trim()}\n`, errors: [] };
}

/** Reads the committed supergraph. */
export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}

// `npm run compose` rewrites the committed file.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { supergraphSdl, errors } = composeSupergraph();
  if (errors.length > 0) {
    console.error(`Composition failed:\n- ${errors.join('\n- ')}`);
    process.exit(1);
  }
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  console.log(`Wrote ${SUPERGRAPH_FILE}`);
}
