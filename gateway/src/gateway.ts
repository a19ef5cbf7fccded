import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import type { TokenVerifier, Viewer } from '@nrm-hub/kit/auth';
import { acceptRequestId, closeGracefully, metricsText, observeRequest, setLogService, setMetricsService } from '@nrm-hub/kit/runtime';
import { subgraphMetricsPlugin } from './metrics.ts';
import { readSupergraph } from '@nrm-hub/schema';
import { authError, authNullsPlugin } from './auth-errors.ts';
import { maskError } from './errors.ts';
import { DEFAULT_MAX_BODY_BYTES, guardedListener } from './http-guard.ts';
import { DEFAULT_LIMITS, limitPlugins, type QueryLimits } from './limits.ts';
import { DEFAULT_RATE_LIMIT, rateLimitPlugin, type RateLimitOptions } from './rate-limit.ts';
import { DEFAULT_QUERY_PLANNER, rustPlannerHandler } from './query-planner.ts';
import { redisBuckets } from './redis-rate-limit.ts';
import { persistedDocumentsOption, readTrustedDocuments, type TrustedDocuments } from './trusted-documents.ts';

export { DEFAULT_QUERY_PLANNER } from './query-planner.ts';

export interface GatewayOptions {
  /** Subgraph name → GraphQL URL; overrides the URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Production: no GraphiQL, no introspection, trusted documents only. */
  production: boolean;
  /** Supergraph SDL; the committed `schema/supergraph.graphql` by default. */
  supergraph?: string;
  /** Merge identical in-flight subgraph requests (on by default; off for benchmarks). */
  deduplicateInflightRequests?: boolean;
  /**
   * Query planner: `rust` (Hive Router's, `@graphql-hive/router-runtime`, the default: about a third less gateway
   * CPU per single-victim-view request, test/bench/RESULTS.md) or `js` (the runtime's own, `@graphql-tools/delegate`).
   * `rust` runs through `rustPlannerHandler`, which keeps operations the auth directives emptied away from the
   * planner; test/security/query-planner.e2e.ts runs both side by side.
   */
  queryPlanner?: 'rust' | 'js';
  /** Verifies bearer tokens (the same verifier the subgraphs use). */
  verifier: TokenVerifier;
  /** Query limits; each defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<QueryLimits>;
  /** Per-subject rate limit; defaults to `DEFAULT_RATE_LIMIT` (120 a minute). */
  rateLimit?: Partial<RateLimitOptions>;
  /** How long a subgraph may take before its fields fail (15 s by default). */
  upstreamTimeoutMs?: number;
  /** Redis URL: keep the rate limit's buckets there, shared by every gateway replica (in memory when absent). */
  redisUrl?: string;
  /** Trusted documents (id → text); the committed `gateway/trusted-documents.json` by default. */
  trustedDocuments?: TrustedDocuments;
  /** Browser origins allowed to call the gateway (CORS); none by default, so browsers get no CORS headers. */
  corsOrigins?: readonly string[];
}

const GRAPHQL_ENDPOINT = '/graphql';

const satisfied = (alternatives: string[][] | undefined, held: readonly string[]) =>
  !alternatives?.length || alternatives.some((group) => group.every((x) => held.includes(x)));

/**
 * Verifies each request's token once: the rate limit and the auth
 * directives both ask for it.
 */
function verifyOncePerRequest(verifier: TokenVerifier) {
  const seen = new WeakMap<Request, Promise<Viewer | null>>();
  return (request: Request): Promise<Viewer | null> => {
    let viewer = seen.get(request);
    if (!viewer) {
      viewer = verifier(request.headers.get('authorization'));
      // The rate limit may look first and not await a failure; the directives report it.
      viewer.catch(() => undefined);
      seen.set(request, viewer);
    }
    return viewer;
  };
}

const requestIds = new WeakMap<Request, string>();

/** The client's `x-request-id` when it is a plain token, else one made for this request. */
function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    id = acceptRequestId(request.headers.get('x-request-id'));
    requestIds.set(request, id);
  }
  return id;
}

/** Headers a browser client sends: the token, the request id and the GraphQL content negotiation. */
const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', 'x-request-id'];

