import { z } from 'zod';
import { defaultUrl, SUBGRAPHS } from '@nrm-hub/schema';
import { DEFAULT_MAX_BODY_BYTES } from './http-guard.ts';
import { DEFAULT_LIMITS, type QueryLimits } from './limits.ts';
import { DEFAULT_QUERY_PLANNER } from './query-planner.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';
import { TRUSTED_DOCUMENTS_FILE } from './trusted-documents.ts';

/** A positive whole number from the environment, with a default. */
const limit = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Environment variable holding a subgraph's URL, e.g. `POLICE_URL`. */
export const urlVariable = (envPrefix: string) => `${envPrefix}_URL`;

/**
 * Gateway configuration, read once at start; fails fast naming the bad
 * variable. `NODE_ENV=production` turns off GraphiQL and introspection and
 * requires trusted documents. Limits: `GATEWAY_MAX_DEPTH`, `_ALIASES`,
 * `_TOKENS`, `_DIRECTIVES`, `_COST`, `GATEWAY_MAX_BODY_BYTES`; rate limit:
 * `GATEWAY_RATE_LIMIT` requests (0: off) per `GATEWAY_RATE_LIMIT_WINDOW_SECONDS`
 * after a burst of `GATEWAY_RATE_LIMIT_BURST` (5 × the limit by default);
 * browser origins allowed by CORS: `GATEWAY_CORS_ORIGINS` (none by default).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const shape: Record<string, z.ZodType> = {
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    GATEWAY_MAX_DEPTH: limit(DEFAULT_LIMITS.maxDepth),
    GATEWAY_MAX_ALIASES: limit(DEFAULT_LIMITS.maxAliases),
    GATEWAY_MAX_TOKENS: limit(DEFAULT_LIMITS.maxTokens),
    GATEWAY_MAX_DIRECTIVES: limit(DEFAULT_LIMITS.maxDirectives),
    GATEWAY_MAX_COST: limit(DEFAULT_LIMITS.maxCost),
    GATEWAY_MAX_BODY_BYTES: limit(DEFAULT_MAX_BODY_BYTES),
    GATEWAY_RATE_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMIT.requests),
    GATEWAY_RATE_LIMIT_WINDOW_SECONDS: limit(DEFAULT_RATE_LIMIT.windowMs / 1000),
    GATEWAY_RATE_LIMIT_BURST: z.coerce.number().int().min(1).optional(),
    GATEWAY_TRUSTED_DOCUMENTS: z.string().min(1).default(TRUSTED_DOCUMENTS_FILE),
    // Exact origins (`https://app.example.no`, `http://localhost:5173`), comma-separated; `*` is not accepted.
    GATEWAY_CORS_ORIGINS: z
      .string()
      .default('')
      .refine(
        (v) =>
          v
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
            .every((o) => /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o)),
        {
          message: 'a comma-separated list of origins such as http://localhost:5173 (no paths, no wildcards)',
        },
      ),
    GATEWAY_DEDUPLICATE_REQUESTS: z.enum(['true', 'false']).default('true'),
    GATEWAY_QUERY_PLANNER: z.enum(['rust', 'js']).default(DEFAULT_QUERY_PLANNER),
    REDIS_URL: z.string().optional(),
    GATEWAY_UPSTREAM_TIMEOUT_MS: limit(15_000),
    GATEWAY_READY_FILE: z.string().optional(),
  };
  for (const s of SUBGRAPHS) shape[urlVariable(s.envPrefix)] = z.url().default(defaultUrl(s));
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const values = parsed.data as Record<string, string | number>;
  const n = (key: string) => values[key] as number;
  return {
    port: values.GATEWAY_PORT as number,
    host: values.GATEWAY_HOST as string,
    production: values.NODE_ENV === 'production',
    limits: {
      maxDepth: n('GATEWAY_MAX_DEPTH'),
      maxAliases: n('GATEWAY_MAX_ALIASES'),
      maxTokens: n('GATEWAY_MAX_TOKENS'),
      maxDirectives: n('GATEWAY_MAX_DIRECTIVES'),
      maxCost: n('GATEWAY_MAX_COST'),
    } satisfies QueryLimits,
    maxBodyBytes: n('GATEWAY_MAX_BODY_BYTES'),
    rateLimit: {
      requests: n('GATEWAY_RATE_LIMIT'),
      windowMs: n('GATEWAY_RATE_LIMIT_WINDOW_SECONDS') * 1000,
      ...(values.GATEWAY_RATE_LIMIT_BURST !== undefined ? { burst: n('GATEWAY_RATE_LIMIT_BURST') } : {}),
    } satisfies RateLimitOptions,
    trustedDocumentsFile: values.GATEWAY_TRUSTED_DOCUMENTS as string,
    corsOrigins: (values.GATEWAY_CORS_ORIGINS as string)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    /** `GATEWAY_DEDUPLICATE_REQUESTS=false` turns off merging of identical in-flight subgraph requests (benchmarks). */
    deduplicateInflightRequests: values.GATEWAY_DEDUPLICATE_REQUESTS === 'true',
    /** `GATEWAY_QUERY_PLANNER`: `rust` (Hive Router's, the default) or `js` (the runtime's own); see `GatewayOptions.queryPlanner`. */
    queryPlanner: values.GATEWAY_QUERY_PLANNER as 'rust' | 'js',
    /** `REDIS_URL`: the rate limit's buckets in Redis, shared by every gateway replica. */
    redisUrl: (values.REDIS_URL as string | undefined) || undefined,
    /** `GATEWAY_UPSTREAM_TIMEOUT_MS`: how long a subgraph may take before its fields fail (15 s). */
    upstreamTimeoutMs: n('GATEWAY_UPSTREAM_TIMEOUT_MS'),
    /** `GATEWAY_READY_FILE`: `/readiness` answers 503 until this file exists (`npm start` creates it once the demo data has loaded). */
    readyFile: (values.GATEWAY_READY_FILE as string | undefined) || undefined,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, values[urlVariable(s.envPrefix)] as string])),
  };
}
