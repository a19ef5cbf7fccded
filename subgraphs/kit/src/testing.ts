import type { ApolloServer, BaseContext } from '@apollo/server';

/** Runs an operation in-process and returns `{ data, errors }` of a single result. */
export async function execute<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  contextValue: TContext,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: Record<string, any> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Expected a single result');
  return response.body.singleResult as never;
}

import { randomUUID } from 'node:crypto';
import type { NrmClient, NrmOpenCaseRolesRequest, NrmRegistrationRequest, NrmReturnCheckRequest } from './nrm-client.ts';
import { hubError } from './errors.ts';

/**
 * An in-memory stand-in for the NRM, for an agency subgraph's own unit tests
 * only (end-to-end tests run the real NRM subgraph). Idempotent per
 * (agency, key); joins registrations that share an identifier hash.
 */
export function inMemoryNrm(): NrmClient & { requests: NrmRegistrationRequest[]; down: boolean; openCaseRoles: Map<string, string[]> } {
  const byKey = new Map<string, string>();
  const byHash = new Map<string, string>();
  const state = {
    requests: [] as NrmRegistrationRequest[],
    down: false,
    openCaseRoles: new Map<string, string[]>(),
    async setOpenCaseRoles(request: NrmOpenCaseRolesRequest) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      state.openCaseRoles.set(request.victimId, request.roles);
    },
    /** A hit when an identifier hash is known and its victim has open-case roles. */
    async checkReturn(request: NrmReturnCheckRequest) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      const victimId = request.identifierHashes.map((h) => byHash.get(h)).find(Boolean);
      const hit = Boolean(victimId && state.openCaseRoles.get(victimId)?.length);
      return { hit, alertId: hit ? randomUUID() : null, alertState: hit ? 'OPEN' : null };
    },
    async register(request: NrmRegistrationRequest) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      state.requests.push(request);
      const k = `${request.agency}|${request.idempotencyKey}`;
      const known = byKey.get(k);
      if (known) return { victimId: known, matchedExisting: false, matchScore: 1 };
      const hit = request.identifierHashes.map((h) => byHash.get(h)).find(Boolean);
      const victimId = hit ?? randomUUID();
      byKey.set(k, victimId);
      for (const h of request.identifierHashes) byHash.set(h, victimId);
      return { victimId, matchedExisting: Boolean(hit), matchScore: 1 };
    },
    async withdraw(agency: string, idempotencyKey: string) {
      return byKey.delete(`${agency}|${idempotencyKey}`);
    },
  };
  return state;
}

/** Synthetic valid identifiers for tests (no real person). */
export const SAMPLE_IDS = {
  /** A fødselsnummer with valid check digits (synthetic). */
  fodselsnummer: '01010012356',
  /** A DUF number with valid check digits. */
  duf: '201212345603',
};

import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { IncomingMessage } from 'node:http';
import { createTokenVerifier, type TokenVerifier } from './auth.ts';
import { agencyKind } from './policy.ts';
import { createServiceVerifier, generateServiceKeys, serviceSigner, type ServiceName, type ServiceSigner } from './service-auth.ts';

/** Claims a test token carries. */
export interface TestClaims {
  sub?: string;
  agency: string;
  roles?: string[];
  purpose?: string | null;
  expiresIn?: string;
  /** A service credential minted by the agency subgraph's own key, on behalf of `sub` (instead of a user token). */
  service?: boolean;
}

/**
 * A throwaway ES256 issuer for tests: real keys, real signatures, verified by
 * the real verifier. `request(token)` builds the minimal Node request a
 * context function reads.
 */
export async function testIssuer(options: { issuer?: string; audience?: string } = {}) {
  const issuer = options.issuer ?? 'nrm-hub-test-issuer';
  const audience = options.audience ?? 'nrm-hub';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const jwks = { keys: [jwk] };
  const config = { issuer, audience, algorithms: ['ES256'], jwks, clockToleranceSeconds: 30 };
  const verifier: TokenVerifier = createTokenVerifier(config);
  // Each subgraph's service identity, as `npm start` makes them.
  const serviceKeys = await generateServiceKeys();
  const signers = new Map<string, ServiceSigner>();
  for (const [name, jwk] of Object.entries(serviceKeys.privateKeys)) signers.set(name, await serviceSigner(jwk));
  const serviceSignerOf = (name: ServiceName): ServiceSigner => signers.get(name)!;
  const token = async (claims: TestClaims) => {
    const { sub, agency, roles, purpose, expiresIn } = claims;
    if (claims.service) {
      return serviceSignerOf(agencyKind(agency) as ServiceName).mint({ subject: sub ?? `test-user-${agency}`, agency, purpose: purpose === undefined ? 'CASE-2021-17' : purpose });
    }
    const payload: Record<string, unknown> = { agency, roles: roles ?? ['caseworker'] };
    if (purpose !== null) payload.purpose = purpose ?? 'CASE-2021-17';
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject(sub ?? `test-user-${agency}`)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn ?? '10m')
      .sign(privateKey);
  };
  return {
    config,
    jwks,
    privateKey,
    verifier,
    token,
    /** Public keys of every subgraph's service identity (`SERVICE_JWKS`). */
    serviceJwks: serviceKeys.jwks,
    /** Private service keys by subgraph name (`SERVICE_KEY`). */
    servicePrivateKeys: serviceKeys.privateKeys,
    /** The service signer of one subgraph. */
    serviceSigner: serviceSignerOf,
    /** Verifies service credentials signed by any of the subgraphs' keys. */
    serviceVerifier: createServiceVerifier(serviceKeys.jwks),
    /** A request with `Authorization: Bearer <token>` for the claims. */
    async request(claims: TestClaims): Promise<IncomingMessage> {
      return { headers: { authorization: `Bearer ${await token(claims)}` } } as unknown as IncomingMessage;
    },
  };
}

