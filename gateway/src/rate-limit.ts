import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { IncomingMessage } from 'node:http';

/** How many requests one subject may make. */
export interface RateLimitOptions {
  /** Sustained requests per window; 0 turns the limit off. */
  requests: number;
  /** Window in milliseconds over which `requests` tokens refill. */
  windowMs: number;
  /**
   * The bucket's size: requests a subject may make at once before the
   * sustained rate applies (5 × `requests` when not given), so a bulk load
   * such as the demo data set (about 150 requests per NGO) gets through.
   */
  burst?: number;
}

/** 120 requests a minute sustained, bursts of 600. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 120, windowMs: 60_000 };

interface Bucket {
  tokens: number;
  at: number;
}

/** Keys kept before full (idle) buckets are swept: bounds memory under a flood of addresses. */
const SWEEP_AT = 10_000;

/**
 * An in-memory token bucket per key: each key starts with `burst` tokens,
 * a request takes one, and tokens refill continuously at `requests` per
 * window. One gateway process holds its own buckets; behind N replicas a
 * subject gets up to N times the limit.
 */
export function tokenBuckets(options: RateLimitOptions, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  const size = options.burst ?? options.requests * 5;
  const rate = options.requests / options.windowMs;
  const refill = (bucket: Bucket, t: number) => Math.min(size, bucket.tokens + (t - bucket.at) * rate);
  return {
    /** Takes a token for `key`: `0` when allowed, else the milliseconds until one is free. */
    take(key: string): number {
      const t = now();
      if (buckets.size >= SWEEP_AT) {
        for (const [k, b] of buckets) if (refill(b, t) >= size) buckets.delete(k);
      }
      const bucket = buckets.get(key) ?? { tokens: size, at: t };
      bucket.tokens = refill(bucket, t);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / rate);
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * Rate limit per subject on the GraphQL endpoint: requests with a token that
 * verifies are keyed by its `sub`; anonymous requests, and requests whose
 * token does not verify, by the client's address. Beyond the limit the
 * answer is HTTP 429 with a `RATE_LIMITED` error and `Retry-After`, before
 * any parsing or subgraph call.
 */
export function rateLimitPlugin(
  options: RateLimitOptions & {
    graphqlEndpoint: string;
    subjectOf: (request: Request) => Promise<string | null>;
    /** Where the buckets live; this process's memory by default (`redisBuckets` shares them between gateways). */
    store?: { take(key: string): number | Promise<number> };
  },
): GatewayPlugin {
  const buckets = options.store ?? tokenBuckets(options);
  return {
    async onRequest(payload) {
      const { request, url, serverContext, fetchAPI } = payload;
      if (options.requests <= 0 || url.pathname !== options.graphqlEndpoint) return;
      const subject = await options.subjectOf(request).catch(() => null);
      const address = (serverContext as { req?: IncomingMessage }).req?.socket?.remoteAddress ?? 'unknown';
      const waitMs = await buckets.take(subject ? `sub:${subject}` : `addr:${address}`);
      if (waitMs === 0) return;
      const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
      payload.endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: `Rate limit exceeded: at most ${options.requests} requests per ${options.windowMs / 1000} s after a burst of ${options.burst ?? options.requests * 5}. Retry after ${retryAfter} s.`,
                extensions: { code: 'RATE_LIMITED' },
              },
            ],
          }),
          { status: 429, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': retryAfter } },
        ),
      );
    },
  };
}
