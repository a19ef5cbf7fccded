import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appendAudit,
  AuditCollector,
  auditLog,
  auditTrailLoader,
  createSubgraphServer,
  verifyAuditChain,
  type AuditedContext,
  type AuditEntry,
  type Database,
} from '../src/index.ts';
import { createTestDatabase, execute, testIssuer } from '../src/testing/index.ts';

const schema = { auditLog };
const migrationsFolder = new URL('./audit-migrations', import.meta.url).pathname;
let database: Database<typeof schema>;

const VICTIM_A = '11111111-1111-4111-8111-111111111111';
const VICTIM_B = '22222222-2222-4222-8222-222222222222';
const entry = (n: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: new Date(Date.UTC(2021, 2, 1, 10, 0, n)),
  requestId: `req-${n}`,
  subject: `test-user-${n % 3}`,
  agency: 'police',
  roles: ['investigator'],
  purpose: 'CASE-2021-17',
  operation: n % 2 ? 'VictimView' : null,
  victimIds: n % 4 ? [VICTIM_A] : [VICTIM_A, VICTIM_B],
  fields: ['PolicePerson.familyName', 'PolicePerson.givenNames'],
  ...over,
});

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
const exec = async (statement: string) => rowsOf(await database.db.execute(sql.raw(statement)));

