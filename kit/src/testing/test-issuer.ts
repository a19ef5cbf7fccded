import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { IncomingMessage } from 'node:http';
import { createTokenVerifier, type TokenVerifier } from '../auth/auth.ts';
import { agencyKind } from '../auth/policy.ts';
import { createServiceVerifier, generateServiceKeys, serviceSigner, type ServiceName, type ServiceSigner } from '../auth/service-auth.ts';

/** Claims a test token carries. */
export interface TestClaims {
  sub?: string;
  agency: string;
  roles?: string[];
  purpose?: string | null;
  expiresIn?: string;
  /** A service credential minted by the agency subgraph's own key, on behalf of `sub` (instead of a user token). */
  service?: boolean;
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
  // Each subgraph's service identity, as `npm start` makes them.
  const serviceKeys = await generateServiceKeys();
  const signers = new Map<string, ServiceSigner>();
  for (const [name, jwk] of Object.entries(serviceKeys.privateKeys)) signers.set(name, await serviceSigner(jwk));
  const serviceSignerOf = (name: ServiceName): ServiceSigner => signers.get(name)!;
  const token = async (claims: TestClaims) => {
    const { sub, agency, roles, purpose, expiresIn } = claims;
    if (claims.service) {
      return serviceSignerOf(agencyKind(agency) as ServiceName).mint({
        subject: sub ?? `test-user-${agency}`,
        agency,
        purpose: purpose === undefined ? 'CASE-2021-17' : purpose,
      });
    }
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
    /** Public keys of every subgraph's service identity (`SERVICE_JWKS`). */
    serviceJwks: serviceKeys.jwks,
    /** Private service keys by subgraph name (`SERVICE_KEY`). */
    servicePrivateKeys: serviceKeys.privateKeys,
    /** The service signer of one subgraph. */
    serviceSigner: serviceSignerOf,
    /** Verifies service credentials signed by any of the subgraphs' keys. */
    serviceVerifier: createServiceVerifier(serviceKeys.jwks),
    /** A request with `Authorization: Bearer <token>` for the claims. */
    async request(claims: TestClaims): Promise<IncomingMessage> {
      return { headers: { authorization: `Bearer ${await token(claims)}` } } as unknown as IncomingMessage;
    },
  };
}