/**
 * CORS from an allow-list of exact origins: a listed origin gets
 * `Access-Control-Allow-Origin` naming it (never `*`, never a reflection of
 * any other origin) and no `Access-Control-Allow-Credentials` (the hub uses
 * bearer tokens, not cookies); any other origin, or an empty list, gets no
 * CORS headers at all, so browsers keep other sites out.
 */
export function corsPolicy(origins: readonly string[]) {
  const allowed = new Set(origins);
  if (allowed.size === 0) return false as const;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false as const;
    return { origin, methods: ['GET', 'POST'], allowedHeaders: CORS_ALLOWED_HEADERS, credentials: false, maxAge: 600 };
  };
}

/**
 * Builds the Hive Gateway runtime serving the supergraph at `/graphql`, with
 * the auth directives, query limits, hidden field suggestions, trusted
 * documents (required in production) and the per-subject rate limit. Body
 * size, malformed JSON and batches are refused by `startGateway`'s listener.
 */
export function createGateway(options: GatewayOptions) {
  const viewerOf = verifyOncePerRequest(options.verifier);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const rateLimit = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const bucketStore = options.redisUrl && rateLimit.requests > 0 ? redisBuckets(options.redisUrl, rateLimit) : undefined;
  const trustedDocuments = options.trustedDocuments ?? readTrustedDocuments();
  const transportEntries: Record<string, { location?: string; options?: Record<string, unknown> }> = {
    '*.http': { options: { deduplicateInflightRequests: options.deduplicateInflightRequests ?? true } },
  };
  for (const [name, url] of Object.entries(options.subgraphUrls)) transportEntries[name] = { location: url };
  return createGatewayRuntime({
    supergraph: options.supergraph ?? readSupergraph(),
    transports: { http },
    transportEntries: transportEntries,
    ...((options.queryPlanner ?? DEFAULT_QUERY_PLANNER) === 'rust' ? { unifiedGraphHandler: rustPlannerHandler } : {}),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: '/healthcheck',
    readinessCheckEndpoint: '/readiness',
    graphiql: options.production ? false : { title: 'NRM Hub' },
    landingPage: !options.production,
    disableIntrospection: options.production ? { disableIf: () => true } : undefined,
    maskedErrors: { maskError },
    cors: corsPolicy(options.corsOrigins ?? []),
    // One operation per request (Yoga's default; the listener refuses arrays with a clear error first).
    batching: false,
    persistedDocuments: persistedDocumentsOption(trustedDocuments, options.production),
    plugins: () => [
      rateLimitPlugin({
        ...rateLimit,
        store: bucketStore,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        subjectOf: async (request) => (await viewerOf(request))?.subject ?? null,
      }),
      { onDispose: () => bucketStore?.close?.() },
      authNullsPlugin(),
      ...limitPlugins(limits),
      subgraphMetricsPlugin() as never,
    ],
    // The runtime's own error logs print whole subrequests, variables included:
    // personal data. Only an explicit debug session on a developer's machine gets them.
    logging: process.env.GATEWAY_LOG_LEVEL === 'debug' ? 'debug' : false,
    upstreamTimeout: options.upstreamTimeoutMs ?? 15_000,
    // Authentication and the schema's auth directives, checked before planning:
    // a denied field never reaches a subgraph. The subgraphs check again.
    genericAuth: {
      mode: 'protect-granular',
      rejectUnauthenticated: false,
      resolveUserFn: (context) => viewerOf(context.request),
      // Called for anonymous requests too (user null): they hold no scope and no policy.
      extractScopes: (user: Viewer) => (user as Viewer | null)?.scopes ?? [],
      extractPolicies: (user: Viewer) => (user as Viewer | null)?.policies ?? [],
      validateUser: ({
        user,
        fieldNode,
        path,
        typeAuthArgs,
        fieldAuthArgs,
        typeScopes,
        fieldScopes,
        typePolicies,
        fieldPolicies,
        userScopes,
        userPolicies,
        parentType,
        field,
        executionArgs,
      }) => {
        // Every write needs a verified caller, whether or not its schema field says so.
        const isMutation = parentType === executionArgs.schema.getMutationType();
        const needsAuth = isMutation || typeAuthArgs || fieldAuthArgs || typeScopes || fieldScopes || typePolicies?.length || fieldPolicies?.length;
        if (!needsAuth) return undefined;
        const where = `${parentType.name}.${field.name}`;
        if (!user) {
          return authError('Authentication required: send a valid bearer token.', fieldNode, path, { code: 'UNAUTHENTICATED', field: where });
        }
        if (!satisfied(typeScopes, userScopes) || !satisfied(fieldScopes, userScopes)) {
          return authError(`Not permitted: your agency and role may not see ${where}.`, fieldNode, path, { code: 'FORBIDDEN', field: where });
        }
        if (!satisfied(typePolicies, userPolicies) || !satisfied(fieldPolicies, userPolicies)) {
          return authError(`A purpose (case reference) is required in the token to read ${where}.`, fieldNode, path, {
            code: 'FORBIDDEN',
            field: where,
            reason: 'PURPOSE_REQUIRED',
          });
        }
        return undefined;
      },
    },
    // Subgraphs verify the caller's token themselves; the gateway forwards only that header.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        // One request id for the whole client request, so the audit records it
        // leaves in each subgraph can be matched up.
        const requestId = requestIdOf(request);
        return authorization ? { authorization, 'x-request-id': requestId } : { 'x-request-id': requestId };
      },
    },
  });
}

