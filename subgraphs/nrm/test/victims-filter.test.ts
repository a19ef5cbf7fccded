import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';
import { hash, registrationInput } from './registration-input.ts';

/**
 * `victims(filter)`: status, age group, year and agency, read only from the
 * registrations the caller may see (an NGO's registration only for that NGO
 * and the coordinating unit), the age group only from the caller's own
 * agency's registrations (all of them for the coordinating unit).
 */
const AGENCY_CLAIM: Record<string, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };
const callerFor = (variables?: Record<string, unknown>): TestClaims => {
  const agency = (variables?.input as { agency?: string } | undefined)?.agency;
  return agency ? { agency: AGENCY_CLAIM[agency] ?? 'police', roles: ['caseworker'], service: true } : { agency: 'coordinating-unit', roles: ['coordinator'] };
};
const { run } = await subgraphTestSuite({
  schema,
  migrationsFolder,
  server: createServer(),
  contextFactory,
  defaultClaims: callerFor,
  requestId: 'test-request',
});

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId } }`;
const LIST = `query($filter: VictimFilter, $first: Int, $after: ID) { victims(first: $first, after: $after, filter: $filter) { id highestStatus } }`;

const CU: TestClaims = { agency: 'coordinating-unit', roles: ['coordinator'] };
const POLICE: TestClaims = { agency: 'police', roles: ['investigator'] };
const UDI: TestClaims = { agency: 'immigration', roles: ['caseworker'] };
const OWN_NGO: TestClaims = { agency: 'ngo:test-ngo', roles: ['worker'] };
const OTHER_NGO: TestClaims = { agency: 'ngo:other-ngo', roles: ['worker'] };

let a: string; // police 2021 (birth year 2008: a child to the police), UDI 2022 ACTUAL (birth year 1990)
let b: string; // only the NGO's client, ACTUAL in 2021, birth year 2010
let c: string; // child welfare, NOT_A_VICTIM in 2020, no birth year

async function register(over: Record<string, unknown>): Promise<string> {
  const result = await run(REGISTER, { input: registrationInput(over) });
  expect(result.errors).toBeUndefined();
  return result.data!.registerPotentialVictim.victimId as string;
}

async function ids(claims: TestClaims, filter: Record<string, unknown> | null): Promise<string[]> {
  const result = await run(LIST, { filter, first: 500 }, claims);
  const victims = result.data!.victims as { id: string; highestStatus: string | null }[];
  // The only errors: a status withheld (consent) from a caller who may see none of the victim's registrations.
  for (const e of (result.errors ?? []) as readonly { extensions?: Record<string, unknown>; path?: (string | number)[] }[]) {
    expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    expect(e.path).toEqual(['victims', expect.any(Number), 'highestStatus']);
    expect(victims[e.path![1] as number]!.highestStatus).toBeNull();
  }
  // The filter and the field agree: a status filter gives only victims whose highestStatus (as this caller sees it) is that status.
  if (filter?.status) for (const v of victims) expect(v.highestStatus).toBe(filter.status);
  return victims
    .map((v) => v.id)
    .filter((id) => [a, b, c].includes(id))
    .sort();
}
const sorted = (...xs: string[]) => [...xs].sort();

describe('victims(filter)', () => {
  beforeAll(async () => {
    a = await register({
      agency: 'POLICE',
      idempotencyKey: 'filter-police-a',
      agencyRecordId: '00000000-0000-4000-a000-00000000000a',
      identifierHashes: [hash('filter-a')],
      status: 'POSSIBLE',
      decidedOn: '2021-05-01',
      birthYear: 2008,
    });
    const a2 = await register({
      agency: 'IMMIGRATION',
      idempotencyKey: 'filter-udi-a',
      agencyRecordId: '00000000-0000-4000-a000-0000000000a2',
      identifierHashes: [hash('filter-a')],
      status: 'ACTUAL',
      decidedBy: 'NON_POLICE_GOVERNMENT',
      decidedOn: '2022-02-01',
      birthYear: 1990,
    });
    expect(a2).toBe(a);
    b = await register({
      agency: 'NGO',
      idempotencyKey: 'filter-ngo-b',
      agencyRecordId: '00000000-0000-4000-a000-00000000000b',
      identifierHashes: [hash('filter-b')],
      status: 'ACTUAL',
      decidedBy: 'NGO',
      decidedOn: '2021-07-01',
      birthYear: 2010,
    });
    c = await register({
      agency: 'CHILD_WELFARE',
      idempotencyKey: 'filter-cw-c',
      agencyRecordId: '00000000-0000-4000-a000-00000000000c',
      identifierHashes: [hash('filter-c')],
      status: 'NOT_A_VICTIM',
      decidedBy: 'NON_POLICE_GOVERNMENT',
      decidedOn: '2020-03-01',
      birthYear: null,
    });
  });

  it('lists every victim without a filter, as before', async () => {
    expect(await ids(CU, null)).toEqual(sorted(a, b, c));
    expect(await ids(POLICE, {})).toEqual(sorted(a, b, c));
  });

  it('filters by the highest status the caller can see', async () => {
    expect(await ids(CU, { status: 'ACTUAL' })).toEqual(sorted(a, b));
    // The police do not see the NGO's registration: to them b has no status at all (not NOT_A_VICTIM, which no one decided).
    expect(await ids(POLICE, { status: 'ACTUAL' })).toEqual([a]);
    expect(await ids(POLICE, { status: 'NOT_A_VICTIM' })).toEqual([c]);
    expect(await ids(OWN_NGO, { status: 'ACTUAL' })).toEqual(sorted(a, b));
    expect(await ids(CU, { status: 'POSSIBLE' })).toEqual([]);
  });

  it('withholds the status of a victim known only to an NGO from everyone but that NGO and the coordinating unit', async () => {
    const STATUS = `query($id: ID!) { victim(id: $id) { id highestStatus } }`;
    for (const claims of [POLICE, UDI, OTHER_NGO]) {
      const seen = await run(STATUS, { id: b }, { ...claims, purpose: 'CASE-2021-1' });
      expect({ who: claims.agency, victim: seen.data?.victim, reasons: seen.errors?.map((e) => e.extensions?.reason) }).toEqual({
        who: claims.agency,
        victim: { id: b, highestStatus: null },
        reasons: ['CONSENT_REQUIRED'],
      });
    }
    for (const claims of [CU, OWN_NGO])
      expect((await run(STATUS, { id: b }, { ...claims, purpose: 'CASE-2021-1' })).data?.victim).toEqual({ id: b, highestStatus: 'ACTUAL' });
  });

  it('filters by registering agency and year without revealing an NGO’s registration to anyone else', async () => {
    expect(await ids(CU, { agency: 'NGO' })).toEqual([b]);
    expect(await ids(OWN_NGO, { agency: 'NGO' })).toEqual([b]);
    expect(await ids(OTHER_NGO, { agency: 'NGO' })).toEqual([]);
    expect(await ids(POLICE, { agency: 'NGO' })).toEqual([]);
    expect(await ids(UDI, { agency: 'NGO', year: 2021 })).toEqual([]);
    expect(await ids(CU, { year: 2021 })).toEqual(sorted(a, b));
    expect(await ids(POLICE, { year: 2021 })).toEqual([a]);
    expect(await ids(CU, { year: 2020 })).toEqual([c]);
    // Agency and year together: a registration by that agency that year.
    expect(await ids(CU, { agency: 'IMMIGRATION', year: 2021 })).toEqual([]);
    expect(await ids(CU, { agency: 'IMMIGRATION', year: 2022 })).toEqual([a]);
    expect(await ids(CU, { agency: 'POLICE', status: 'ACTUAL' })).toEqual([a]);
  });

  it('takes the age group from the caller’s own registrations (all for the coordinating unit)', async () => {
    // The coordinating unit: the oldest birth year recorded (1990) for a, as the statistics count; b a child; c unknown.
    expect(await ids(CU, { ageGroup: 'CHILD' })).toEqual([b]);
    expect(await ids(CU, { ageGroup: 'ADULT' })).toEqual([a]);
    expect(await ids(CU, { ageGroup: 'UNKNOWN' })).toEqual([c]);
    // The police recorded a as born in 2008; they learn nothing from UDI's or the NGO's birth years.
    expect(await ids(POLICE, { ageGroup: 'CHILD' })).toEqual([a]);
    expect(await ids(UDI, { ageGroup: 'CHILD' })).toEqual([]);
    expect(await ids(UDI, { ageGroup: 'ADULT' })).toEqual([a]);
    expect(await ids(OWN_NGO, { ageGroup: 'CHILD' })).toEqual([b]);
    expect(await ids(OTHER_NGO, { ageGroup: 'CHILD' })).toEqual([]);
  });

  it('pages a filtered list by id', async () => {
    const first = await run(LIST, { filter: { status: 'ACTUAL' }, first: 1 }, CU);
    const page1 = (first.data!.victims as { id: string }[]).map((v) => v.id);
    expect(page1).toHaveLength(1);
    const second = await run(LIST, { filter: { status: 'ACTUAL' }, first: 5, after: page1[0] }, CU);
    const page2 = (second.data!.victims as { id: string }[]).map((v) => v.id);
    expect([...page1, ...page2].sort()).toEqual(sorted(a, b));
  });

  it('refuses a year out of range', async () => {
    const result = await run(LIST, { filter: { year: 1800 }, first: 5 }, CU);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