import type { SQL } from 'drizzle-orm';
import { auditHead, auditRecordsSince, verifyAuditChain } from './audit.ts';
import type { Database, Db } from './database.ts';
import type { AgencySettings } from './request-context.ts';
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
  const run: TestRun = async (query, variables, claims = claimsFor(variables)) =>
    execute(server, await contextFactory(settings)(open().db)(claims ? await issuer.request(claims) : anonymous, requestId), query, variables);

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

/** A personal read of one victim's record and the record it must leave in the audit log. */
export interface PersonalReadAuditCase<TSchema extends Record<string, unknown>> {
  run: TestRun;
  db: Db<TSchema>;
  /** Reads of nothing personal (ids, SDL, lists): together they must leave no record. */
  impersonalReads: TestOperation[];
  /** A personal read the policy refuses with FORBIDDEN: it must leave no record either. */
  refusedRead: TestOperation;
  /** A personal read that succeeds: it must leave exactly one record. */
  personalRead: TestOperation;
  /** That record, but for `seq`, which must follow the log's head. */
  expectedRecord: Record<string, unknown>;
  /** A statement that would change or remove the record at `seq`: the database must refuse it. */
  tamper: (seq: number) => SQL;
}

/**
 * Asserts that reads of nothing personal and a refused read leave no audit
 * record, that a personal read leaves exactly the expected one, that the
 * database refuses to change it, and that the chain still verifies.
 */
export async function expectPersonalReadAuditedOnce<TSchema extends Record<string, unknown>>(test: PersonalReadAuditCase<TSchema>): Promise<void> {
  const { expect } = await import('vitest');
  const { run, db } = test;
  const before = (await auditHead(db))?.seq ?? 0;
  for (const read of test.impersonalReads) await run(...read);
  const refused = await run(...test.refusedRead);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await auditRecordsSince(db, before)).toEqual([]);

  const read = await run(...test.personalRead);
  expect(read.errors).toBeUndefined();
  expect(await auditRecordsSince(db, before)).toMatchObject([{ seq: before + 1, ...test.expectedRecord }]);
  await expect(db.execute(test.tamper(before + 1))).rejects.toThrow();
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true, records: before + 1 });
}

/** An agency's audit trail field on `Victim` and what data protection must find in it. */
export type AuditTrailCase<TSchema extends Record<string, unknown>> = {
  run: TestRun;
  db: Db<TSchema>;
  victimId: string;
  /** The `Victim` field of the agency's trail, such as `policeAuditTrail`. */
  trailField: string;
  /** A personal read by the suite's default caller, made before data protection reads the trail. */
  precedingRead?: TestOperation;
} & (
  | {
      /** The whole trail data protection gets (`toEqual`). */
      expectedTrail: unknown[];
      expectedLastRecord?: never;
    }
  | {
      /** The trail's newest record (`toEqual`); older ones are not checked. */
      expectedLastRecord: Record<string, unknown>;
      expectedTrail?: never;
    }
);

/** The claims of the data protection auditor the trail tests read as. */
const DATA_PROTECTION_AUDITOR: TestClaims = { sub: 'test-dpo-1', agency: 'data-protection', roles: ['auditor'], purpose: null };

/**
 * Asserts that a victim's audit trail is refused (FORBIDDEN, null) to the
 * suite's default caller, served to data protection as expected, and that
 * data protection's read is itself one audit record.
 */
export async function expectAuditTrailServedToDataProtectionOnly<TSchema extends Record<string, unknown>>(test: AuditTrailCase<TSchema>): Promise<void> {
  const { expect } = await import('vitest');
  const { run, db, victimId, trailField } = test;
  const TRAIL = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { ${trailField} { at subject agency roles purpose requestId fields operation } } } }`;
  const r = [{ __typename: 'Victim', id: victimId }];
  const denied = await run(TRAIL, { r });
  expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(denied.data?._entities[0][trailField]).toBeNull();

  if (test.precedingRead) await run(...test.precedingRead);
  const before = (await auditHead(db))?.seq ?? 0;
  const trail = await run(TRAIL, { r }, DATA_PROTECTION_AUDITOR);
  expect(trail.errors).toBeUndefined();
  const served = trail.data?._entities[0][trailField];
  if (test.expectedTrail) expect(served).toEqual(test.expectedTrail);
  else expect(served.at(-1)).toEqual(test.expectedLastRecord);
  expect(await auditRecordsSince(db, before)).toMatchObject([
    { subject: 'test-dpo-1', agency: 'data-protection', purpose: null, victimIds: [victimId], fields: [`Victim.${trailField}`] },
  ]);
}