/** The paths the gateway serves, as the runtime sees them (dot segments resolved); the landing page only in development. */
const GATEWAY_PATHS = new Set([GRAPHQL_ENDPOINT, '/healthcheck', '/readiness', '/metrics', '/']);

/** The path of a request target as the runtime will see it (`http://gateway${target}`), or null when it is no path. */
function pathnameOf(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  try {
    return new URL(`http://gateway${target}`).pathname;
  } catch {
    return null;
  }
}

/** A listening gateway. */
export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts the gateway on `port` (0 picks a free one) and resolves once
 * listening. Request bodies beyond `maxBodyBytes` (100 kB by default) get
 * 413 before anything is parsed; malformed JSON and batched arrays get 400.
 */
export async function startGateway(
  options: GatewayOptions & {
    port: number;
    host?: string;
    maxBodyBytes?: number;
    /**
     * Extra readiness condition: until it holds, `/readiness` answers 503 (the subgraphs may all answer, but the
     * hub is not ready to serve, e.g. while `npm start` is still loading the demo data). `/healthcheck` is unaffected.
     */
    ready?: () => boolean;
  },
): Promise<RunningGateway> {
  const runtime = createGateway(options);
  const guarded = guardedListener((request, serverContext) => runtime.fetch(request, serverContext), {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  const ready = options.ready;
  setMetricsService('gateway');
  setLogService('gateway');
  const server = createServer((req, res) => {
    // One spelling per endpoint. The runtime's router also answers GraphQL at `/graphql/` and `//graphql`, where the
    // rate limit (keyed on the exact path) did not apply: any path that is not one of the gateway's own is a 404 here.
    const pathname = pathnameOf(req.url);
    if (pathname === null || !GATEWAY_PATHS.has(pathname)) {
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] }));
      return;
    }
    if (ready && pathname === '/readiness' && !ready()) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'not ready' }));
      return;
    }
    // Prometheus metrics (no personal data in any label): GraphQL requests by status and their latency, and
    // each subgraph's subrequests by outcome and their latency.
    if (req.method === 'GET' && pathname === '/metrics') {
      void metricsText().then(({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
      });
      return;
    }
    if (pathname === GRAPHQL_ENDPOINT) {
      // The request's id: the client's when it is a plain token, else a new one. Set on the request here, so the
      // runtime forwards this same id to every subgraph (`propagateHeaders`), and returned to the client.
      const requestId = acceptRequestId(req.headers['x-request-id']);
      req.headers['x-request-id'] = requestId;
      res.setHeader('x-request-id', requestId);
      observeRequest(req, res, requestId);
    }
    void guarded(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    server,
    /** Graceful: requests in flight finish (up to 10 s), then the runtime is disposed (its own disposal leaves the HTTP server open). */
    async close() {
      await closeGracefully(server);
      await runtime.dispose();
    },
  };
}
