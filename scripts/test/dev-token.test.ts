import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '@nrm-hub/kit/testing';
import { DEV_WEB_CONFIG, devAuthMiddleware } from '../src/dev-token.ts';

let url: string;
let close: () => void;

beforeAll(async () => {
  const issuer = await testIssuer();
  const server = createServer((req, res) =>
    devAuthMiddleware((c) => issuer.token({ agency: c.agency, roles: c.roles, purpose: c.purpose ?? null }))(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const post = (body: unknown) =>
  fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the web app’s development sign-in endpoint', () => {
  it('signs a token with the chosen agency, roles and purpose', async () => {
    const res = await post({ agency: 'ngo:rosa-demo', roles: ['worker'], purpose: 'CASE-2021-17' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const claims = decodeJwt(((await res.json()) as { token: string }).token);
    expect(claims).toMatchObject({ agency: 'ngo:rosa-demo', roles: ['worker'], purpose: 'CASE-2021-17' });
  });

  it('signs a token without a purpose when none is chosen', async () => {
    const claims = decodeJwt(((await (await post({ agency: 'data-protection', roles: ['officer'], purpose: null })).json()) as { token: string }).token);
    expect(claims.purpose).toBeUndefined();
  });

  it('refuses a bad agency, role or purpose with a 400 naming the field, never echoing the value', async () => {
    for (const [body, field] of [
      [{ agency: 'ministry<script>', roles: ['worker'] }, 'agency'],
      [{ agency: 'police', roles: [] }, 'roles'],
      [{ agency: 'police', roles: ['Investigator!'] }, 'roles'],
      [{ agency: 'police', roles: ['investigator'], purpose: 'x y <b>' }, 'purpose'],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text).error).toMatch(new RegExp(`^${field}:`));
      expect(text).not.toContain('<');
    }
    expect((await post('{not json')).status).toBe(400);
    expect((await fetch(`${url}/dev/token`)).status).toBe(405);
  });

  it('signs only for the app’s own page: another origin (another local port too) is 403, a body not sent as JSON 415', async () => {
    const body = JSON.stringify({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' });
    const from = (origin: string | null, contentType = 'application/json') =>
      fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': contentType, ...(origin ? { origin } : {}) }, body });
    for (const origin of ['http://evil.example', 'http://localhost:3000', 'null', url.replace('127.0.0.1', 'localhost')]) {
      const res = await from(origin);
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect(await res.text()).not.toContain('token"');
    }
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect({ contentType, status: (await from(null, contentType)).status }).toEqual({ contentType, status: 415 });
    }
    expect((await from(url)).status).toBe(200);
    expect((await from(null)).status).toBe(200);
  });

  it('serves the development configuration and passes other paths on', async () => {
    expect(await (await fetch(`${url}/config.json`)).json()).toEqual(DEV_WEB_CONFIG);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });
});
