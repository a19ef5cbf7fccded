import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, auditLog, verifyAuditChain, type AuditEntry, type Database } from '../src/index.ts';
import { createTestDatabase } from '../src/testing/index.ts';
import { appendAuditBatch, appendAuditBatched } from '../src/audit/batcher.ts';

const schema = { auditLog };
const migrationsFolder = new URL('./audit-migrations', import.meta.url).pathname;
let database: Database<typeof schema>;

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2021, 2, 1, 10, 0, n % 60)),
  requestId: `batch-${n}`,
  subject: 'test-user',
  agency: 'police',
  roles: ['investigator'],
  purpose: 'CASE-2021-17',
  operation: null,
  victimIds: ['11111111-1111-4111-8111-111111111111'],
  fields: ['PolicePerson.givenNames'],
});

beforeAll(async () => {
  database = await createTestDatabase(schema, migrationsFolder);
});
afterAll(async () => {
  await database.close();
});

describe('audit group commit', () => {
  it('writes the records of concurrent requests in fewer transactions, one gapless chain, each caller getting its own record', async () => {
    await appendAudit(database.db, entry(0));
    database.statements.reset();
    const rows = await Promise.all(Array.from({ length: 30 }, (_, i) => appendAuditBatched(database.db, entry(i + 1))));
    expect(rows.map((r) => r.requestId)).toEqual(Array.from({ length: 30 }, (_, i) => `batch-${i + 1}`));
    expect(new Set(rows.map((r) => r.seq)).size).toBe(30);
    // One transaction is three marked statements (lock, head, insert); thirty one-by-one appends would be 90.
    expect(database.statements.auditCount).toBeLessThan(30);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: 31 });
  });

  it('interleaves with one-by-one appends without breaking the chain', async () => {
    const before = (await verifyAuditChain(database.db)) as { records: number };
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => appendAuditBatched(database.db, entry(100 + i))),
      ...Array.from({ length: 5 }, (_, i) => appendAudit(database.db, entry(200 + i))),
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: before.records + 15 });
  });

  it('rejects every caller of a batch that could not be written, so each withholds its data', async () => {
    // A database whose transactions fail (as when the server is gone): cheaper than a second database.
    const db = { transaction: async () => Promise.reject(Object.assign(new Error('connection lost'), { code: '08006' })) } as unknown as Database<
      typeof schema
    >['db'];
    const results = await Promise.allSettled([appendAuditBatched(db, entry(1)), appendAuditBatched(db, entry(2)), appendAuditBatched(db, entry(3))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await expect(appendAuditBatch(db, [entry(4)])).rejects.toThrow('connection lost');
    // The batcher recovers: the next append on a working database goes through.
    await expect(appendAuditBatched(database.db, entry(5))).resolves.toMatchObject({ requestId: 'batch-5' });
  });
});
