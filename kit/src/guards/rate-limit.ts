// Rate limits: a token bucket per key (a verified subject, else the client's address), for the gateway and the subgraphs.
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
 * window. One process holds its own buckets; behind N replicas a subject
 * gets up to N times the limit (the gateway can share them through Redis).
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
