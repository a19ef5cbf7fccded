import type { IncomingMessage } from 'node:http';
import { AuditCollector } from '../audit/index.ts';
import { authorizationHeader, createTokenVerifier, loadAuthConfig, type TokenVerifier, type Viewer } from '../auth/auth.ts';
import { httpNrmClient, type AgencyCode, type NrmClient } from '../agency/nrm-client.ts';
import { loadServiceSigner } from '../auth/service-auth.ts';

/** What every subgraph request carries: its id, the verified caller (null when anonymous) and its audit collector. */
export interface RequestBase {
  requestId: string;
  viewer: Viewer | null;
  /** Personal-data fields served so far; written as one audit record when the response is sent. */
  audit: AuditCollector;
}

/** What an agency subgraph request carries on top: the NRM client and the linkage secret. */
export interface AgencyRequestBase extends RequestBase {
  nrm: NrmClient;
  linkageSecret: string;
  /** The subgraph's clock (injectable for tests): deadlines and "today" come from it. */
  now: () => Date;
}

/** Process-wide dependencies of an agency subgraph. */
export interface AgencySettings {
  nrm: NrmClient;
  linkageSecret: string;
  verifier: TokenVerifier;
  /** The clock; the real one when omitted. Tests inject a fixed day. */
  clock?: () => Date;
  /** Verifier of other subgraphs' service credentials, for a subgraph that accepts service calls (the NRM). */
  serviceVerifier?: TokenVerifier;
}

/** Verifies the request's bearer token; throws `UNAUTHENTICATED` (HTTP 401) for a bad one. */
export async function requestBase(verifier: TokenVerifier, req: IncomingMessage, requestId: string): Promise<RequestBase> {
  return { requestId, viewer: await verifier(authorizationHeader(req)), audit: new AuditCollector() };
}

/** `requestBase` plus the agency's NRM client and linkage secret. */
export async function agencyRequestBase(settings: AgencySettings, req: IncomingMessage, requestId: string): Promise<AgencyRequestBase> {
  return {
    ...(await requestBase(settings.verifier, req, requestId)),
    nrm: settings.nrm,
    linkageSecret: settings.linkageSecret,
    now: settings.clock ?? (() => new Date()),
  };
}

/**
 * Agency settings from configuration (`NRM_URL`, `LINKAGE_SECRET`, `AUTH_*`,
 * and `SERVICE_KEY`, the agency subgraph's own service identity: it calls the
 * NRM with credentials it mints, never with the end user's token).
 */
export async function agencySettings(
  config: { NRM_URL: string; LINKAGE_SECRET: string },
  env: Record<string, string | undefined> = process.env,
): Promise<AgencySettings> {
  const signer = await loadServiceSigner(env);
  return { nrm: httpNrmClient(config.NRM_URL, signer), linkageSecret: config.LINKAGE_SECRET, verifier: createTokenVerifier(loadAuthConfig(env)) };
}

/** The NRM's agency code for a viewer's agency kind, or null for non-registering agencies. */
export function registeringAgency(viewer: Viewer | null): AgencyCode | null {
  switch (viewer?.agencyKind) {
    case 'police':
      return 'POLICE';
    case 'immigration':
      return 'IMMIGRATION';
    case 'child-welfare':
      return 'CHILD_WELFARE';
    case 'ngo':
      return 'NGO';
    default:
      return null;
  }
}

/** The day (`YYYY-MM-DD`, UTC) of a clock. */
export function todayOf(now: () => Date): string {
  return now().toISOString().slice(0, 10);
}

/** The day `days` after `day` (`YYYY-MM-DD`, UTC). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Per-request state of an agency subgraph: the verified caller and NRM client, its database and fresh loaders. */
export type AgencyContext<TDb, TLoaders> = AgencyRequestBase & { db: TDb; loaders: TLoaders };

/**
 * The one context factory of the four agency subgraphs: `settings` once, then
 * the database, then per request a verified caller and loaders made fresh
 * (so no request sees another's cached rows). `createLoaders` gets the
 * subgraph's clock, injectable for tests.
 */
export function agencyContextFactory<TDb, TLoaders>(settings: AgencySettings, createLoaders: (db: TDb, now: () => Date) => TLoaders) {
  const now = settings.clock ?? (() => new Date());
  return (db: TDb) =>
    async (req: IncomingMessage, requestId: string): Promise<AgencyContext<TDb, TLoaders>> => ({
      ...(await agencyRequestBase(settings, req, requestId)),
      db,
      loaders: createLoaders(db, now),
    });
}
