import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { normalisePerson, nrmRegistrationRequest, type AgencyCode, type PersonInput } from '@nrm-hub/kit';
import { SAMPLE_IDS, subgraphTestSuite } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// Synthetic people only; the numbers have valid check digits and belong to no one.
const PEOPLE: [AgencyCode, PersonInput][] = [
  [
    'POLICE',
    {
      givenNames: 'Yuliya Oksana',
      familyName: 'Kovalenko',
      aliases: ['Juli'],
      birthDate: '2000-01-01',
      gender: 'FEMININE',
      citizenships: ['UA'],
      identifiers: [{ type: 'FODSELSNUMMER', value: SAMPLE_IDS.fodselsnummer }],
    },
  ],
  [
    'IMMIGRATION',
    {
      givenNames: 'Iuliia',
      familyName: 'Kovalenko',
      birthDate: '2000-01-01',
      gender: 'FEMININE',
      citizenships: ['UA'],
      identifiers: [{ type: 'DUF_NUMMER', value: SAMPLE_IDS.duf }],
    },
  ],
  [
    'NGO',
    {
      givenNames: 'Chinyere',
      familyName: 'Oghomwen',
      birthDate: '1994-07-23',
      gender: 'FEMININE',
      citizenships: ['NG'],
      identifiers: [{ type: 'PASSPORT', value: 'NGX987654', issuingCountry: 'NG' }],
    },
  ],
  ['CHILD_WELFARE', { givenNames: 'Mỹ Trinh', familyName: 'Huỳnh', birthYear: 2007, gender: 'FEMININE', citizenships: ['VN'] }],
  ['NGO', { givenNames: 'Søren Bjørnar', familyName: 'Skjævestøl', birthDate: '1983-12-19', gender: 'MASCULINE', citizenships: ['NO'] }],
];

/** Every way the plaintext could have been written down: names raw and lower-cased, dates in four layouts, the numbers. */
function needles(): string[] {
  const found = new Set<string>();
  for (const [, p] of PEOPLE) {
    for (const name of [p.givenNames, p.familyName, ...(p.aliases ?? [])]) {
      for (const part of [name, ...name.split(' ')]) {
        found.add(part.toLowerCase());
        found.add(part.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/æ/g, 'ae').toLowerCase());
      }
    }
    if (p.birthDate) {
      const [y, m, d] = p.birthDate.split('-') as [string, string, string];
      found.add(p.birthDate);
      found.add(`${d}.${m}.${y}`);
      found.add(`${d}${m}${y.slice(2)}`);
      found.add(`${y}${m}${d}`);
    }
    for (const id of p.identifiers ?? []) found.add(id.value.toLowerCase());
  }
  return [...found].filter((n) => n.length >= 4);
}

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite an object with `rows`). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? []));

const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory });
const CLAIM: Record<AgencyCode, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };

describe('the NRM database', () => {
  it('holds no plaintext name, birth date or identity number after registrations through the agencies encoding', async () => {
    for (const [i, [agency, input]] of PEOPLE.entries()) {
      // Exactly what an agency's registerPotentialVictim sends: the kit's real validation and match keys.
      const request = nrmRegistrationRequest({
        agency,
        agencyRecordId: randomUUID(),
        idempotencyKey: `privacy-scan-${i}`,
        linkageSecret: 'agencies-only-linkage-secret-0123456789',
        person: normalisePerson(input),
        decision: { status: 'POSSIBLE', decidedBy: 'OTHER', exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-06-01' },
      });
      const result = await run(
        `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId } }`,
        { input: request },
        { agency: CLAIM[agency], roles: ['caseworker'], service: true },
      );
      expect(result.errors).toBeUndefined();
    }
    // The two Kovalenko registrations are one person; the others are not.
    expect((await database.db.select().from(schema.victims)).length).toBe(PEOPLE.length - 1);

    const columns = await database.db.execute(sql`
      select table_name as "table", column_name as "column", data_type as "type"
      from information_schema.columns
      where table_schema = current_schema()
        and (data_type in ('text', 'character varying', 'bytea', 'ARRAY', 'json', 'jsonb', 'date') or data_type like 'character%')
    `);
    const list = rowsOf<{ table: string; column: string; type: string }>(columns);
    expect(list.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(['registrations.clk', 'match_keys.value', 'registrations.citizenships']));

    const plain = needles();
    const hex = plain.map((n) => Buffer.from(n, 'utf8').toString('hex'));
    const leaks: string[] = [];
    let scanned = 0;
    for (const { table, column, type } of list) {
      const result = await database.db.execute(sql.raw(`select "${column}"::text as v from "${table}" where "${column}" is not null`));
      for (const { v } of rowsOf<{ v: string }>(result)) {
        scanned += 1;
        const value = v.toLowerCase();
        plain.forEach((needle) => {
          if (value.includes(needle)) leaks.push(`${table}.${column}`);
        });
        // bytea reads back as \x followed by hex: look for the hex of each needle too.
        if (type === 'bytea') hex.forEach((h) => value.includes(h) && leaks.push(`${table}.${column} (bytes)`));
      }
    }
    expect(scanned).toBeGreaterThan(PEOPLE.length * 4);
    expect(leaks).toEqual([]);
  });
});
