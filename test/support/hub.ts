import { httpNrmClient, listen, type Database, type RunningServer } from '@nrm-hub/kit';
import { createTestDatabase, testIssuer, type TestClaims } from '@nrm-hub/kit/testing';
import { startGateway, type RunningGateway } from '@nrm-hub/gateway';
import * as cwContext from '@nrm-hub/child-welfare/context';
import * as cwDb from '@nrm-hub/child-welfare/db';
import * as cwServer from '@nrm-hub/child-welfare/server';
import * as immContext from '@nrm-hub/immigration/context';
import * as immDb from '@nrm-hub/immigration/db';
import * as immServer from '@nrm-hub/immigration/server';
import * as ngoContext from '@nrm-hub/ngo/context';
import * as ngoDb from '@nrm-hub/ngo/db';
import * as ngoServer from '@nrm-hub/ngo/server';
import * as nrmContext from '@nrm-hub/nrm/context';
import * as nrmDb from '@nrm-hub/nrm/db';
import * as nrmServer from '@nrm-hub/nrm/server';
import * as policeContext from '@nrm-hub/police/context';
import * as policeDb from '@nrm-hub/police/db';
import * as policeServer from '@nrm-hub/police/server';

/** Test-only linkage secret (agencies hold it, the NRM does not). */
export const TEST_LINKAGE_SECRET = 'test-linkage-secret-0123456789abcdef';

export type SubgraphName = 'nrm' | 'police' | 'immigration' | 'child-welfare' | 'ngo';

/** The whole hub, each subgraph on its own database and its own HTTP port, and the gateway in front. */
export interface Hub {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningServer>;
  databases: Record<SubgraphName, Database<Record<string, unknown>>>;
  /** The test issuer every process trusts. */
  issuer: Awaited<ReturnType<typeof testIssuer>>;
  /** `Authorization` headers for the claims. */
  as(claims: TestClaims): Promise<Record<string, string>>;
  /** POSTs a GraphQL operation to the gateway. */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } }>;
  stop(): Promise<void>;
}

/**
 * Starts the five real subgraphs (in this process, real HTTP on free ports,
 * each with a fresh database: in-memory PGlite, or a new database on
 * `TEST_DATABASE_URL`) and the real Hive Gateway over them.
 */
export async function startHub(options: { clock?: () => Date } = {}): Promise<Hub> {
  const [nrmDatabase, policeDatabase, immDatabase, cwDatabase, ngoDatabase] = await Promise.all([
    createTestDatabase(nrmDb, nrmServer.migrationsFolder),
    createTestDatabase(policeDb, policeServer.migrationsFolder),
    createTestDatabase(immDb, immServer.migrationsFolder),
    createTestDatabase(cwDb, cwServer.migrationsFolder),
    createTestDatabase(ngoDb, ngoServer.migrationsFolder),
  ]);
  const issuer = await testIssuer();
  const nrm = await listen({
    server: nrmServer.createServer(),
    port: 0,
    context: nrmContext.contextFactory({ verifier: issuer.verifier, serviceVerifier: issuer.serviceVerifier, clock: options.clock })(nrmDatabase.db),
  });
  // `clock` fixes every subgraph's "today" (deadlines, who is a child) for tests that need a fixed day.
  // Each agency calls the NRM with credentials minted by its own service key.
  const settings = (agency: 'police' | 'immigration' | 'child-welfare' | 'ngo') => ({
    nrm: httpNrmClient(nrm.url, issuer.serviceSigner(agency)),
    linkageSecret: TEST_LINKAGE_SECRET,
    verifier: issuer.verifier,
    clock: options.clock,
  });
  const [police, immigration, childWelfare, ngo] = await Promise.all([
    listen({ server: policeServer.createServer(), port: 0, context: policeContext.contextFactory(settings('police'))(policeDatabase.db) }),
    listen({ server: immServer.createServer(), port: 0, context: immContext.contextFactory(settings('immigration'))(immDatabase.db) }),
    listen({ server: cwServer.createServer(), port: 0, context: cwContext.contextFactory(settings('child-welfare'))(cwDatabase.db) }),
    listen({ server: ngoServer.createServer(), port: 0, context: ngoContext.contextFactory(settings('ngo'))(ngoDatabase.db) }),
  ]);
  const subgraphs = { nrm, police, immigration, 'child-welfare': childWelfare, ngo };
  const gateway = await startGateway({
    port: 0,
    production: false,
    verifier: issuer.verifier,
    // `GATEWAY_QUERY_PLANNER=js|rust` runs the suite against either planner (the gateway's default otherwise).
    ...(process.env.GATEWAY_QUERY_PLANNER === 'js' || process.env.GATEWAY_QUERY_PLANNER === 'rust' ? { queryPlanner: process.env.GATEWAY_QUERY_PLANNER } : {}),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
  });
  const databases = {
    nrm: nrmDatabase,
    police: policeDatabase,
    immigration: immDatabase,
    'child-welfare': cwDatabase,
    ngo: ngoDatabase,
  } as unknown as Hub['databases'];
  const stopped = new Set<RunningServer>();
  return {
    gateway,
    subgraphs,
    databases,
    issuer,
    async as(claims) {
      return { authorization: `Bearer ${await issuer.token(claims)}` };
    },
    async query(query, variables, headers = {}) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async stop() {
      await gateway.close();
      for (const s of Object.values(subgraphs)) {
        if (!stopped.has(s)) await s.close().catch(() => {});
      }
      await Promise.all(Object.values(databases).map((d) => d.close()));
    },
  };
}
