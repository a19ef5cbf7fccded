/**
 * Runtime configuration, read from `/config.json` next to the static files,
 * so one build serves every environment: a deployment replaces that file.
 *
 * - `gatewayUrl`: the gateway's GraphQL endpoint (`/graphql` when the web
 *   server proxies it, which needs no CORS; otherwise an absolute URL the
 *   gateway's CORS allow-list must name).
 * - `auth.mode`: `dev` (choose a role, the dev server's `/dev/token` signs a
 *   development token; only `npm start` serves it) or `oidc` (OpenID Connect
 *   authorisation code flow with PKCE against `auth.issuer` as `auth.clientId`).
 * - `pollIntervalMs` (optional, default 15 000, at least 1 000): how often the
 *   alerts page and the navigation's alert counter ask the hub again. The app
 *   polls because it sends only trusted documents over HTTP and the gateway
 *   has no subscription transport (README "Web app").
 */
export interface AppConfig {
  gatewayUrl: string;
  pollIntervalMs?: number;
  auth: { mode: 'dev'; tokenUrl?: string } | { mode: 'oidc'; issuer: string; clientId: string; scope?: string; purposeParameter?: string };
}

const FALLBACK: AppConfig = { gatewayUrl: '/graphql', auth: { mode: 'oidc', issuer: '', clientId: '' } };

function isConfig(value: unknown): value is AppConfig {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const auth = v.auth as Record<string, unknown> | undefined;
  return typeof v.gatewayUrl === 'string' && !!auth && (auth.mode === 'dev' || auth.mode === 'oidc');
}

export const DEFAULT_POLL_INTERVAL_MS = 15_000;

/** The polling interval the configuration asks for, within sensible bounds (1 s to 10 min). */
export function pollInterval(config: AppConfig): number {
  const ms = config.pollIntervalMs;
  return typeof ms === 'number' && Number.isFinite(ms) ? Math.min(600_000, Math.max(1_000, ms)) : DEFAULT_POLL_INTERVAL_MS;
}

/** Loads `/config.json`; a missing or malformed file gives OIDC with no issuer (sign-in says it is not configured). */
export async function loadConfig(): Promise<AppConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok) return FALLBACK;
    const json = (await res.json()) as unknown;
    return isConfig(json) ? json : FALLBACK;
  } catch {
    return FALLBACK;
  }
}
