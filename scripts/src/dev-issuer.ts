import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

/** Issuer name of local development tokens; production issuers are configured, never this. */
export const DEV_ISSUER = 'nrm-hub-dev-issuer';
export const DEV_AUDIENCE = 'nrm-hub';

/** Claims of a development token. */
export interface DevClaims {
  agency: string;
  roles: string[];
  purpose?: string | null;
  sub?: string;
  ttl?: string;
}

/**
 * The local development issuer: an ES256 key pair kept in `<dataDir>/dev-issuer-key.json`
 * (made on first use, readable only by its owner, never committed). The hub's
 * processes get only its public JWKS.
 */
export async function devIssuer(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'dev-issuer-key.json');
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: `dev-${randomUUID().slice(0, 8)}`, alg: 'ES256' };
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  const privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { d: _private, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, 'ES256');
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, use: 'sig' }] };
  return {
    jwks,
    /** Environment for the hub's processes: verify with the public key only. */
    env: { AUTH_ISSUER: DEV_ISSUER, AUTH_AUDIENCE: DEV_AUDIENCE, AUTH_ALGORITHMS: 'ES256', AUTH_JWKS: JSON.stringify(jwks) },
    async sign(claims: DevClaims): Promise<string> {
      const payload: Record<string, unknown> = { agency: claims.agency, roles: claims.roles };
      if (claims.purpose) payload.purpose = claims.purpose;
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid })
        .setSubject(claims.sub ?? `dev-${claims.agency.replace(':', '-')}-${claims.roles[0] ?? 'user'}`)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(claims.ttl ?? '8h')
        .sign(key);
    },
  };
}
