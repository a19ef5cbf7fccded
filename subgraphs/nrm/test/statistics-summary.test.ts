import { randomUUID } from 'node:crypto';
import { normalisePerson, nrmRegistrationRequest, type AgencyCode, type PersonInput } from '@nrm-hub/kit';
import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import {
  countsFromRegistrations,
  ensureStatisticsSummary,
  rebuildStatisticsSummary,
  STATISTICS_SUMMARY_VERSION,
  summaryCounts,
  type YearCounts,
} from '../src/data/statistics-store.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// The summary table the statistics query reads must always equal the from-scratch aggregate over the registrations.
// All people here are synthetic.
const LINKAGE_SECRET = 'agencies-only-linkage-secret-0123456789';
const AGENCY_CLAIM: Record<AgencyCode, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };
const COORDINATOR: TestClaims = { sub: 'test-coordinator-1', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-0042' };
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, requestId: 'test-request' });
/** The test database (open from beforeAll until afterAll). */
const db = new Proxy({} as typeof database.db, { get: (_, key) => Reflect.get(database.db, key) });

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId underReview } }`;
const WITHDRAW = `mutation($agency: Agency!, $key: String!) { withdrawRegistration(agency: $agency, idempotencyKey: $key) }`;
const MERGE = `mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m) { id } }`;
const SPLIT = `mutation($v: ID!, $r: [ID!]!) { splitVictim(victimId: $v, registrationIds: $r) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmLinkReview(id: $id) { state } }`;
const REJECT = `mutation($id: ID!) { rejectLinkReview(id: $id) { state } }`;

let serial = 0;
async function register(
  agency: AgencyCode,
  person: Partial<PersonInput>,
  decision: { status?: string; decidedOn?: string; exploitationTypes?: string[]; decidedBy?: string } = {},
) {
  serial += 1;
  const idempotencyKey = `summary-${serial}`;
  const input = nrmRegistrationRequest({
    agency,
    agencyRecordId: randomUUID(),
    idempotencyKey,
    linkageSecret: LINKAGE_SECRET,
    person: normalisePerson({
      givenNames: 'Ana',
      familyName: `Summarescu${serial}`,
      birthDate: '1990-01-15',
      gender: 'FEMININE',
      citizenships: ['RO'],
      ...person,
    } as PersonInput),
    decision: {
      status: decision.status ?? 'POSSIBLE',
      decidedBy: decision.decidedBy ?? (agency === 'NGO' ? 'NGO' : 'POLICE'),
      exploitationTypes: decision.exploitationTypes ?? ['SEXUAL_EXPLOITATION'],
      decidedOn: decision.decidedOn ?? '2021-06-01',
    },
  });
  const result = await run(REGISTER, { input }, { agency: AGENCY_CLAIM[agency], roles: ['caseworker'], service: true });
  expect(result.errors).toBeUndefined();
  const [review] = await db
    .select({ id: schema.linkReviews.id })
    .from(schema.linkReviews)
    .innerJoin(schema.registrations, sql`${schema.registrations.id} = ${schema.linkReviews.registrationId}`)
    .where(sql`${schema.registrations.idempotencyKey} = ${idempotencyKey}`);
  return { ...(result.data?.registerPotentialVictim as { victimId: string; underReview: boolean }), reviewId: review?.id ?? null, agency, idempotencyKey };
}

async function mutate(query: string, variables: Record<string, unknown>, claims: TestClaims = COORDINATOR) {
  const result = await run(query, variables, claims);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const sorted = (c: YearCounts) => ({
  persons: [...c.persons].sort((a, b) => `${a.dimension}|${a.key}|${a.status}`.localeCompare(`${b.dimension}|${b.key}|${b.status}`)),
  registrations: c.registrations,
});

/** The summary equals the from-scratch aggregate for every year that has registrations, and holds no other year. */
async function expectSummaryEqualsScratch(step: string) {
  const years = (await db.execute(
    sql`select distinct extract(year from decided_on)::int as y from registrations union select distinct year from statistics_counts`,
  )) as unknown;
  const list = (Array.isArray(years) ? years : (years as { rows: unknown[] }).rows) as { y: number }[];
  expect(list.length, step).toBeGreaterThan(step === 'empty' ? -1 : 0);
  for (const { y } of list) {
    const scratch = sorted(await countsFromRegistrations(db, y));
    expect(sorted(await summaryCounts(db, y)), `${step}, ${y}`).toEqual(scratch);
  }
  const zeros = await db
    .select()
    .from(schema.statisticsCounts)
    .where(sql`count = 0`);
  expect(zeros, step).toEqual([]);
}

describe('the statistics summary', () => {
  it('stays equal to the from-scratch aggregate through registration, link review decisions, merge, split and withdrawal', async () => {
    await expectSummaryEqualsScratch('empty');
    // Varied persons over two years: unknown gender, no birth year, no citizenship, several exploitation types, every status.
    const a = await register('NGO', {
      givenNames: 'Elena',
      familyName: 'Popovici',
      identifiers: [{ type: 'PASSPORT', value: 'RO9100001', issuingCountry: 'RO' }],
    });
    await expectSummaryEqualsScratch('first registration');
    // The same person by the police (identifier hit): joins a's victim with a higher status, in 2021 and 2020.
    const a2 = await register(
      'POLICE',
      { givenNames: 'Elena', familyName: 'Popovici', gender: 'UNKNOWN', identifiers: [{ type: 'PASSPORT', value: 'RO9100001', issuingCountry: 'RO' }] },
      { status: 'ACTUAL', exploitationTypes: ['FORCED_LABOUR', 'FORCED_CRIMINALITY'] },
    );
    expect(a2.victimId).toBe(a.victimId);
    await register(
      'IMMIGRATION',
      { givenNames: 'Elena', familyName: 'Popovici', identifiers: [{ type: 'PASSPORT', value: 'RO9100001', issuingCountry: 'RO' }] },
      { decidedOn: '2020-11-30' },
    );
    await expectSummaryEqualsScratch('joined by identifier');
    const b = await register(
      'CHILD_WELFARE',
      { givenNames: 'Van Minh', familyName: 'Tranh', birthDate: '2008-02-02', gender: 'MASCULINE', citizenships: ['VN'] },
      { exploitationTypes: ['FORCED_CRIMINALITY'] },
    );
    const c = await register(
      'POLICE',
      { givenNames: 'Joy', familyName: 'Osazuwa', birthDate: undefined, citizenships: [], gender: 'UNKNOWN' },
      { status: 'NOT_A_VICTIM', exploitationTypes: [] },
    );
    const d = await register(
      'NGO',
      { givenNames: 'Oksana', familyName: 'Melnykova', birthDate: '1979-09-09', citizenships: ['UA', 'PL'] },
      { decidedOn: '2020-02-02' },
    );
    await expectSummaryEqualsScratch('new persons');

    // Two uncertain matches (a family name missing its last letter, no birth date): open reviews, one rejected, one confirmed (a merge).
    await register('POLICE', { givenNames: 'Arta', familyName: 'Reviewaj', citizenships: ['AL'], birthDate: '1992-04-09' });
    const r1 = await register(
      'NGO',
      { givenNames: 'Arta', familyName: 'Reviewa', citizenships: ['AL'], birthDate: undefined },
      { status: 'ACTUAL', decidedBy: 'NGO' },
    );
    await register('IMMIGRATION', { givenNames: 'Blerta', familyName: 'Kryeziu', citizenships: ['XK'], birthDate: '1989-12-01' }, { decidedOn: '2020-06-06' });
    const r2 = await register('NGO', { givenNames: 'Blerta', familyName: 'Kryezi', citizenships: ['XK'], birthDate: undefined }, { decidedOn: '2021-01-10' });
    expect([r1.underReview, r2.underReview]).toEqual([true, true]);
    await expectSummaryEqualsScratch('reviews opened');
    await mutate(REJECT, { id: r2.reviewId });
    await expectSummaryEqualsScratch('review rejected');
    await mutate(CONFIRM, { id: r1.reviewId });
    await expectSummaryEqualsScratch('review confirmed (merged)');

    // A merge by hand across years, then splits: back to a revived victim, and off into a new one.
    await mutate(MERGE, { s: a.victimId, m: d.victimId });
    await expectSummaryEqualsScratch('merged');
    const merged = await db
      .select()
      .from(schema.registrations)
      .where(sql`victim_id = ${a.victimId}`);
    await mutate(SPLIT, { v: a.victimId, r: merged.filter((r) => r.issuedVictimId === d.victimId).map((r) => r.id) });
    await expectSummaryEqualsScratch('split back');
    const police = merged.find((r) => r.agency === 'POLICE')!;
    await mutate(SPLIT, { v: a.victimId, r: [police.id] });
    await expectSummaryEqualsScratch('split off');

    // Withdrawals: a registration that created its victim, and one that joined another's.
    const e = await register('NGO', { givenNames: 'Grace', familyName: 'Withdrawn', citizenships: ['NG'] }, { decidedOn: '2021-12-31' });
    await expectSummaryEqualsScratch('registered to withdraw');
    await mutate(WITHDRAW, { agency: e.agency, key: e.idempotencyKey }, { agency: AGENCY_CLAIM.NGO, roles: ['caseworker'], service: true });
    await expectSummaryEqualsScratch('withdrawn (own victim)');
    const b2 = await register(
      'POLICE',
      { givenNames: 'Van Minh', familyName: 'Tranh', birthDate: '2008-02-02', gender: 'MASCULINE', citizenships: ['VN'] },
      { status: 'ACTUAL' },
    );
    expect(b2.victimId).toBe(b.victimId);
    await mutate(WITHDRAW, { agency: b2.agency, key: b2.idempotencyKey }, { agency: AGENCY_CLAIM.POLICE, roles: ['caseworker'], service: true });
    await expectSummaryEqualsScratch('withdrawn (joined)');
    expect(c.victimId).toBeTruthy();
  });

  it('is rebuilt from the registrations, and at start when it is missing or by an older definition', async () => {
    const before = sorted(await summaryCounts(db, 2021));
    expect(before.persons.length).toBeGreaterThan(0);
    await db.execute(sql`update statistics_counts set count = count + 7`);
    await db.execute(sql`insert into statistics_counts (year, dimension, key, status, count) values (1999, 'gender', 'FEMININE', 'ACTUAL', 3)`);
    await rebuildStatisticsSummary(db);
    expect(sorted(await summaryCounts(db, 2021))).toEqual(before);
    await expectSummaryEqualsScratch('rebuilt');

    expect(await ensureStatisticsSummary(db)).toBe(false);
    await db.execute(sql`delete from statistics_counts`);
    await db.execute(sql`update statistics_summary set version = ${STATISTICS_SUMMARY_VERSION - 1}`);
    expect(await ensureStatisticsSummary(db)).toBe(true);
    expect(sorted(await summaryCounts(db, 2021))).toEqual(before);
    const [state] = await db.select().from(schema.statisticsSummary);
    expect(state?.version).toBe(STATISTICS_SUMMARY_VERSION);
  });
});
