import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '@nrm-hub/kit/testing';
import { startGateway, type RunningGateway } from '../src/gateway.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const available = await redisAnswers();
if (!available) console.warn(`Skipping the shared rate limit tests: no Redis answers at ${REDIS_URL} (set REDIS_URL).`);

// The rate limit answers before any subgraph is asked, so these gateways need none.
const NO_SUBGRAPHS = Object.fromEntries(['nrm', 'police', 'immigration', 'child-welfare', 'ngo'].map((n, i) => [n, `http://127.0.0.1:${9 + i}/graphql`]));
const LIMIT = { requests: 1, windowMs: 60_000, burst: 3 };

describe.skipIf(!available)('the rate limit shared through Redis (REDIS_URL)', () => {
  let issuer: Awaited<ReturnType<typeof testIssuer>>;
  const gateways: RunningGateway[] = [];
  const start = async (redisUrl?: string) => {
    const g = await startGateway({ port: 0, production: false, verifier: issuer.verifier, subgraphUrls: NO_SUBGRAPHS, rateLimit: LIMIT, redisUrl });
    gateways.push(g);
    return g;
  };
  const ask = async (g: RunningGateway, token: string) =>
    (
      await fetch(g.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      })
    ).status;

  beforeAll(async () => {
    issuer = await testIssuer();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
  });

  it('two gateways enforce one limit per subject: the burst of 3 is shared, the fourth request is refused on either', async () => {
    const [a, b] = [await start(REDIS_URL), await start(REDIS_URL)];
    const token = await issuer.token({ agency: 'police', roles: ['investigator'], sub: `rate-${randomUUID()}` });
    const statuses = [await ask(a, token), await ask(b, token), await ask(a, token), await ask(b, token), await ask(a, token)];
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another subject has its own bucket.
    const other = await issuer.token({ agency: 'police', roles: ['investigator'], sub: `rate-${randomUUID()}` });
    expect(await ask(b, other)).toBe(200);
  });

  it('without REDIS_URL each gateway keeps its own buckets (the default): the same requests all pass', async () => {
    const [a, b] = [await start(), await start()];
    const token = await issuer.token({ agency: 'police', roles: ['investigator'], sub: `rate-${randomUUID()}` });
    const statuses = [await ask(a, token), await ask(b, token), await ask(a, token), await ask(b, token)];
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});
