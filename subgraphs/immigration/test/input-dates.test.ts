import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic. The subgraph's day is fixed, so "ahead" means the same in every run.
const TODAY = '2021-06-01';
const CALLER: TestClaims = { agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' };
const { database, run } = await subgraphTestSuite({
  schema,
  migrationsFolder,
  server: createServer(),
  contextFactory: (settings) => contextFactory({ ...settings, clock: () => new Date(`${TODAY}T12:00:00Z`) }),
  defaultClaims: CALLER,
});

const REGISTER = `mutation($input: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $input) { applicant { id } } }`;
const OPERATIONS = {
  reflection: `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id } }`,
  permit: `mutation($i: ImmigrationGrantResidencePermitInput!) { immigrationGrantResidencePermit(input: $i) { id } }`,
  asylum: `mutation($i: ImmigrationRecordAsylumDecisionInput!) { immigrationRecordAsylumDecision(input: $i) { id } }`,
  departure: `mutation($i: ImmigrationPlanReturnInput!) { immigrationPlanReturn(input: $i) { id } }`,
};
const TABLES = { reflection: schema.reflectionPeriods, permit: schema.residencePermits, asylum: schema.asylumDecisions, departure: schema.returnProceedings };

let serial = 0;
async function applicant(): Promise<string> {
  serial += 1;
  const result = await run(REGISTER, {
    input: {
      idempotencyKey: `dates-applicant-${serial}`,
      person: { givenNames: 'Ioana', familyName: `Datescu${serial}`, birthDate: '1999-05-05', gender: 'FEMININE', citizenships: ['RO'] },
      decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-01-02' },
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.immigrationRegisterPotentialVictim.applicant.id as string;
}

describe('immigration dates', () => {
  it.each([
    ['a reflection period granted on 0001-01-01', 'reflection', { grantedAt: '0001-01-01' }, 'input.grantedAt'],
    ['a reflection period granted on 9999-12-31', 'reflection', { grantedAt: '9999-12-31' }, 'input.grantedAt'],
    ['a permit granted on 0001-01-01', 'permit', { kind: 'HUMANITARIAN', grantedAt: '0001-01-01', validUntil: '2022-01-01' }, 'input.grantedAt'],
    ['a permit granted in the future', 'permit', { kind: 'HUMANITARIAN', grantedAt: '2021-06-10', validUntil: '2022-06-10' }, 'input.grantedAt'],
    ['a permit valid until 9999-12-31', 'permit', { kind: 'HUMANITARIAN', grantedAt: '2021-01-01', validUntil: '9999-12-31' }, 'input.validUntil'],
    ['a permit ending before it was granted', 'permit', { kind: 'HUMANITARIAN', grantedAt: '2021-01-01', validUntil: '2020-12-31' }, 'input.validUntil'],
    ['an asylum decision on 0001-01-01', 'asylum', { outcome: 'REFUSED', decidedAt: '0001-01-01' }, 'input.decidedAt'],
    ['an asylum decision on 9999-12-31', 'asylum', { outcome: 'REFUSED', decidedAt: '9999-12-31' }, 'input.decidedAt'],
    ['a departure on 0001-01-01', 'departure', { departureDate: '0001-01-01' }, 'input.departureDate'],
    ['a departure more than ten years ahead', 'departure', { departureDate: '2031-06-02' }, 'input.departureDate'],
  ] as const)('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, operation, dates, field) => {
    const applicantId = await applicant();
    const before = (await database.db.select().from(TABLES[operation])).length;
    const result = await run(OPERATIONS[operation], { i: { idempotencyKey: `dates-bad-${serial}`, applicantId, ...dates } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await database.db.select().from(TABLES[operation])).length).toBe(before);
  });

  it('accepts a departure planned within ten years and a permit running into the future', async () => {
    const applicantId = await applicant();
    const departure = await run(OPERATIONS.departure, { i: { idempotencyKey: `dates-ok-${serial}-1`, applicantId, departureDate: '2031-06-01' } });
    expect(departure.errors).toBeUndefined();
    const permit = await run(OPERATIONS.permit, {
      i: { idempotencyKey: `dates-ok-${serial}-2`, applicantId, kind: 'HUMANITARIAN', grantedAt: '2021-06-01', validUntil: '2024-06-01' },
    });
    expect(permit.errors).toBeUndefined();
  });
});
