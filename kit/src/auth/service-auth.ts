import {
  createLocalJWKSet,
  decodeJwt,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { unauthenticated, type TokenVerifier, type Viewer } from './auth.ts';
import { agencyKind, isAgencyClaim, policiesFor, PURPOSE_RE } from './policy.ts';

/**
 * Service credentials: how one subgraph calls another in its own name.
 *
 * Each subgraph has its own service identity, an ES256 key pair whose key id
 * (`kid`) is the subgraph's name (`police`, `immigration`, `child-welfare`,
 * `ngo`, `nrm`). It mints short-lived tokens (`SERVICE_TOKEN_TTL_SECONDS`)
 * with audience `SERVICE_AUDIENCE`, issuer `service:<name>`, subject
 * `service:<name>`, the acting user in `act.sub` and the user's agency claim
 * and purpose. A receiving subgraph verifies them against the public keys of
 * the services it accepts (`SERVICE_JWKS`) and checks that the key that signed
 * is the agency's own: the police key cannot mint an NGO credential. End-user
 * tokens (audience `AUTH_AUDIENCE`, signed by the user issuer) never verify as
 * service credentials, and service credentials never verify as user tokens,
 * so the gateway (which verifies only user tokens) cannot pass one on.
 */

/** Audience of every service credential; user tokens carry another. */
export const SERVICE_AUDIENCE = 'nrm-hub-service';
/** Lifetime of a minted credential. */
export const SERVICE_TOKEN_TTL_SECONDS = 120;
/** The one scope a service viewer holds; `scopesFor` never gives it to a user. */
export const SERVICE_SCOPE = 'nrm:service';

/** A subgraph that has a service identity. */
export type ServiceName = 'police' | 'immigration' | 'child-welfare' | 'ngo' | 'nrm';
export const SERVICE_NAMES: readonly ServiceName[] = ['police', 'immigration', 'child-welfare', 'ngo', 'nrm'];

/** On whose behalf a service call is made: the verified end user of the request. */
export interface OnBehalf {
  subject: string;
  /** The user's agency claim, e.g. `police` or `ngo:rosa`. */
  agency: string;
  purpose: string | null;
}

/** The acting user of a viewer (null when anonymous). */
export function onBehalfOf(viewer: Viewer | null): OnBehalf | undefined {
  return viewer ? { subject: viewer.subject, agency: viewer.agency, purpose: viewer.purpose } : undefined;
}

/** Signs service credentials and statements with one subgraph's service key. */
export interface ServiceSigner {
  service: ServiceName;
  /** A service credential for a call on `onBehalf`'s behalf (the service alone when omitted). */
  mint(onBehalf?: OnBehalf): Promise<string>;
  /** A signed statement (a compact JWS with the claims), e.g. an audit head for the witness. */
  sign(claims: Record<string, unknown>, audience: string): Promise<string>;
}

function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (SERVICE_NAMES as readonly string[]).includes(value);
}

/** A signer from a private JWK whose `kid` is the subgraph's name. */
export async function serviceSigner(privateJwk: JWK): Promise<ServiceSigner> {
  const service = privateJwk.kid;
  if (!isServiceName(service)) throw new Error('Invalid configuration: SERVICE_KEY: its kid must name a subgraph');
  if (!privateJwk.d) throw new Error('Invalid configuration: SERVICE_KEY: a private key is required');
  const key = await importJWK(privateJwk, 'ES256');
  const sign = (claims: Record<string, unknown>, audience: string, ttl: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: service })
      .setIssuer(`service:${service}`)
      .setSubject(`service:${service}`)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
      .sign(key);
  return {
    service,
    mint(onBehalf) {
      const claims: Record<string, unknown> = { agency: onBehalf?.agency ?? service };
      if (onBehalf) claims.act = { sub: onBehalf.subject };
      if (onBehalf?.purpose) claims.purpose = onBehalf.purpose;
      return sign(claims, SERVICE_AUDIENCE, SERVICE_TOKEN_TTL_SECONDS);
    },
    sign(claims, audience) {
      return sign(claims, audience, 3600);
    },
  };
}

/** The signer configured in `SERVICE_KEY` (a private JWK as JSON, `kid` = the subgraph's name). */
export async function loadServiceSigner(env: Record<string, string | undefined> = process.env): Promise<ServiceSigner> {
  const raw = env.SERVICE_KEY;
  if (!raw) throw new Error("Invalid configuration: SERVICE_KEY is required (this subgraph's service identity)");
  let jwk: JWK;
  try {
    jwk = JSON.parse(raw) as JWK;
  } catch {
    throw new Error('Invalid configuration: SERVICE_KEY: not valid JSON');
  }
  return serviceSigner(jwk);
}

