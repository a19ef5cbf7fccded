import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAgencyClaim, PURPOSE_RE } from '@nrm-hub/kit/auth';
import type { DevClaims } from './dev-issuer.ts';

/** A function that signs development claims (the dev issuer's `sign`). */
export type SignDev = (claims: DevClaims) => Promise<string>;

const ROLE_RE = /^[a-z][a-z-]{1,30}$/;
const MAX_BODY = 2048;

/** The web app's runtime configuration in development: the gateway behind the dev server's proxy, dev sign-in. */
export const DEV_WEB_CONFIG = { gatewayUrl: '/graphql', auth: { mode: 'dev', tokenUrl: '/dev/token' } } as const;

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/** Whether a request comes from the dev server's own origin: no `Origin` header (not a browser page), or one naming this host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Connect-style middleware for the web app's development server, never for
 * production (production signs in with OpenID Connect): `GET /config.json`
 * answers the development configuration, and `POST /dev/token` with
 * `{"agency", "roles", "purpose"}` answers `{"token"}` signed by the local
 * development issuer (8 hours). The claims are checked as the hub checks them
 * (agency claim, case-reference purpose); a bad request is a 400 naming the
 * field, never echoing the value.
 */
export function devAuthMiddleware(sign: SignDev) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/config.json' && req.method === 'GET') return send(res, 200, DEV_WEB_CONFIG);
    if (path !== '/dev/token') return next();
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
    // Only the app's own page signs in: a page on any other origin (another local port included) must not get a token
    // it can read, and a form or text/plain body is what a cross-site page sends without asking first.
    if (!sameOrigin(req)) return send(res, 403, { error: 'origin: only the web app itself may sign in' });
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return send(res, 415, { error: 'content-type: send application/json' });
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return send(res, 413, { error: 'body too large' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(res, 400, { error: 'body is not JSON' });
      }
      const { agency, roles, purpose } = body ?? {};
      if (!isAgencyClaim(agency)) return send(res, 400, { error: 'agency: not an agency claim' });
      if (!Array.isArray(roles) || roles.length < 1 || roles.length > 4 || !roles.every((r) => typeof r === 'string' && ROLE_RE.test(r))) {
        return send(res, 400, { error: 'roles: one to four lower-case role names' });
      }
      if (purpose !== null && purpose !== undefined && (typeof purpose !== 'string' || !PURPOSE_RE.test(purpose))) {
        return send(res, 400, { error: 'purpose: not a case reference' });
      }
      sign({ agency, roles: roles as string[], purpose: purpose ?? null })
        .then((token) => send(res, 200, { token }))
        .catch(() => send(res, 500, { error: 'signing failed' }));
    });
  };
}
