import { sql } from 'drizzle-orm';
import { type Database } from '@nrm-hub/kit';
import { createTestDatabase, execute, testIssuer } from '@nrm-hub/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';
import { hash, registrationInput } from './registration-input.ts';

// Its own database and context: maintenance state lives in the context factory, per database.
const issuer = await testIssuer();
const server = createServer();
let database: Database<typeof schema>;
let context: ReturnType<ReturnType<typeof contextFactory>>;

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId } }`;
const registration = (n: number) =>
  registrationInput({ idempotencyKey: `maintenance-key-${String(n).padStart(4, '0')}`, identifierHashes: [hash(`maintenance-${n}`)] });
const register = async (input: ReturnType<typeof registration>) => {
  const ctx = await context(await issuer.request({ agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17', service: true }), 'req');
  const result = await execute(server, ctx, REGISTER, { input });
  expect(result.errors).toBeUndefined();
  return ctx.maintenance;
};
/** What VACUUM and ANALYZE leave behind: all-visible pages (for index-only scans) and row estimates. */
const tableStats = async () => {
  const result = await database.db.execute(
    sql`select relname, relallvisible, reltuples from pg_class where relname in ('lsh_buckets', 'registrations') order by relname`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { relname: string; relallvisible: number; reltuples: number }[];
  return Object.fromEntries(rows.map((r) => [r.relname, { allVisible: Number(r.relallvisible), tuples: Number(r.reltuples) }]));
};

beforeAll(async () => {
  database = await createTestDatabase(schema, migrationsFolder);
  context = contextFactory({ verifier: issuer.verifier, serviceVerifier: issuer.serviceVerifier, maintenanceEvery: 3 })(database.db);
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('maintenance of the matching tables', () => {
  it('vacuums and analyses them after every so many new registrations, not counting retries', async () => {
    await register(registration(1));
    await register(registration(2));
    // A retry of the same request writes nothing and does not count.
    let maintenance = await register(registration(2));
    await maintenance.idle();
    expect(maintenance.runs).toBe(0);
    expect((await tableStats()).lsh_buckets!.allVisible).toBe(0);

    maintenance = await register(registration(3));
    await maintenance.idle();
    expect(maintenance.runs).toBe(1);
    const stats = await tableStats();
    // VACUUM marked the bucket pages all-visible, so candidate lookups can be answered from the index alone.
    expect(stats.lsh_buckets!.allVisible).toBeGreaterThan(0);
    // ANALYZE counted the rows: 3 registrations, each filed under its blocking keys (about 47).
    expect(stats.registrations!.tuples).toBe(3);
    const bucketRows = (await database.db.execute(sql`select count(*)::int as n from lsh_buckets`)) as unknown as { n: number }[] | { rows: { n: number }[] };
    const rows = Array.isArray(bucketRows) ? bucketRows : bucketRows.rows;
    expect(rows[0]!.n).toBeGreaterThan(3 * 40);
    expect(stats.lsh_buckets!.tuples).toBe(rows[0]!.n);

    for (const n of [4, 5]) maintenance = await register(registration(n));
    await maintenance.idle();
    expect(maintenance.runs).toBe(1);
    maintenance = await register(registration(6));
    await maintenance.idle();
    expect(maintenance.runs).toBe(2);
  });
});
