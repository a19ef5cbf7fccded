import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { z } from 'zod';
import { optionalString, readConfig } from '../runtime/config.ts';
import { agencyKind, isAgencyClaim, policiesFor, PURPOSE_RE, scopesFor, type AgencyKind } from './policy.ts';

/** The verified caller of one request. */
export interface Viewer {
  subject: string;
  /** Agency claim, e.g. `police` or `ngo:rosa`. */
  agency: string;
  agencyKind: AgencyKind;
  roles: string[];
  /** Case reference the caller works on, or null. */
  purpose: string | null;
  scopes: string[];
  policies: string[];
  /** The raw bearer token, for calls made on the caller's behalf. */
  token: string;
  /** Set only for a service credential (`service-auth.ts`): the calling subgraph's name. */
  service?: string;
}

/** How tokens are verified. */
export interface AuthConfig {
  issuer: string;
  audience: string;
  algorithms: string[];
  /** Public keys inline (JWKS JSON), or … */
  jwks?: JSONWebKeySet;
  /** … the issuer's JWKS URL. */
  jwksUrl?: string;
  /** Accepted clock skew in seconds. */
  clockToleranceSeconds: number;
  /**
   * Longest lifetime a token may have, in seconds (default 12 hours): a token valid for longer is
   * refused, however well signed, so that a leaked or mis-issued long-lived token cannot stand in
   * for a working day's sign-in.
   */
  maxLifetimeSeconds?: number;
}

/** Default longest token lifetime: a working day and some. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

const ALLOWED_ALGORITHMS = new Set(['ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'EdDSA']);

/**
 * Reads `AUTH_ISSUER`, `AUTH_AUDIENCE`, `AUTH_ALGORITHMS` and the keys:
 * `AUTH_JWKS` (a JWKS as JSON) or `AUTH_JWKS_URL`. Symmetric algorithms and
 * `none` are never accepted. Keys never come from the repository.
 */
export function loadAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const c = readConfig(
    z.object({
      AUTH_ISSUER: z.string().min(1).default('nrm-hub-dev-issuer'),
      AUTH_AUDIENCE: z.string().min(1).default('nrm-hub'),
      AUTH_ALGORITHMS: z.string().default('ES256'),
      AUTH_JWKS: optionalString,
      AUTH_JWKS_URL: optionalString,
      AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86_400).default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    }),
    env,
  );
  const algorithms = c.AUTH_ALGORITHMS.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = algorithms.filter((a) => !ALLOWED_ALGORITHMS.has(a));
  if (bad.length || algorithms.length === 0) throw new Error('Invalid configuration: AUTH_ALGORITHMS: only asymmetric algorithms are allowed');
  if (!c.AUTH_JWKS && !c.AUTH_JWKS_URL) throw new Error('Invalid configuration: AUTH_JWKS or AUTH_JWKS_URL is required');
  let jwks: JSONWebKeySet | undefined;
  if (c.AUTH_JWKS) {
    try {
      jwks = JSON.parse(c.AUTH_JWKS) as JSONWebKeySet;
    } catch {
      throw new Error('Invalid configuration: AUTH_JWKS: not valid JSON');
    }
    if (!Array.isArray(jwks.keys) || jwks.keys.some((k) => 'd' in k)) {
      throw new Error('Invalid configuration: AUTH_JWKS: must be a JWKS of public keys only');
    }
  }
  return {
    issuer: c.AUTH_ISSUER,
    audience: c.AUTH_AUDIENCE,
    algorithms,
    ...(jwks ? { jwks } : {}),
    ...(c.AUTH_JWKS_URL ? { jwksUrl: c.AUTH_JWKS_URL } : {}),
    clockToleranceSeconds: c.AUTH_CLOCK_TOLERANCE_SECONDS,
    maxLifetimeSeconds: c.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
  };
}

/** An UNAUTHENTICATED error (HTTP 401): no personal data follows. */
export function unauthenticated(message = 'A valid bearer token is required.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Verifies a bearer token into a `Viewer`. */
export type TokenVerifier = (authorization: string | null | undefined) => Promise<Viewer | null>;

function claimsToViewer(payload: JWTPayload, token: string): Viewer {
  const agency = payload.agency;
  const roles = payload.roles;
  const purpose = payload.purpose;
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) throw unauthenticated('The token has no valid subject.');
  if (!isAgencyClaim(agency)) throw unauthenticated('The token has no valid agency claim.');
  if (!Array.isArray(roles) || roles.length > 20 || !roles.every((r) => typeof r === 'string' && /^[a-z-]{2,40}$/.test(r))) {
    throw unauthenticated('The token has no valid roles claim.');
  }
  if (purpose !== undefined && purpose !== null && (typeof purpose !== 'string' || !PURPOSE_RE.test(purpose))) {
    throw unauthenticated('The token has a malformed purpose claim.');
  }
  const p = typeof purpose === 'string' ? purpose : null;
  return {
    subject: payload.sub,
    agency,
    agencyKind: agencyKind(agency),
    roles: roles as string[],
    purpose: p,
    scopes: scopesFor(agency, roles as string[]),
    policies: policiesFor(p),
    token,
  };
}

