import { Redis } from 'ioredis';
import { tokenBuckets, type RateLimitOptions } from './rate-limit.ts';

/** Where the buckets live: this process (`tokenBuckets`) or Redis, shared by every gateway. */
export interface BucketStore {
  /** Takes a token for `key`: `0` when allowed, else the milliseconds until one is free. */
  take(key: string): number | Promise<number>;
  close?(): Promise<void>;
}

/**
 * The token bucket of `tokenBuckets`, kept in Redis and updated atomically by
 * one Lua script, so N gateway replicas enforce one limit per subject. The
 * bucket is a hash {tokens, at} that expires once it would be full again.
 * Times come from Redis (`TIME`), so replicas with skewed clocks agree.
 */
const TAKE = `
local size = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1])
local at = tonumber(b[2])
if tokens == nil then tokens = size; at = now end
tokens = math.min(size, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(size / rate) + 1000)
return wait
`;

/**
 * A Redis-backed bucket store. When Redis does not answer within
 * `timeoutMs`, the request is counted in this process's own buckets instead
 * (the limit degrades to per replica, it does not switch off), and one line
 * is logged per outage.
 */
export function redisBuckets(url: string, options: RateLimitOptions & { prefix?: string; timeoutMs?: number }): BucketStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: options.timeoutMs ?? 200 });
  const fallback = tokenBuckets(options);
  const size = options.burst ?? options.requests * 5;
  const rate = options.requests / options.windowMs;
  const prefix = options.prefix ?? 'nrm-hub:rate:';
  let down = false;
  redis.on('error', () => {
    if (!down) console.error('gateway: Redis for the shared rate limit is unavailable; limiting per replica until it is back');
    down = true;
  });
  redis.on('ready', () => {
    down = false;
  });
  redis.defineCommand('nrmTakeToken', { numberOfKeys: 1, lua: TAKE });
  return {
    async take(key) {
      try {
        const wait = await (redis as unknown as { nrmTakeToken(k: string, size: number, rate: number): Promise<number> }).nrmTakeToken(
          `${prefix}${key}`,
          size,
          rate,
        );
        return Number(wait);
      } catch {
        return fallback.take(key);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
