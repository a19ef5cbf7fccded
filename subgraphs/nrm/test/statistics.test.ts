import { randomUUID } from 'node:crypto';
import { auditRecordsSince, auditHead, nrmRegistrationRequest, normalisePerson, type AgencyCode, type PersonInput } from '@nrm-hub/kit';
import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { mergeableByOpenReviews } from '../src/rules/statistics-figures.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic.
const LINKAGE_SECRET = 'agencies-only-linkage-secret-0123456789';
const AGENCY_CLAIM: Record<AgencyCode, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };
const COORDINATOR: TestClaims = { sub: 'test-coordinator-1', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-0042' };
const WORKING_GROUP: TestClaims = { sub: 'test-analyst-1', agency: 'nrm-working-group', roles: ['analyst'] };
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, requestId: 'test-request' });

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId underReview } }`;
const STATISTICS = `query($year: Int!) { statistics(year: $year) {
  year registrations duplicates { value suppressed }
  persons { count { value suppressed } lowerBound { value suppressed } upperBound { value suppressed } openLinkReviews { value suppressed } }
  byRegisteringAgency { agency registrations { value suppressed } persons { value suppressed } duplicates { value suppressed } }
  agencyOverlaps { key label count { value suppressed } }
  identifiedBy { sector persons { value suppressed } byAgeGroup { key count { value suppressed } } }
  personsByStatus { key count { value suppressed } }
  personsByGender { key count { value suppressed } }
  identifiedGender: personsByGender(status: ACTUAL) { key count { value suppressed } }
  personsByCitizenship { key count { value suppressed } }
  personsByExploitation { key count { value suppressed } }
} }`.replace('registrations duplicates', 'registrations { value suppressed } duplicates');

let serial = 0;
async function register(
  agency: AgencyCode,
  person: Partial<PersonInput>,
  decision: { status?: string; decidedOn?: string; exploitationTypes?: string[] } = {},
) {
  serial += 1;
  const input = nrmRegistrationRequest({
    agency,
    agencyRecordId: randomUUID(),
    idempotencyKey: `statistics-${serial}`,
    linkageSecret: LINKAGE_SECRET,
    person: normalisePerson({
      givenNames: 'Ana',
      familyName: `Statistescu${serial}`,
      birthDate: '1990-01-15',
      gender: 'FEMININE',
      citizenships: ['RO'],
      ...person,
    }),
    decision: {
      status: decision.status ?? 'POSSIBLE',
      decidedBy: agency === 'NGO' ? 'NGO' : 'POLICE',
      exploitationTypes: decision.exploitationTypes ?? ['SEXUAL_EXPLOITATION'],
      decidedOn: decision.decidedOn ?? '2021-06-01',
    },
  });
  const result = await run(REGISTER, { input }, { agency: AGENCY_CLAIM[agency], roles: ['caseworker'], service: true });
  expect(result.errors).toBeUndefined();
  return result.data?.registerPotentialVictim as { victimId: string; underReview: boolean };
}

const cell = (value: number) => ({ value, suppressed: false });
const row = (rows: { key: string; count: unknown }[], key: string) => rows.find((r) => r.key === key)?.count;

// 2021: 12 persons by the NGO (3 of them also by the police, one of those twice), 1 child by the police only, 2 identified by the police.
beforeAll(async () => {
  for (let i = 0; i < 12; i++) {
    const passport = { type: 'PASSPORT' as const, value: `RO70000${10 + i}`, issuingCountry: 'RO' };
    const given = ['Elena', 'Ioana', 'Mihaela', 'Roxana', 'Andreea', 'Cristina', 'Gabriela', 'Simona', 'Blessing', 'Joy', 'Emeka', 'Tunde'][i]!;
    const family = ['Popescu', 'Ionescu', 'Dumitru', 'Stanciu', 'Lungu', 'Matei', 'Constantin', 'Marin', 'Okafor', 'Adeyemi', 'Okonkwo', 'Balogun'][i]!;
    const p = {
      givenNames: given,
      familyName: family,
      birthDate: `${1970 + 2 * i}-${String(1 + i).padStart(2, '0')}-${String(3 + 2 * i).padStart(2, '0')}`,
      identifiers: [passport],
      citizenships: [i < 8 ? 'RO' : 'NG'],
      gender: i < 10 ? 'FEMININE' : 'MASCULINE',
    } satisfies Partial<PersonInput>;
    await register('NGO', p);
    if (i < 3) await register('POLICE', p, { status: i < 2 ? 'ACTUAL' : 'POSSIBLE' });
    if (i === 0) await register('POLICE', p, { decidedOn: '2021-09-01' });
  }
  await register(
    'POLICE',
    { givenNames: 'Van Minh', familyName: 'Nguyen', birthDate: '2006-03-03', gender: 'MASCULINE', citizenships: ['VN'] },
    { exploitationTypes: ['FORCED_CRIMINALITY'] },
  );
  await register('NGO', { givenNames: 'Siriporn', familyName: 'Wongsa', birthDate: '1985-11-20', citizenships: ['TH'] }, { decidedOn: '2020-03-01' });
});

describe('Statistics (nrm)', () => {
  it('counts persons, not registrations, for the coordinating unit: exact figures', async () => {
    const result = await run(STATISTICS, { year: 2021 }, COORDINATOR);
    expect(result.errors).toBeUndefined();
    const s = result.data?.statistics;
    expect(s.registrations).toEqual(cell(17));
    expect(s.persons.count).toEqual(cell(13));
    expect(s.duplicates).toEqual(cell(4));
    expect(s.byRegisteringAgency).toEqual([
      { agency: 'CHILD_WELFARE', registrations: cell(0), persons: cell(0), duplicates: cell(0) },
      { agency: 'IMMIGRATION', registrations: cell(0), persons: cell(0), duplicates: cell(0) },
      { agency: 'NGO', registrations: cell(12), persons: cell(12), duplicates: cell(0) },
      { agency: 'POLICE', registrations: cell(5), persons: cell(4), duplicates: cell(1) },
    ]);
    expect(row(s.agencyOverlaps, 'NGO')).toEqual(cell(9));
    expect(row(s.agencyOverlaps, 'NGO+POLICE')).toEqual(cell(3));
    expect(row(s.agencyOverlaps, 'POLICE')).toEqual(cell(1));
    expect(s.agencyOverlaps.find((r: { key: string }) => r.key === 'NGO+POLICE').label).toBe('NGO and police');
    expect(s.identifiedBy[1]).toMatchObject({ sector: 'GOVERNMENT', persons: cell(4) });
    expect(row(s.identifiedBy[1].byAgeGroup, 'CHILD')).toEqual(cell(1));
    expect(row(s.personsByStatus, 'ACTUAL')).toEqual(cell(2));
    expect(row(s.personsByStatus, 'POSSIBLE')).toEqual(cell(11));
    expect(row(s.personsByGender, 'FEMININE')).toEqual(cell(10));
    expect(row(s.identifiedGender, 'FEMININE')).toEqual(cell(2));
    expect(row(s.personsByCitizenship, 'RO')).toEqual(cell(8));
    expect(row(s.personsByExploitation, 'FORCED_CRIMINALITY')).toEqual(cell(1));
    expect(s.persons).toMatchObject({ lowerBound: cell(13), upperBound: cell(13), openLinkReviews: cell(0) });
  });

  it('audits the coordinating unit’s exact read, without victim ids', async () => {
    const head = (await auditHead(database.db))?.seq ?? 0;
    await run(`query { statistics(year: 2021) { registrations { value } } }`, {}, COORDINATOR);
    const [record] = await auditRecordsSince(database.db, head);
    expect(record).toMatchObject({ agency: 'coordinating-unit', victimIds: [], fields: ['Statistics.registrations'] });
  });

  it('gives the working group no figure from 1 to 4, nor a lone suppressed figure in any table, and writes no audit record', async () => {
    const head = (await auditHead(database.db))?.seq ?? 0;
    const result = await run(STATISTICS, { year: 2021 }, WORKING_GROUP);
    expect(result.errors).toBeUndefined();
    const s = result.data?.statistics;
    // Every figure that counts persons (duplicates and open reviews count registrations and reviews, and are exempt).
    const cells: { value: number | null; suppressed: boolean }[] = [];
    JSON.stringify(s, (k, v) => {
      if (k === 'duplicates' || k === 'openLinkReviews') return undefined;
      if (v && typeof v === 'object' && 'suppressed' in v) cells.push(v);
      return v;
    });
    expect(cells.length).toBeGreaterThan(60);
    for (const c of cells) {
      expect(c.suppressed ? c.value : 'ok').toBe(c.suppressed ? null : 'ok');
      if (!c.suppressed) expect(c.value === 0 || c.value! >= 5).toBe(true);
    }
    expect(s.registrations).toEqual(cell(17));
    expect(s.persons.count).toEqual(cell(13));
    expect(row(s.agencyOverlaps, 'POLICE')).toEqual({ value: null, suppressed: true });
    // Each table with a suppressed cell and a published total has at least two suppressed cells.
    for (const table of [s.personsByStatus, s.personsByGender, s.agencyOverlaps, s.personsByExploitation, s.personsByCitizenship]) {
      const hidden = table.filter((r: { count: { suppressed: boolean } }) => r.count.suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    expect(await auditRecordsSince(database.db, head)).toEqual([]);
  });

  it('moves the persons bounds when a link review is opened and when it is decided', async () => {
    const persons = async () => (await run(STATISTICS, { year: 2021 }, COORDINATOR)).data?.statistics.persons;
    const before = await persons();
    await register('POLICE', { givenNames: 'Arta', familyName: 'Reviewaj', citizenships: ['AL'], birthDate: '1992-04-09' });
    const b = await register('NGO', { givenNames: 'Arta', familyName: 'Reviewa', citizenships: ['AL'], birthDate: undefined }); // a letter missing and no birth date: uncertain
    expect(b.underReview).toBe(true);
    const open = await persons();
    expect(open).toEqual({
      count: cell(before.count.value + 2),
      lowerBound: cell(before.count.value + 1),
      upperBound: cell(before.count.value + 2),
      openLinkReviews: cell(1),
    });
    const [review] = await database.db.select().from(schema.linkReviews);
    const decided = await run(`mutation($id: ID!) { confirmLinkReview(id: $id) { state } }`, { id: review!.id }, COORDINATOR);
    expect(decided.errors).toBeUndefined();
    expect(await persons()).toEqual({
      count: cell(before.count.value + 1),
      lowerBound: cell(before.count.value + 1),
      upperBound: cell(before.count.value + 1),
      openLinkReviews: cell(0),
    });
  });

  it('keeps years apart and compares them through compareTo', async () => {
    const result = await run(`query { statistics(year: 2021) { compareTo(year: 2020) { year registrations { value } } } }`, {}, COORDINATOR);
    expect(result.data?.statistics.compareTo).toEqual({ year: 2020, registrations: { value: 1 } });
  });

  it('refuses a year outside 1990 to 2100 as BAD_USER_INPUT, and anyone without statistics:read', async () => {
    const bad = await run(`query { statistics(year: 20210) { year } }`, {}, COORDINATOR);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const police = await run(
      `query { statistics(year: 2021) { registrations { value } } }`,
      {},
      { agency: 'police', roles: ['investigator'], purpose: 'CASE-1' },
    );
    expect(police.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts the persons a set of open reviews could merge as persons minus connected components', () => {
    expect(mergeableByOpenReviews([])).toBe(0);
    expect(
      mergeableByOpenReviews([
        { a: 'x', b: 'y' },
        { a: 'y', b: 'z' },
        { a: 'x', b: 'z' },
        { a: 'p', b: 'q' },
      ]),
    ).toBe(3);
  });
});
