import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic. The subgraph's day is fixed, so "ahead" means the same in every run.
const TODAY = '2021-06-01';
const CALLER: TestClaims = { agency: 'child-welfare', roles: ['caseworker'], purpose: 'CASE-2021-17' };
const { database, run } = await subgraphTestSuite({
  schema,
  migrationsFolder,
  server: createServer(),
  contextFactory: (settings) => contextFactory({ ...settings, clock: () => new Date(`${TODAY}T12:00:00Z`) }),
  defaultClaims: CALLER,
});

const REGISTER = `mutation($input: ChildWelfareRegisterPotentialVictimInput!) { childWelfareRegisterPotentialVictim(input: $input) { childCase { id } } }`;
const START = `mutation($i: ChildWelfareStartPlacementInput!) { childWelfareStartPlacement(input: $i) { id } }`;
const END = `mutation($i: ChildWelfareEndPlacementInput!) { childWelfareEndPlacement(input: $i) { id endedAt } }`;
const MEASURE = `mutation($i: ChildWelfareRecordMeasureInput!) { childWelfareRecordMeasure(input: $i) { id } }`;

let serial = 0;
async function childCase(): Promise<string> {
  serial += 1;
  const birth = new Date();
  birth.setUTCFullYear(birth.getUTCFullYear() - 14);
  const result = await run(REGISTER, {
    input: {
      idempotencyKey: `dates-child-${serial}`,
      person: { givenNames: 'Mira', familyName: `Datebarn${serial}`, birthDate: birth.toISOString().slice(0, 10), gender: 'FEMININE', citizenships: ['VN'] },
      decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: ['FORCED_CRIMINALITY'] },
      municipality: 'Oslo',
      ageAssessment: 'ASSESSED_CHILD',
      unaccompanied: true,
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.childWelfareRegisterPotentialVictim.childCase.id as string;
}
const count = async (table: 'placements' | 'measures') => (await database.db.select().from(schema[table])).length;

describe('child-welfare dates', () => {
  it.each([
    ['started on 0001-01-01', { startedAt: '0001-01-01', plannedEndAt: '0001-03-01' }, 'input.startedAt'],
    ['started on 9999-01-01', { startedAt: '9999-01-01', plannedEndAt: '9999-03-01' }, 'input.startedAt'],
    ['planned to end before it started', { startedAt: '2021-05-01', plannedEndAt: '2021-04-30' }, 'input.plannedEndAt'],
  ])('refuses a placement %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, dates, field) => {
    const caseId = await childCase();
    const before = await count('placements');
    const result = await run(START, { i: { idempotencyKey: `dates-placement-${serial}`, caseId, kind: 'FOSTER_CARE', ...dates } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('placements')).toBe(before);
  });

  it('refuses a placement ended on 9999-12-31, 0001-01-01 or before it started, and leaves it open', async () => {
    const caseId = await childCase();
    const started = await run(START, {
      i: { idempotencyKey: `dates-end-${serial}`, caseId, kind: 'INSTITUTION', startedAt: '2021-03-01', plannedEndAt: '2021-08-01' },
    });
    const placementId = started.data?.childWelfareStartPlacement.id;
    for (const endedAt of ['9999-12-31', '0001-01-01', '2021-02-28']) {
      const result = await run(END, { i: { placementId, endedAt } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedAt' });
    }
    const [row] = (await database.db.select().from(schema.placements)).filter((p) => p.id === placementId);
    expect(row?.endedAt).toBeNull();
  });

  it.each([['0001-01-01'], ['9999-12-31']])('refuses a measure taken on %s with BAD_USER_INPUT naming takenAt, and writes nothing', async (takenAt) => {
    const caseId = await childCase();
    const before = await count('measures');
    const result = await run(MEASURE, { i: { idempotencyKey: `dates-measure-${serial}`, caseId, kind: 'SCHOOL', takenAt } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.takenAt' });
    expect(await count('measures')).toBe(before);
  });
});