/** The public keys of `SERVICE_JWKS` (JSON), or null when not configured. */
export function loadServiceJwks(env: Record<string, string | undefined> = process.env): JSONWebKeySet | null {
  const raw = env.SERVICE_JWKS;
  if (!raw) return null;
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(raw) as JSONWebKeySet;
  } catch {
    throw new Error('Invalid configuration: SERVICE_JWKS: not valid JSON');
  }
  if (!Array.isArray(jwks.keys) || jwks.keys.some((k) => 'd' in k || !isServiceName(k.kid))) {
    throw new Error('Invalid configuration: SERVICE_JWKS: public keys only, each with a subgraph name as kid');
  }
  return jwks;
}

/** Verifies compact JWS statements signed by a service key (e.g. audit heads), returning the signer's name and the claims. */
export function serviceStatementVerifier(jwks: JSONWebKeySet, audience: string) {
  const keys = createLocalJWKSet(jwks);
  return async (jws: string): Promise<{ service: ServiceName; claims: Record<string, unknown> }> => {
    const { payload, protectedHeader } = await jwtVerify(jws, keys, { audience, algorithms: ['ES256'], requiredClaims: ['iss', 'iat'] });
    const service = protectedHeader.kid;
    if (!isServiceName(service) || payload.iss !== `service:${service}`) throw new Error("statement not signed by its issuer's own key");
    return { service, claims: payload };
  };
}

/**
 * A verifier of service credentials: signature by one of `jwks`' keys,
 * audience `SERVICE_AUDIENCE`, issuer `service:<kid>`, expiry within
 * `SERVICE_TOKEN_TTL_SECONDS`, and an agency claim of the signing service's
 * own kind. The viewer holds only `SERVICE_SCOPE` and `service`.
 */
export function createServiceVerifier(jwks: JSONWebKeySet, clockToleranceSeconds = 30): TokenVerifier {
  const keys = createLocalJWKSet(jwks);
  return async (authorization) => {
    if (!authorization) return null;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <JWT>".');
    const token = match[1] as string;
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys, {
        audience: SERVICE_AUDIENCE,
        algorithms: ['ES256'],
        clockTolerance: clockToleranceSeconds,
        maxTokenAge: SERVICE_TOKEN_TTL_SECONDS + clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'sub', 'iss'],
      });
      const service = protectedHeader.kid;
      const agency = payload.agency;
      const purpose = typeof payload.purpose === 'string' && PURPOSE_RE.test(payload.purpose) ? payload.purpose : null;
      const actor = (payload.act as { sub?: unknown } | undefined)?.sub;
      if (!isServiceName(service) || payload.iss !== `service:${service}` || payload.sub !== `service:${service}`) throw new Error('issuer');
      if (service === 'nrm' || !isAgencyClaim(agency) || agencyKind(agency) !== service) throw new Error('agency');
      return {
        subject: typeof actor === 'string' && actor.length > 0 && actor.length <= 200 ? actor : `service:${service}`,
        agency,
        agencyKind: agencyKind(agency),
        roles: ['service'],
        purpose,
        scopes: [SERVICE_SCOPE],
        policies: policiesFor(purpose),
        token,
        service,
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The service credential has expired.');
      throw unauthenticated('The service credential could not be verified.');
    }
  };
}

/**
 * One verifier for a subgraph that takes both end users and services: a
 * token whose (unverified) audience is `SERVICE_AUDIENCE` goes to the service
 * verifier, any other to the user verifier; each verifies fully.
 */
export function userOrServiceVerifier(user: TokenVerifier, service: TokenVerifier | null | undefined): TokenVerifier {
  return async (authorization) => {
    if (!service || !authorization) return user(authorization);
    let audience: unknown;
    try {
      audience = decodeJwt(authorization.trim().replace(/^Bearer /, '')).aud;
    } catch {
      return user(authorization);
    }
    const forService = audience === SERVICE_AUDIENCE || (Array.isArray(audience) && audience.includes(SERVICE_AUDIENCE));
    return forService ? service(authorization) : user(authorization);
  };
}

/** Fresh service key pairs (development and tests): private JWKs by name, and the JWKS of their public halves. */
export async function generateServiceKeys(names: readonly ServiceName[] = SERVICE_NAMES): Promise<{ privateKeys: Record<string, JWK>; jwks: JSONWebKeySet }> {
  const privateKeys: Record<string, JWK> = {};
  const keys: JWK[] = [];
  for (const name of names) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: name, alg: 'ES256' };
    privateKeys[name] = jwk;
    const { d: _private, ...publicJwk } = jwk;
    keys.push({ ...publicJwk, use: 'sig' });
  }
  return { privateKeys, jwks: { keys } };
}