/**
 * Builds a verifier: signature against the configured keys with an
 * allow-list of algorithms, issuer, audience, expiry (required) and issue
 * time (not in the future) with the configured clock skew, a lifetime no
 * longer than `maxLifetimeSeconds`, then the hub's
 * own claims. No header → `null`
 * (anonymous: the schema's directives then deny personal fields). A header
 * that fails any check → `UNAUTHENTICATED`.
 */
export function createTokenVerifier(config: AuthConfig, options: { cacheSize?: number } = {}): TokenVerifier {
  const keys = config.jwks ? createLocalJWKSet(config.jwks) : createRemoteJWKSet(new URL(config.jwksUrl as string));
  const cache = verifiedTokenCache(options.cacheSize ?? VERIFIED_TOKEN_CACHE_SIZE);
  return async (authorization) => {
    if (authorization === undefined || authorization === null || authorization === '') return null;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <JWT>".');
    const token = match[1] as string;
    const cached = cache.get(token);
    if (cached) return cached;
    const { viewer, acceptedUntil } = await verifyToken(token);
    cache.set(token, viewer, acceptedUntil);
    return viewer;
  };

  async function verifyToken(token: string): Promise<{ viewer: Viewer; acceptedUntil: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        clockTolerance: config.clockToleranceSeconds,
        // `iat` too: without it a token's whole lifetime cannot be bounded, only what is left of it.
        requiredClaims: ['exp', 'sub', 'iat'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired.');
      throw unauthenticated('The token could not be verified.');
    }
    // jose checks `iat` only against a maximum age; a token issued in the future is a forged or broken clock.
    if ((payload.iat as number) > Math.floor(Date.now() / 1000) + config.clockToleranceSeconds) {
      throw unauthenticated('The token was issued in the future.');
    }
    // A token valid for longer than a sign-in should last is refused: by what is left of it, and by its whole lifetime.
    const now = Math.floor(Date.now() / 1000);
    const longest = (config.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS) + config.clockToleranceSeconds;
    const exp = payload.exp as number;
    if (exp - now > longest || exp - (payload.iat as number) > longest) {
      throw unauthenticated('The token is valid for longer than this hub accepts.');
    }
    // Usable from the cache for as long as jose would accept it: until `exp` plus the clock tolerance.
    return { viewer: claimsToViewer(payload, token), acceptedUntil: ((payload.exp as number) + config.clockToleranceSeconds) * 1000 };
  }
}

/** Verified tokens a verifier remembers (each one entry, about a kilobyte). */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Tokens already verified, by the SHA-256 of the token, until they expire:
 * the gateway and every subgraph verify the same bearer token on every
 * request, and the signature check was the larger part of it. Only tokens
 * that passed every check are kept (a failure is checked again next time),
 * an entry is dropped once its `exp` (plus the accepted clock skew) has
 * passed, exactly when jose would refuse the token, and the least recently
 * used entry goes when the cache is full. The viewer is frozen, so no request
 * can change what the next one sees.
 */
function verifiedTokenCache(size: number) {
  const entries = new Map<string, { viewer: Viewer; expiresAt: number }>();
  const keyOf = (token: string) => createHash('sha256').update(token).digest('base64');
  return {
    get(token: string): Viewer | undefined {
      if (size <= 0) return undefined;
      const key = keyOf(token);
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (Date.now() >= entry.expiresAt) return undefined;
      entries.set(key, entry); // most recently used last
      return entry.viewer;
    },
    set(token: string, viewer: Viewer, expiresAt: number): void {
      if (size <= 0) return;
      Object.freeze(viewer.roles);
      Object.freeze(viewer.scopes);
      Object.freeze(viewer.policies);
      entries.set(keyOf(token), { viewer: Object.freeze(viewer), expiresAt });
      while (entries.size > size) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** The Authorization header of a Node request. */
export function authorizationHeader(req: IncomingMessage): string | undefined {
  const h: string | string[] | undefined = req.headers?.authorization;
  return typeof h === 'string' ? h : h?.[0];
}
