import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeClk, normalisePerson, openDatabase } from '@nrm-hub/kit';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { candidatesOf } from '../src/data/matching.ts';
import { blockingKeys } from '../src/rules/blocking.ts';
import * as schema from '../src/db/schema.ts';
import { migrationsFolder } from '../src/server.ts';

// Synthetic people only.
const SECRET = 'migration-test-linkage-secret-0123456789';
const work = mkdtempSync(join(tmpdir(), 'nrm-migrations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The migrations folder as it was before migration `tag` (its journal cut there). */
function migrationsBefore(tag: string): string {
  const folder = join(work, `before-${tag}`);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string; idx: number }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

describe('NRM migrations on a registry with data', () => {
  // Two embedded databases migrated from nothing on disk: slow on a busy machine.
  it('carry the blocking index over to registration numbers: every bucket row keeps its registration, and candidates are found as before', async () => {
    const dataDir = join(work, 'registry');
    const clks = [
      { givenNames: 'Ilinca', familyName: 'Sandulescu', birthDate: '1996-02-11' },
      { givenNames: 'Ilinca', familyName: 'Sandulescu', birthDate: '1996-02-11' },
      { givenNames: 'Tamar', familyName: 'Okonkwo', birthDate: '1989-10-30' },
    ].map((p) => encodeClk(SECRET, normalisePerson({ ...p, gender: 'FEMININE', citizenships: ['RO'] })));
    // A registry as it stood before migration 0010: buckets keyed by the registration's uuid.
    const old = await openDatabase({ schema, migrationsFolder: migrationsBefore('0010_blocking-by-seq'), dataDir });
    const ids: string[] = [];
    for (const [i, clk] of clks.entries()) {
      const victim = rowsOf(await old.db.execute(sql`insert into victims default values returning id`))[0]!.id as string;
      const id = rowsOf(
        await old.db.execute(sql`
          insert into registrations (victim_id, issued_victim_id, agency, agency_record_id, idempotency_key, status, decided_by,
            exploitation_types, decided_on, gender, citizenships, clk, matched_existing, match_score)
          values (${victim}, ${victim}, 'POLICE', gen_random_uuid(), ${`migration-${i}`}, 'POSSIBLE', 'POLICE',
            array['FORCED_LABOUR'], '2021-06-01', 'FEMININE', array['RO'], ${Buffer.from(clk)}, false, 1)
          returning id`),
      )[0]!.id as string;
      ids.push(id);
      for (const bucket of blockingKeys(clk)) await old.db.execute(sql`insert into lsh_buckets (bucket, registration_id) values (${bucket}, ${id})`);
    }
    const before = rowsOf(await old.db.execute(sql`select registration_id::text as r, count(*)::int as n from lsh_buckets group by 1 order by 1`));
    await old.close();

    const migrated = await openDatabase({ schema, migrationsFolder, dataDir });
    try {
      const after = rowsOf(
        await migrated.db.execute(
          sql`select r.id::text as r, count(*)::int as n from lsh_buckets b join registrations r on r.seq = b.registration_seq group by 1 order by 1`,
        ),
      );
      expect(after).toEqual(before);
      expect(after.map((a) => a.n)).toEqual(ids.map(() => blockingKeys(clks[0]!).length));
      // The first person's second registration is a candidate of hers, the other person is not among the best.
      const candidates = await candidatesOf(migrated.db, clks[0]!);
      expect(
        candidates
          .map((c) => c.registrationId)
          .slice(0, 2)
          .sort(),
      ).toEqual([ids[0], ids[1]].sort());
      // New registrations get the next numbers.
      const seqs = rowsOf(await migrated.db.execute(sql`select seq from registrations order by seq`)).map((r) => Number(r.seq));
      expect(new Set(seqs).size).toBe(3);
    } finally {
      await migrated.close();
    }
  }, 180_000);
});
