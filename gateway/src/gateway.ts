import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import { readSupergraph } from '@nrm-hub/schema';
import { maskError } from './errors.ts';

export interface GatewayOptions {
  /** Subgraph name → GraphQL URL; overrides the URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Production: no GraphiQL, no introspection. */
  production: boolean;
  /** Supergraph SDL; the committed `schema/supergraph.graphql` by default. */
  supergraph?: string;
  /** Merge identical in-flight subgraph requests (on by default; off for benchmarks). */
  deduplicateInflightRequests?: boolean;
}

/** Builds the Hive Gateway runtime serving the supergraph at `/graphql`. */
export function createGateway(options: GatewayOptions) {
  const transportEntries: Record<string, { location?: string; options?: Record<string, unknown> }> = {
    '*.http': { options: { deduplicateInflightRequests: options.deduplicateInflightRequests ?? true } },
  };
  for (const [name, url] of Object.entries(options.subgraphUrls)) transportEntries[name] = { location: url };
  return createGatewayRuntime({
    supergraph: options.supergraph ?? readSupergraph(),
    transports: { http },
    transportEntries: transportEntries as never,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthcheck',
    readinessCheckEndpoint: '/readiness',
    graphiql: options.production ? false : { title: 'NRM Hub' },
    landingPage: !options.production,
    disableIntrospection: options.production ? { disableIf: () => true } : undefined,
    maskedErrors: { maskError },
    // The runtime's own error logs print whole subrequests, variables included:
    // personal data. Only an explicit debug session on a developer's machine gets them.
    logging: process.env.GATEWAY_LOG_LEVEL === 'debug' ? 'debug' : false,
    upstreamTimeout: 15_000,
  });
}

/** A listening gateway. */
export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Starts the gateway on `port` (0 picks a free one) and resolves once listening. */
export async function startGateway(options: GatewayOptions & { port: number; host?: string }): Promise<RunningGateway> {
  const runtime = createGateway(options);
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    server,
    async close() {
      // The runtime's own disposal leaves the HTTP server open: close both.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
