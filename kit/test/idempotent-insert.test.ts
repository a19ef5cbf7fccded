import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { pgTable, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { insertOnce, type Database } from '../src/index.ts';
import { createTestDatabase } from '../src/testing/index.ts';

/** A tiny table with an idempotency key, as the agencies' record tables have. */
const requests = pgTable('requests', {
  id: serial().primaryKey(),
  idempotencyKey: text().notNull().unique(),
  clientId: text().notNull(),
  type: text().notNull(),
});
type RequestRow = typeof requests.$inferSelect;

const schema = { requests };
let database: Database<typeof schema>;
/** Its one migration, laid out as drizzle-kit writes them. */
const migrationsFolder = fileURLToPath(new URL('./idempotent-insert-migrations', import.meta.url));

/** Stores a request once per key, inside a transaction as the stores do. */
const record = (input: { idempotencyKey: string; clientId: string; type: string }, message?: string) =>
  database.db.transaction((tx) =>
    insertOnce(tx, requests, input, {
      sameRequest: (first) => first.clientId === input.clientId && first.type === input.type,
      what: 'request',
      ...(message ? { message } : {}),
    }),
  );

async function rowCount(key?: string): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(requests)
    .where(key ? eq(requests.idempotencyKey, key) : undefined);
  return row!.n;
}

beforeAll(async () => {
  database = await createTestDatabase(schema, migrationsFolder);
});
afterAll(async () => {
  await database.close();
});

describe('insertOnce', () => {
  it('stores the first request and returns its row', async () => {
    const row = await record({ idempotencyKey: 'key-first-0001', clientId: 'c1', type: 'SHELTER' });
    expectTypeOf(row).toEqualTypeOf<RequestRow>();
    expect(row).toEqual({ id: expect.any(Number), idempotencyKey: 'key-first-0001', clientId: 'c1', type: 'SHELTER' });
    const [stored] = await database.db.select().from(requests).where(eq(requests.id, row.id));
    expect(stored).toEqual(row);
    expect(await rowCount()).toBe(1);
  });

  it('returns the first row for a retry of the same request and writes nothing', async () => {
    const input = { idempotencyKey: 'key-retry-0001', clientId: 'c2', type: 'LEGAL_AID' };
    const first = await record(input);
    const before = await rowCount();
    const again = await record({ ...input });
    expect(again).toEqual(first);
    expect(again.id).toBe(first.id);
    expect(await rowCount()).toBe(before);
    expect(await rowCount(input.idempotencyKey)).toBe(1);
  });

  it('stores one row for concurrent retries, and every retry gets it', async () => {
    const input = { idempotencyKey: 'key-concurrent-0001', clientId: 'c3', type: 'HEALTH' };
    const before = await rowCount();
    const rows = await Promise.all(Array.from({ length: 6 }, () => record({ ...input })));
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(rows[0]).toEqual({ id: expect.any(Number), ...input });
    for (const r of rows) expect(r).toEqual(rows[0]);
    expect(await rowCount(input.idempotencyKey)).toBe(1);
    expect(await rowCount()).toBe(before + 1);
  });

  it('refuses the same key for another request with IDEMPOTENCY_KEY_REUSED', async () => {
    const input = { idempotencyKey: 'key-reused-0001', clientId: 'c4', type: 'SHELTER' };
    const first = await record(input);
    const before = await rowCount();
    await expect(record({ ...input, clientId: 'c5' })).rejects.toMatchObject({
      message: 'This idempotency key was used for another request.',
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    await expect(record({ ...input, type: 'HEALTH' }, 'This idempotency key was already used for a different request.')).rejects.toMatchObject({
      message: 'This idempotency key was already used for a different request.',
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(await rowCount()).toBe(before);
    const [stored] = await database.db.select().from(requests).where(eq(requests.idempotencyKey, input.idempotencyKey));
    expect(stored).toEqual(first);
  });

  it('takes the fields that must agree instead of a test: a retry with the same values returns the first row, other values are refused', async () => {
    const byFields = (input: { idempotencyKey: string; clientId: string; type: string }) =>
      database.db.transaction((tx) => insertOnce(tx, requests, input, { sameRequest: ['clientId', 'type'], what: 'request' }));
    const input = { idempotencyKey: 'key-fields-0001', clientId: 'c6', type: 'SHELTER' };
    const first = await byFields(input);
    const before = await rowCount();
    expect(await byFields({ ...input })).toEqual(first);
    for (const other of [{ clientId: 'c7' }, { type: 'HEALTH' }]) {
      await expect(byFields({ ...input, ...other })).rejects.toMatchObject({ extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    }
    expect(await rowCount()).toBe(before);
  });
});
