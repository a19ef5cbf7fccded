import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { IncomingMessage } from 'node:http';
import { tokenBuckets, type RateLimitOptions } from '@nrm-hub/kit';

export { DEFAULT_RATE_LIMIT, tokenBuckets, type RateLimitOptions } from '@nrm-hub/kit';

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
