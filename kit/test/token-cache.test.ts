import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from '../src/auth/auth.ts';

/** The verifier remembers verified tokens until they expire; nothing it remembers widens what a token may do. */
describe('verified-token cache', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const other = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256', use: 'sig' }] };
  const config = { issuer: 'iss', audience: 'nrm-hub', algorithms: ['ES256'], jwks, clockToleranceSeconds: 30 };
  const sign = (expiresIn: string | number, key = privateKey, claims: Record<string, unknown> = {}) =>
    new SignJWT({ agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('user-1')
      .setIssuer('iss')
      .setAudience('nrm-hub')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);

  afterEach(() => vi.useRealTimers());

  it('answers a second verification of the same token with the same, frozen viewer', async () => {
    const verify = createTokenVerifier(config);
    const token = await sign('10m');
    const first = await verify(`Bearer ${token}`);
    const second = await verify(`Bearer ${token}`);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.scopes)).toBe(true);
    expect(() => (first!.scopes as string[]).push('audit:read')).toThrow();
  });

  it('refuses a cached token once its expiry (plus the clock tolerance) has passed', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z'), toFake: ['Date'] });
    const verify = createTokenVerifier(config);
    const token = await sign('60s');
    expect((await verify(`Bearer ${token}`))?.subject).toBe('user-1');
    vi.setSystemTime(new Date('2026-11-29T12:01:20Z')); // 60 s + 30 s tolerance not yet over
    expect((await verify(`Bearer ${token}`))?.subject).toBe('user-1');
    vi.setSystemTime(new Date('2026-11-29T12:01:31Z'));
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('never serves a token that differs from a cached one, however slightly', async () => {
    const verify = createTokenVerifier(config);
    const token = await sign('10m');
    await verify(`Bearer ${token}`);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    await expect(verify(`Bearer ${header}.${payload}.${flipped}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const forged = await sign('10m', other.privateKey);
    await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // A refused token is not remembered as refused either way: it is checked again.
    await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps at most its size of tokens, dropping the least recently used', async () => {
    const verify = createTokenVerifier(config, { cacheSize: 2 });
    const [a, b, c] = await Promise.all([
      sign('10m', privateKey, { purpose: 'A-1' }),
      sign('10m', privateKey, { purpose: 'B-1' }),
      sign('10m', privateKey, { purpose: 'C-1' }),
    ]);
    const va = await verify(`Bearer ${a}`);
    const vb = await verify(`Bearer ${b}`);
    expect(await verify(`Bearer ${a}`)).toBe(va); // a is now the most recent
    await verify(`Bearer ${c}`); // evicts b
    expect(await verify(`Bearer ${a}`)).toBe(va);
    const vb2 = await verify(`Bearer ${b}`);
    expect(vb2).not.toBe(vb);
    expect(vb2).toEqual(vb);
  });
});
