import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { execute } from './execute.ts';
import { inMemoryNrm } from './in-memory-nrm.ts';
import { testIssuer, type TestClaims } from './test-issuer.ts';
import type { Database, Db } from '../runtime/database.ts';
import type { AgencySettings } from '../server/request-context.ts';
import { createTestDatabase } from './test-database.ts';

/** What `execute` answers: `{ data, errors }` of a single result. */
export type ExecuteResult = Awaited<ReturnType<typeof execute>>;

/** Runs an operation as `claims` (anonymous for `null`; the suite's default caller when left out). */
export type TestRun = (query: string, variables?: Record<string, unknown>, claims?: TestClaims | null) => Promise<ExecuteResult>;

/** One operation of a test, as `TestRun` takes it: query, variables and caller. */
export type TestOperation = [query: string, variables?: Record<string, unknown>, claims?: TestClaims | null];

/** What `subgraphTestSuite` needs of a subgraph. */
export interface SubgraphTestSuiteOptions<TSchema extends Record<string, unknown>, TContext extends BaseContext> {
  /** The subgraph's drizzle table schema and committed migrations, for `createTestDatabase`. */
  schema: TSchema;
  migrationsFolder: string;
  /** The subgraph's server, not yet started. */
  server: ApolloServer<TContext>;
  /**
   * The subgraph's own `contextFactory`. It gets agency settings (an in-memory
   * NRM, a test linkage secret and the test issuer's verifier); the NRM
   * subgraph's factory reads only the verifier.
   */
  contextFactory: (settings: AgencySettings) => (db: Db<TSchema>) => (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** The caller when a test names none, or a choice of caller by the operation's variables; anonymous when left out. */
  defaultClaims?: TestClaims | null | ((variables?: Record<string, unknown>) => TestClaims | null);
  /** The request id every operation runs under (default `req`); audit records carry it. */
  requestId?: string;
}

/** A subgraph's test file setup, as `subgraphTestSuite` returns it. */
export interface SubgraphTestSuite<TSchema extends Record<string, unknown>> {
  /** The file's own migrated database, usable from `beforeAll` until `afterAll`. */
  database: Database<TSchema>;
  /** The in-memory NRM the context gets; it is back up (`down = false`) before each test. */
  nrm: ReturnType<typeof inMemoryNrm>;
  /** Runs an operation in-process with a token signed for the claims. */
  run: TestRun;
}

/**
 * Sets up one subgraph's test file: registers vitest hooks that lease a fresh
 * test database and start the server before the file's tests, bring the
 * in-memory NRM back up before each test, and stop and drop both after.
 * Call it at the top level of the file; a `beforeAll` the file registers
 * after it runs with the database open and the server started. The helpers
 * here import vitest only when a test calls them, so the kit's runtime never
 * loads it.
 */
export async function subgraphTestSuite<TSchema extends Record<string, unknown>, TContext extends BaseContext>(
  options: SubgraphTestSuiteOptions<TSchema, TContext>,
): Promise<SubgraphTestSuite<TSchema>> {
  const { afterAll, beforeAll, beforeEach } = await import('vitest');
  const { schema, migrationsFolder, server, contextFactory, defaultClaims = null, requestId = 'req' } = options;
  const issuer = await testIssuer();
  const nrm = inMemoryNrm();
  const settings: AgencySettings = { nrm, linkageSecret: 'x'.repeat(32), verifier: issuer.verifier, serviceVerifier: issuer.serviceVerifier };
  let opened: Database<TSchema> | undefined;
  const open = (): Database<TSchema> => {
    if (!opened) throw new Error('The test database is open only from beforeAll until afterAll');
    return opened;
  };
  const database: Database<TSchema> = {
    get db() {
      return open().db;
    },
    get statements() {
      return open().statements;
    },
    get driver() {
      return open().driver;
    },
    close: () => open().close(),
  };
  const claimsFor = (variables?: Record<string, unknown>) => (typeof defaultClaims === 'function' ? defaultClaims(variables) : defaultClaims);
  const anonymous = { headers: {} } as unknown as IncomingMessage;
  // One context builder per database, as a server builds it once at start (so per-process state such as the NRM's maintenance counters lives on).
  let builder: { db: Db<TSchema>; build: (req: IncomingMessage, requestId: string) => Promise<TContext> } | undefined;
  const contextOf = (db: Db<TSchema>) => {
    if (builder?.db !== db) builder = { db, build: contextFactory(settings)(db) };
    return builder.build;
  };
  const run: TestRun = async (query, variables, claims = claimsFor(variables)) =>
    execute(server, await contextOf(open().db)(claims ? await issuer.request(claims) : anonymous, requestId), query, variables);

  beforeAll(async () => {
    opened = await createTestDatabase(schema, migrationsFolder);
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await opened?.close();
    opened = undefined;
  });
  beforeEach(() => {
    nrm.down = false;
  });
  return { database, nrm, run };
}
