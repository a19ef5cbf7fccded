import { describe, expect, it } from 'vitest';
import { composeSupergraph, readSupergraph } from '../src/compose.ts';

describe('supergraph composition', () => {
  it('composes the five subgraphs without errors', () => {
    const { errors, supergraphSdl } = composeSupergraph();
    expect(errors).toEqual([]);
    for (const name of ['POLICE', 'IMMIGRATION', 'CHILD_WELFARE', 'NGO', 'NRM']) {
      expect(supergraphSdl).toContain(`${name} @join__graph(name:`);
    }
  });

  it('matches the committed schema/supergraph.graphql (run `npm run compose` after changing a subgraph SDL)', () => {
    expect(readSupergraph()).toBe(composeSupergraph().supergraphSdl);
  });
});
