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

import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { IncomingMessage } from 'node:http';
import { createTokenVerifier, type TokenVerifier } from './auth.ts';

/** Claims a test token carries. */
export interface TestClaims {
  sub?: string;
  agency: string;
  roles?: string[];
  purpose?: string | null;
  expiresIn?: string;
}

/**
 * A throwaway ES256 issuer for tests: real keys, real signatures, verified by
 * the real verifier. `request(token)` builds the minimal Node request a
 * context function reads.
 */
export async function testIssuer(options: { issuer?: string; audience?: string } = {}) {
  const issuer = options.issuer ?? 'nrm-hub-test-issuer';
  const audience = options.audience ?? 'nrm-hub';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const jwks = { keys: [jwk] };
  const config = { issuer, audience, algorithms: ['ES256'], jwks, clockToleranceSeconds: 30 };
  const verifier: TokenVerifier = createTokenVerifier(config);
  const token = async (claims: TestClaims) => {
    const { sub, agency, roles, purpose, expiresIn } = claims;
    const payload: Record<string, unknown> = { agency, roles: roles ?? ['caseworker'] };
    if (purpose !== null) payload.purpose = purpose ?? 'CASE-2021-17';
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject(sub ?? `test-user-${agency}`)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn ?? '10m')
      .sign(privateKey);
  };
  return {
    config,
    jwks,
    privateKey,
    verifier,
    token,
    /** A request with `Authorization: Bearer <token>` for the claims. */
    async request(claims: TestClaims): Promise<IncomingMessage> {
      return { headers: { authorization: `Bearer ${await token(claims)}` } } as unknown as IncomingMessage;
    },
  };
}
