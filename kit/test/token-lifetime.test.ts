import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, loadAuthConfig } from '../src/auth/auth.ts';

/** A token lives at most as long as a sign-in should: a long-lived token is refused however well signed. */
describe('token lifetime', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256', use: 'sig' }] };
  const config = { issuer: 'iss', audience: 'nrm-hub', algorithms: ['ES256'], jwks, clockToleranceSeconds: 30 };
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (times: { iat?: number; exp: number }) => {
    const jwt = new SignJWT({ agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('user-1')
      .setIssuer('iss')
      .setAudience('nrm-hub')
      .setExpirationTime(times.exp);
    if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
    return jwt.sign(privateKey);
  };
  const refused = { extensions: { code: 'UNAUTHENTICATED' }, message: 'The token is valid for longer than this hub accepts.' };

  it('accepts a working day and refuses longer, by default twelve hours', async () => {
    expect(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS).toBe(12 * 3600);
    const verify = createTokenVerifier(config);
    expect((await verify(`Bearer ${await sign({ iat: now(), exp: now() + 8 * 3600 })}`))?.subject).toBe('user-1');
    expect((await verify(`Bearer ${await sign({ iat: now(), exp: now() + 12 * 3600 })}`))?.subject).toBe('user-1');
    await expect(verify(`Bearer ${await sign({ iat: now(), exp: now() + 13 * 3600 })}`)).rejects.toMatchObject(refused);
    await expect(verify(`Bearer ${await sign({ iat: now(), exp: now() + 365 * 86_400 })}`)).rejects.toMatchObject(refused);
  });

  it('measures the whole lifetime, and refuses a token that does not say when it was issued', async () => {
    const verify = createTokenVerifier(config);
    // Issued two days ago, ten minutes left: still a two-day token.
    await expect(verify(`Bearer ${await sign({ iat: now() - 2 * 86_400, exp: now() + 600 })}`)).rejects.toMatchObject(refused);
    // No issue time: its lifetime cannot be bounded, however little is left of it.
    for (const left of [600, 3600, 13 * 3600]) {
      await expect(verify(`Bearer ${await sign({ exp: now() + left })}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('takes a shorter limit from the configuration, within bounds', async () => {
    const verify = createTokenVerifier({ ...config, maxLifetimeSeconds: 3600 });
    expect((await verify(`Bearer ${await sign({ iat: now(), exp: now() + 3000 })}`))?.subject).toBe('user-1');
    await expect(verify(`Bearer ${await sign({ iat: now(), exp: now() + 2 * 3600 })}`)).rejects.toMatchObject(refused);
    const env = { AUTH_JWKS: JSON.stringify(jwks) };
    expect(loadAuthConfig(env).maxLifetimeSeconds).toBe(12 * 3600);
    expect(loadAuthConfig({ ...env, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' }).maxLifetimeSeconds).toBe(3600);
    expect(() => loadAuthConfig({ ...env, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '31536000' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
  });
});
