import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { DocumentNode } from 'graphql';
import { auditPlugin, type AuditedContext } from '../audit/index.ts';
import { enforceAuthDirectives } from './auth-directives.ts';
import { redactVariableError } from '../runtime/errors.ts';
import { errorSummary } from '../runtime/log-safe.ts';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from '../guards/query-limits.ts';
import { tokenBuckets, type RateLimitOptions } from '../guards/rate-limit.ts';
import type { Viewer } from '../auth/auth.ts';
import { closeGracefully } from '../runtime/graceful-close.ts';
import { metricsText } from '../runtime/metrics.ts';
import { acceptRequestId, observeRequest } from '../runtime/request-log.ts';
import { log } from '../runtime/logger.ts';
import { scalarResolvers } from '../schema/scalars.ts';
import { redactValueEcho } from '../guards/value-errors.ts';
import { DEFAULT_MAX_REPRESENTATIONS, zeroTrustPlugin } from '../guards/zero-trust.ts';

/** Codes that reach clients as they are; anything else is masked. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'IDEMPOTENCY_KEY_REUSED',
  'UPSTREAM_UNAVAILABLE',
  'INVALID_STATE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'RATE_LIMITED',
]);

/** Largest request body a subgraph accepts. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Builds a subgraph's Apollo Server (it does not listen). Unexpected errors
 * are masked and logged by class and SQLSTATE only: a database error's text
 * quotes the statement's values, and values here are personal data. Every
 * response that served personal data is logged in the subgraph's audit log
 * first (`auditPlugin`), or withheld. The subgraph trusts no network
 * (`zeroTrustPlugin`): it enforces the gateway's query limits, caps entity
 * representations, checks every input and serves its schema only to verified
 * callers.
 */
export function createSubgraphServer<TContext extends AuditedContext>(options: {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  /** Query limits; each defaults to the gateway's `DEFAULT_LIMITS`. */
  limits?: Partial<QueryLimits>;
  /** Entity representations per request (`DEFAULT_MAX_REPRESENTATIONS`). */
  maxRepresentations?: number;
}): ApolloServer<TContext> {
  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    resolvers: { ...scalarResolvers, ...options.resolvers },
  });
  enforceAuthDirectives(schema);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    // `runSubgraph` shuts down on SIGINT/SIGTERM itself, gracefully; Apollo's own handler would stop mid-request.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No response caching in the hub (personal data): Apollo's default cache-control plugin wrapped every field's
      // resolver to collect hints nobody reads (about 3% of a subgraph's CPU).
      ApolloServerPluginCacheControlDisabled(),
      zeroTrustPlugin<TContext>({ limits, maxRepresentations: options.maxRepresentations ?? DEFAULT_MAX_REPRESENTATIONS }),
      auditPlugin<TContext>(options.name),
    ],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = formatted.extensions?.code;
      const redacted = redactVariableError(formatted.message);
      if (redacted) return { message: redacted, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
      if (code === 'GRAPHQL_PARSE_FAILED') {
        // graphql-js words it "more that N tokens".
        const tooLong = /contains more th\w+ \d+ tokens/.test(formatted.message);
        return {
          message: redactValueEcho(formatted.message),
          locations: formatted.locations,
          extensions: { code, ...(tooLong ? { reason: 'MAX_TOKENS' } : {}) },
        };
      }
      if (typeof code === 'string' && PUBLIC_CODES.has(code)) return { ...formatted, message: redactValueEcho(formatted.message) };
      const original = (error as { originalError?: Error }).originalError ?? error;
      log.error(`[${options.name}] unexpected error: ${errorSummary(original)}`);
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
  });
}

/** Reads a request body up to `limit` bytes; rejects with status 413 beyond it. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // drain the rest unread so the 413 reaches the client
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** `application/json` or `application/graphql-response+json`, with or without parameters such as `charset`. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(json|graphql-response\+json)\s*(;|$)/i.test(contentType.trim());
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A listening subgraph. */
export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves an Apollo Server on `node:http` at `/graphql`, with `/health`
 * (process up) and `/ready` (dependencies answer). Port 0 picks a free port.
 */
export async function listen<TContext extends BaseContext>(options: {
  server: ApolloServer<TContext>;
  port: number;
  host?: string;
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  ready?: () => Promise<boolean>;
  /**
   * Requests per verified subject (a service credential's per calling subgraph and acting user), else per client
   * address: the subgraph's own limit, so a caller going around the gateway is limited too. Off when not given.
   */
  rateLimit?: RateLimitOptions;
}): Promise<RunningServer> {
  const { server } = options;
  await server.start();
  const limit = options.rateLimit && options.rateLimit.requests > 0 ? options.rateLimit : null;
  const buckets = limit ? tokenBuckets(limit) : null;
  const contextOf = async (req: IncomingMessage, requestId: string): Promise<TContext> => {
    const context = await options.context(req, requestId);
    if (!buckets || !limit) return context;
    const viewer = (context as { viewer?: Viewer | null }).viewer;
    const key = viewer ? `sub:${viewer.service ?? ''}/${viewer.subject}` : `addr:${req.socket.remoteAddress ?? 'unknown'}`;
    const waitMs = buckets.take(key);
    if (waitMs === 0) return context;
    const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
    throw new GraphQLError(`Rate limit exceeded: at most ${limit.requests} requests per ${limit.windowMs / 1000} s. Retry after ${retryAfter} s.`, {
      // Apollo Server sets the status and iterates the headers as a Map (the `graphql` typings of another package say a record).
      extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new HeaderMap([['retry-after', retryAfter]]) as unknown as Record<string, string> } },
    });
  };
  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const ok = options.ready ? await options.ready().catch(() => false) : true;
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      if (url.pathname === '/metrics') {
        const { contentType, body } = await metricsText();
        res.writeHead(200, { 'content-type': contentType });
        return res.end(body);
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found' });
      // A caller's request id (the gateway's) goes into the audit log and every log line: accept only a plain token.
      const requestId = acceptRequestId(req.headers['x-request-id']);
      observeRequest(req, res, requestId);
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY_BYTES) {
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
      }
      // Only JSON bodies: a form or text/plain POST is a browser's "simple request" (CSRF), and nothing else is GraphQL here.
      if (req.method === 'POST' && !isJsonContentType(req.headers['content-type'])) {
        res.setHeader('connection', 'close');
        return sendJson(res, 415, { errors: [{ message: 'Unsupported media type: send application/json.', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
      }
      const body = req.method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : '';
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let parsedBody: unknown = undefined;
      if (body) {
        try {
          parsedBody = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
        }
        // Postgres cannot store NUL characters; refuse them at the edge with a clear error.
        if (body.includes('\\u0000')) {
          return sendJson(res, 400, { errors: [{ message: 'Input must not contain NUL characters', extensions: { code: 'BAD_USER_INPUT' } }] });
        }
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
        context: () => contextOf(req, requestId),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: status === 413 ? 'Request body too large' : 'Internal server error' }] });
      else res.end();
    }
  });
  await new Promise<void>((resolve) => http.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    server: http,
    /** Graceful: requests in flight finish (up to 10 s), then the server stops. */
    async close() {
      await closeGracefully(http);
      await server.stop();
    },
  };
}
