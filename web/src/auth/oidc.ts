/**
 * OpenID Connect sign-in for production: the authorisation code flow with
 * PKCE (S256) against the configured issuer, as a public client (no secret
 * in the browser). Configuration only: `auth.issuer`, `auth.clientId`,
 * optionally `auth.scope` and `auth.purposeParameter` (the name of the
 * authorisation-request parameter that asks the issuer to put the chosen case
 * reference in the token's `purpose` claim). The access token is the bearer
 * token the gateway verifies (`AUTH_ISSUER`, `AUTH_JWKS_URL`).
 * Not tested against a real provider.
 */
const PENDING_KEY = 'nrm-hub.oidc-pending';
export const CALLBACK_PATH = '/auth/callback';

interface OidcSettings {
  issuer: string;
  clientId: string;
  scope?: string;
  purposeParameter?: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`OIDC discovery failed (${res.status})`);
  return (await res.json()) as Discovery;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (n: number) => base64url(crypto.getRandomValues(new Uint8Array(n)));

/** Sends the browser to the issuer's sign-in page. */
export async function startOidcSignIn(settings: OidcSettings, purpose: string): Promise<void> {
  const { authorization_endpoint } = await discover(settings.issuer);
  const verifier = random(48);
  const state = random(24);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    scope: settings.scope ?? 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(settings.purposeParameter && purpose ? { [settings.purposeParameter]: purpose } : {}),
  }).toString();
  location.assign(url.toString());
}

/** Completes sign-in on the callback page: checks `state`, exchanges the code; returns the access token. */
export async function completeOidcSignIn(settings: OidcSettings, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) throw new Error('OIDC callback without a matching request');
  const { token_endpoint } = await discover(settings.issuer);
  const res = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${location.origin}${CALLBACK_PATH}`,
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error(`OIDC token request failed (${res.status})`);
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('OIDC token response without access_token');
  return body.access_token;
}