/** Tampering as an administrator would: drop the append-only trigger, change rows, put the trigger back. */
async function tamper(statements: string[]): Promise<void> {
  await exec('drop trigger audit_log_append_only on audit_log');
  try {
    for (const s of statements) await exec(s);
  } finally {
    await exec(
      'create trigger audit_log_append_only before update or delete or truncate on audit_log for each statement execute function audit_log_refuse_change()',
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase(schema, migrationsFolder);
});
afterAll(async () => {
  await database.close();
});

describe('the audit log', () => {
  it('chains appended records and verifies them', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, records: 0, head: null });
    const first = await appendAudit(database.db, entry(1));
    expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = await appendAudit(database.db, entry(2));
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, records: 2, head: { seq: 2, hash: second.hash } });
  });

  it('serialises concurrent appends into one gapless chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(database.db, entry(3 + i))));
    const seqs = (await database.db.select({ seq: auditLog.seq }).from(auditLog)).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: 22 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const refusal = (statement: string) =>
      exec(statement).then(
        () => 'allowed',
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(await refusal(`update audit_log set subject = 'someone-else' where seq = 3`)).toBe('audit_log is append-only: UPDATE is not allowed');
    expect(await refusal('delete from audit_log where seq = 3')).toBe('audit_log is append-only: DELETE is not allowed');
    expect(await refusal('truncate audit_log')).toBe('audit_log is append-only: TRUNCATE is not allowed');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: 22 });
  });

  it('reports a changed record, and the chain is whole again once it is changed back', async () => {
    const [row] = await exec('select subject from audit_log where seq = 5');
    await tamper([`update audit_log set subject = 'someone-else' where seq = 5`]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 5, reason: 'changed', records: 4 });
    await tamper([`update audit_log set subject = '${String(row!.subject)}' where seq = 5`]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: 22 });
  });

  it('reports a changed hash link as a change', async () => {
    const [row] = await exec('select prev_hash from audit_log where seq = 9');
    await tamper([`update audit_log set prev_hash = '${'f'.repeat(64)}' where seq = 9`]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 9, reason: 'changed' });
    await tamper([`update audit_log set prev_hash = '${String(row!.prev_hash)}' where seq = 9`]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('reports a removed record at the record after the gap', async () => {
    const [saved] = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} = 7`);
    await tamper(['delete from audit_log where seq = 7']);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, seq: 8, reason: 'removed', records: 6 });
    expect(result.ok === false && result.detail).toContain('7');
    await database.db.insert(auditLog).overridingSystemValue().values(saved!);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: 22 });
  });

  it('reports the removal of the first records', async () => {
    const [saved] = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} = 1`);
    await tamper(['delete from audit_log where seq = 1']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 2, reason: 'removed', records: 0 });
    await database.db.insert(auditLog).overridingSystemValue().values(saved!);
  });

  it('reports two records that swapped places as reordered', async () => {
    // `seq` is GENERATED ALWAYS, so UPDATE cannot move a record: delete both and insert them back swapped.
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} in (11, 12)`)
      .orderBy(auditLog.seq);
    const swap = async (pairs: [number, number][]) => {
      await tamper(['delete from audit_log where seq in (11, 12)']);
      for (const [from, to] of pairs)
        await database.db
          .insert(auditLog)
          .overridingSystemValue()
          .values({ ...rows[from - 11]!, seq: to });
    };
    await swap([
      [11, 12],
      [12, 11],
    ]);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, seq: 11, reason: 'reordered', records: 10 });
    expect(result.ok === false && result.detail).toContain('written as seq 12');
    await swap([
      [11, 11],
      [12, 12],
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: 22 });
  });

  it("loads each victim's trail, oldest first, in one statement per batch", async () => {
    const loader = auditTrailLoader(database.db);
    database.statements.reset();
    const [a, b, none] = await Promise.all([loader.load(VICTIM_A), loader.load(VICTIM_B), loader.load('33333333-3333-4333-8333-333333333333')]);
    expect(database.statements.count).toBe(1);
    expect(a).toHaveLength(22);
    expect(a.map((r) => r.seq)).toEqual([...a.map((r) => r.seq)].sort((x, y) => x - y));
    expect(b.map((r) => r.requestId).sort()).toEqual(['req-12', 'req-16', 'req-20', 'req-4', 'req-8']);
    expect(none).toEqual([]);
  });
});

describe('the audit collector', () => {
  it('has nothing to write for a request that served nothing personal', () => {
    expect(new AuditCollector().entry({ requestId: 'r', viewer: null, operation: null })).toBeNull();
  });

  it('gathers each field and victim once, sorted', async () => {
    const issuer = await testIssuer();
    const viewer = await issuer.verifier(`Bearer ${await issuer.token({ agency: 'police', roles: ['investigator', 'analyst'], purpose: 'CASE-2021-17' })}`);
    const audit = new AuditCollector();
    audit.record('PolicePerson.givenNames', VICTIM_B);
    audit.record('PolicePerson.familyName', VICTIM_A);
    audit.record('PolicePerson.givenNames', VICTIM_A);
    audit.record('Investigation.reference', undefined);
    expect(audit.entry({ requestId: 'r-1', viewer, operation: 'Op', at: new Date(0) })).toEqual({
      at: new Date(0),
      requestId: 'r-1',
      subject: 'test-user-police',
      agency: 'police',
      roles: ['analyst', 'investigator'],
      purpose: 'CASE-2021-17',
      operation: 'Op',
      victimIds: [VICTIM_A, VICTIM_B],
      fields: ['Investigation.reference', 'PolicePerson.familyName', 'PolicePerson.givenNames'],
    });
  });
});

describe('a subgraph server with the audit plugin', () => {
  const shared = readFileSync(new URL('../src/schema/shared.graphql', import.meta.url), 'utf8');
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@policy"])
    type Victim @key(fields: "id") {
      id: ID!
      note: String @requiresScopes(scopes: [["police:read"]]) @policy(policies: [["purpose"]])
    }
    type Query { ping: String }
    ${shared}`);
  const server = createSubgraphServer<AuditedContext>({
    name: 'audit-test',
    typeDefs,
    resolvers: { Query: { ping: () => 'pong' }, Victim: { __resolveReference: (ref: { id: string }) => ref, note: () => 'synthetic note' } },
  });
  const ENTITY = `query Look($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { note } } }`;
  let issuer: Awaited<ReturnType<typeof testIssuer>>;
  const context = async (db: AuditedContext['db']): Promise<AuditedContext> => ({
    requestId: 'plugin-test',
    viewer: await issuer.verifier(`Bearer ${await issuer.token({ agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' })}`),
    audit: new AuditCollector(),
    db,
  });
  beforeAll(async () => {
    issuer = await testIssuer();
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('writes one record for a personal read and none for a read of nothing personal', async () => {
    const before = await database.db.$count(auditLog);
    expect((await execute(server, await context(database.db), '{ ping }')).data).toEqual({ ping: 'pong' });
    expect(await database.db.$count(auditLog)).toBe(before);
    const result = await execute(server, await context(database.db), ENTITY, { r: [{ __typename: 'Victim', id: VICTIM_B }] });
    expect(result.data?._entities).toEqual([{ note: 'synthetic note' }]);
    const [last] = await database.db
      .select()
      .from(auditLog)
      .orderBy(sql`${auditLog.seq} desc`)
      .limit(1);
    expect(last).toMatchObject({ requestId: 'plugin-test', operation: 'Look', victimIds: [VICTIM_B], fields: ['Victim.note'], agency: 'police' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: before + 1 });
  });

  it('fails closed: no data when the record cannot be written, and no values in the log line', async () => {
    // A database without the audit table: the append fails.
    const client = new PGlite();
    const db = drizzle(client) as unknown as AuditedContext['db'];
    // The log is structured JSON on stdout (the kit's pino logger).
    const written = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const errors = {
      get lines() {
        return written.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('audit write failed'));
      },
    };
    try {
      const response = await server.executeOperation(
        { query: ENTITY, variables: { r: [{ __typename: 'Victim', id: VICTIM_A }] } },
        { contextValue: await context(db) },
      );
      expect(response.http.status).toBe(503);
      expect(response.body.kind === 'single' && response.body.singleResult).toEqual({
        errors: [{ message: 'The read could not be recorded in the audit log, so no data is returned.', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
      });
      expect(errors.lines).toHaveLength(1);
      expect(JSON.parse(errors.lines[0]!)).toMatchObject({ level: 'error' });
      expect(errors.lines[0]).not.toContain(VICTIM_A);
      expect(errors.lines[0]).not.toContain('test-user');
    } finally {
      written.mockRestore();
      await client.close();
    }
  });
});
