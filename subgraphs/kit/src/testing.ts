import type { ApolloServer, BaseContext } from '@apollo/server';

/** Runs an operation in-process and returns `{ data, errors }` of a single result. */
export async function execute<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  contextValue: TContext,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: Record<string, any> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Expected a single result');
  return response.body.singleResult as never;
}

import { randomUUID } from 'node:crypto';
import type { NrmClient, NrmRegistrationRequest } from './nrm-client.ts';
import { hubError } from './errors.ts';

/**
 * An in-memory stand-in for the NRM, for an agency subgraph's own unit tests
 * only (end-to-end tests run the real NRM subgraph). Idempotent per
 * (agency, key); joins registrations that share an identifier hash.
 */
export function inMemoryNrm(): NrmClient & { requests: NrmRegistrationRequest[]; down: boolean } {
  const byKey = new Map<string, string>();
  const byHash = new Map<string, string>();
  const state = {
    requests: [] as NrmRegistrationRequest[],
    down: false,
    async register(request: NrmRegistrationRequest) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      state.requests.push(request);
      const k = `${request.agency}|${request.idempotencyKey}`;
      const known = byKey.get(k);
      if (known) return { victimId: known, matchedExisting: false, matchScore: 1 };
      const hit = request.identifierHashes.map((h) => byHash.get(h)).find(Boolean);
      const victimId = hit ?? randomUUID();
      byKey.set(k, victimId);
      for (const h of request.identifierHashes) byHash.set(h, victimId);
      return { victimId, matchedExisting: Boolean(hit), matchScore: 1 };
    },
  };
  return state;
}

/** Synthetic valid identifiers for tests (no real person). */
export const SAMPLE_IDS = {
  /** A fødselsnummer with valid check digits (synthetic). */
  fodselsnummer: '01010012356',
  /** A DUF number with valid check digits. */
  duf: '201212345603',
};
