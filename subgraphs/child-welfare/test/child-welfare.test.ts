import { sql } from 'drizzle-orm';
import {
  expectAuditTrailServedToDataProtectionOnly,
  expectPersonalReadAuditedOnce,
  SAMPLE_IDS,
  subgraphTestSuite,
  type TestClaims,
} from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

/** The caller: a child-welfare caseworker working on a case, unless a test says otherwise. */
const CALLER: TestClaims = { agency: 'child-welfare', roles: ['caseworker'], purpose: 'CASE-2021-17' };
const { database, nrm, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: CALLER });

/** The day `years` years before today, `YYYY-MM-DD` (so the sample child stays a child). */
const yearsAgo = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};
const CHILD_BIRTH_DATE = yearsAgo(14);

const REGISTER = `mutation($input: ChildWelfareRegisterPotentialVictimInput!) {
  childWelfareRegisterPotentialVictim(input: $input) {
    outcome { victimId matchedExisting replayed }
    childCase {
      id victimId givenNames familyName birthDate birthYear gender citizenships
      identifiers { type value issuingCountry }
      status decidedBy exploitationTypes municipality ageAssessment unaccompanied guardianName
      placements { id } measures { id }
    }
  }
}`;
const START_PLACEMENT = `mutation($i: ChildWelfareStartPlacementInput!) {
  childWelfareStartPlacement(input: $i) { id caseId kind startedAt plannedEndAt endedAt }
}`;
const input = (over: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  idempotencyKey: 'cw-test-0001',
  person: {
    givenNames: 'Mira',
    familyName: 'Testbarn',
    birthDate: CHILD_BIRTH_DATE,
    gender: 'FEMININE',
    citizenships: ['VN'],
    identifiers: [{ type: 'DUF_NUMMER', value: SAMPLE_IDS.duf }],
    ...person,
  },
  decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: ['FORCED_CRIMINALITY'] },
  municipality: 'Oslo',
  ageAssessment: 'ASSESSED_CHILD',
  unaccompanied: true,
  guardianName: 'Gro Testverge',
  ...over,
});
const countRows = async () => (await database.db.select().from(schema.childCases)).length;
const countPlacements = async () => (await database.db.select().from(schema.placements)).length;

/** Registers a fresh child without identifiers and returns its case id and victim id. */
async function registerChild(idempotencyKey: string) {
  const result = await run(REGISTER, { input: input({ idempotencyKey }, { identifiers: [] }) });
  expect(result.errors).toBeUndefined();
  const { outcome, childCase } = result.data?.childWelfareRegisterPotentialVictim;
  return { caseId: childCase.id as string, victimId: outcome.victimId as string };
}

describe('child-welfare subgraph', () => {
  it('serves its SDL through _service, extending Victim with child cases', async () => {
    const result = await run('{ _service { sdl } }');
    expect(result.data?._service.sdl).toMatch(/type Victim\s+@key\(fields: "id"\)/);
    expect(result.data?._service.sdl).toContain('childWelfare: [ChildCase!]');
  });

  it('opens a case, registers the child with the NRM and stores the case details', async () => {
    const result = await run(REGISTER, { input: input() });
    expect(result.errors).toBeUndefined();
    const { outcome, childCase } = result.data?.childWelfareRegisterPotentialVictim;
    expect(outcome).toMatchObject({ matchedExisting: false, replayed: false });
    expect(childCase).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      victimId: outcome.victimId,
      givenNames: 'Mira',
      familyName: 'Testbarn',
      birthDate: CHILD_BIRTH_DATE,
      birthYear: Number(CHILD_BIRTH_DATE.slice(0, 4)),
      gender: 'FEMININE',
      citizenships: ['VN'],
      identifiers: [{ type: 'DUF_NUMMER', value: SAMPLE_IDS.duf, issuingCountry: 'NO' }],
      status: 'POSSIBLE',
      decidedBy: 'NON_POLICE_GOVERNMENT',
      exploitationTypes: ['FORCED_CRIMINALITY'],
      municipality: 'Oslo',
      ageAssessment: 'ASSESSED_CHILD',
      unaccompanied: true,
      guardianName: 'Gro Testverge',
      placements: [],
      measures: [],
    });
    const [row] = await database.db.select().from(schema.childCases);
    expect(row).toMatchObject({ id: childCase.id, victimId: outcome.victimId, municipality: 'Oslo', unaccompanied: true });
    // Only keyed hashes and coded facts went to the NRM, never the number, name or guardian.
    const last = nrm.requests.at(-1);
    const sent = JSON.stringify(last);
    expect(last?.agency).toBe('CHILD_WELFARE');
    expect(sent).not.toContain(SAMPLE_IDS.duf);
    expect(sent).not.toContain('Testbarn');
    expect(sent).not.toContain('Testverge');
    expect(sent).not.toContain('Oslo');
    expect(last?.identifierHashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays a retried registration and writes one row for concurrent retries', async () => {
    const before = await countRows();
    const again = await run(REGISTER, { input: input() });
    expect(again.data?.childWelfareRegisterPotentialVictim.outcome.replayed).toBe(true);
    const other = await run(REGISTER, { input: input({ municipality: 'Bergen' }) });
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const fresh = input({ idempotencyKey: 'cw-test-0002' }, { identifiers: [] });
    const [a, b] = await Promise.all([run(REGISTER, { input: fresh }), run(REGISTER, { input: fresh })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data?.childWelfareRegisterPotentialVictim.outcome.victimId).toBe(b.data?.childWelfareRegisterPotentialVictim.outcome.victimId);
    expect(a.data?.childWelfareRegisterPotentialVictim.childCase.id).toBe(b.data?.childWelfareRegisterPotentialVictim.childCase.id);
    expect(await countRows()).toBe(before + 1);
  });

  it.each([
    ['an adult birth date assessed as a child', { ageAssessment: 'ASSESSED_CHILD' }, { birthDate: yearsAgo(18) }, 'person.birthDate'],
    ['an adult birth date assessed as an adult', { ageAssessment: 'ASSESSED_ADULT' }, { birthDate: yearsAgo(30) }, 'person.birthDate'],
    [
      'an adult birth year assessed as a child',
      { ageAssessment: 'ASSESSED_CHILD' },
      { birthDate: null, birthYear: new Date().getUTCFullYear() - 19 },
      'person.birthYear',
    ],
    ['a fødselsnummer with a wrong check digit', {}, { identifiers: [{ type: 'FODSELSNUMMER', value: '01010012357' }] }, 'person.identifiers[0].value'],
    ['an empty municipality', { municipality: '   ' }, {}, 'input.municipality'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_name, over, person, field) => {
    const before = await countRows();
    const sentBefore = nrm.requests.length;
    const result = await run(REGISTER, { input: input({ idempotencyKey: `bad-${field}-${before}`, ...over }, person) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).not.toContain('0101001235');
    expect(result.errors?.[0]?.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await countRows()).toBe(before);
    expect(nrm.requests.length).toBe(sentBefore);
  });

  it('accepts an adult birth date while the age is disputed or not yet assessed', async () => {
    for (const ageAssessment of ['DISPUTED', 'NOT_ASSESSED']) {
      const result = await run(REGISTER, {
        input: input({ idempotencyKey: `cw-age-${ageAssessment}`, ageAssessment }, { birthDate: yearsAgo(19), identifiers: [] }),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.childWelfareRegisterPotentialVictim.childCase.ageAssessment).toBe(ageAssessment);
    }
  });

  it('judges age on the day of the decision, so a child decided on years ago is still a child', async () => {
    const result = await run(REGISTER, {
      input: input(
        {
          idempotencyKey: 'cw-age-decided-2021',
          decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: [], decidedOn: '2021-04-28' },
        },
        { birthDate: '2005-06-01', identifiers: [] },
      ),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.childWelfareRegisterPotentialVictim.childCase.ageAssessment).toBe('ASSESSED_CHILD');
    const adultThen = await run(REGISTER, {
      input: input(
        {
          idempotencyKey: 'cw-age-decided-2024',
          decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: [], decidedOn: '2024-04-28' },
        },
        { birthDate: '2005-06-01', identifiers: [] },
      ),
    });
    expect(adultThen.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.birthDate' });
  });

  it('rejects an unknown enum value before running', async () => {
    const before = await countRows();
    const result = await run(REGISTER, { input: input({ idempotencyKey: 'cw-enum-0001', ageAssessment: 'TEENAGER' }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countRows()).toBe(before);
  });

  it('refuses a placement planned for more than six months and writes nothing', async () => {
    const { caseId } = await registerChild('cw-placement-case-1');
    const before = await countPlacements();
    const tooLong = await run(START_PLACEMENT, {
      i: { idempotencyKey: 'placement-long-1', caseId, kind: 'FOSTER_CARE', startedAt: '2026-01-31', plannedEndAt: '2026-08-01' },
    });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.plannedEndAt' });
    expect(await countPlacements()).toBe(before);
    // Exactly six calendar months (clamped to the month's end) is allowed.
    const sixMonths = await run(START_PLACEMENT, {
      i: { idempotencyKey: 'placement-six-1', caseId, kind: 'FOSTER_CARE', startedAt: '2025-08-31', plannedEndAt: '2026-02-28' },
    });
    expect(sixMonths.errors).toBeUndefined();
  });

  it('returns the same placement for a retry with the same key, NOT_FOUND for an unknown case', async () => {
    const { caseId } = await registerChild('cw-placement-case-2');
    const i = { idempotencyKey: 'placement-retry-1', caseId, kind: 'EMERGENCY', startedAt: '2026-03-01', plannedEndAt: '2026-06-01' };
    const first = await run(START_PLACEMENT, { i });
    expect(first.errors).toBeUndefined();
    const [again, concurrent] = await Promise.all([run(START_PLACEMENT, { i }), run(START_PLACEMENT, { i })]);
    expect(again.data?.childWelfareStartPlacement.id).toBe(first.data?.childWelfareStartPlacement.id);
    expect(concurrent.data?.childWelfareStartPlacement.id).toBe(first.data?.childWelfareStartPlacement.id);
    const reused = await run(START_PLACEMENT, { i: { ...i, kind: 'INSTITUTION' } });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const unknown = await run(START_PLACEMENT, { i: { ...i, idempotencyKey: 'placement-nocase-1', caseId: '00000000-0000-4000-a000-000000000000' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await run(START_PLACEMENT, { i: { ...i, idempotencyKey: 'placement-badid-1', caseId: 'not-a-uuid' } });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
  });

  it('ends a placement once and records an age assessment', async () => {
    const { caseId } = await registerChild('cw-end-case-1');
    const started = await run(START_PLACEMENT, {
      i: { idempotencyKey: 'placement-end-1', caseId, kind: 'INSTITUTION', startedAt: '2026-02-01', plannedEndAt: '2026-07-31' },
    });
    const placementId = started.data?.childWelfareStartPlacement.id;
    const END = `mutation($i: ChildWelfareEndPlacementInput!) { childWelfareEndPlacement(input: $i) { id endedAt } }`;
    const early = await run(END, { i: { placementId, endedAt: '2026-01-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedAt' });
    const ended = await run(END, { i: { placementId, endedAt: '2026-05-15' } });
    expect(ended.data?.childWelfareEndPlacement).toEqual({ id: placementId, endedAt: '2026-05-15' });
    expect((await run(END, { i: { placementId, endedAt: '2026-05-15' } })).errors).toBeUndefined();
    expect((await run(END, { i: { placementId, endedAt: '2026-05-16' } })).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    const ASSESS = `mutation($i: ChildWelfareAssessAgeInput!) { childWelfareAssessAge(input: $i) { id ageAssessment placements { endedAt } } }`;
    const assessed = await run(ASSESS, { i: { caseId, ageAssessment: 'DISPUTED' } });
    expect(assessed.data?.childWelfareAssessAge).toEqual({ id: caseId, ageAssessment: 'DISPUTED', placements: [{ endedAt: '2026-05-15' }] });
    const missing = await run(ASSESS, { i: { caseId: '00000000-0000-4000-a000-000000000000', ageAssessment: 'DISPUTED' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves Victim entities with placements and measures in one SQL statement', async () => {
    const { caseId, victimId } = await registerChild('cw-entity-0001');
    const placement = await run(START_PLACEMENT, {
      i: { idempotencyKey: 'placement-entity-1', caseId, kind: 'FOSTER_CARE', startedAt: '2026-04-01', plannedEndAt: '2026-09-30' },
    });
    expect(placement.errors).toBeUndefined();
    const MEASURE = `mutation($i: ChildWelfareRecordMeasureInput!) { childWelfareRecordMeasure(input: $i) { id kind takenAt } }`;
    const measure = { idempotencyKey: 'measure-entity-1', caseId, kind: 'GUARDIAN_APPOINTED', takenAt: '2026-04-02' };
    const m1 = await run(MEASURE, { i: measure });
    expect(m1.data?.childWelfareRecordMeasure).toMatchObject({ kind: 'GUARDIAN_APPOINTED', takenAt: '2026-04-02' });
    const m2 = await run(MEASURE, { i: measure });
    expect(m2.data?.childWelfareRecordMeasure.id).toBe(m1.data?.childWelfareRecordMeasure.id);
    await run(MEASURE, { i: { idempotencyKey: 'measure-entity-2', caseId, kind: 'SCHOOL', takenAt: '2026-05-01' } });

    database.statements.reset();
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id childWelfare {
        givenNames municipality ageAssessment unaccompanied guardianName
        placements { kind startedAt plannedEndAt endedAt } measures { kind takenAt }
      } } } }`,
      {
        r: [
          { __typename: 'Victim', id: victimId },
          { __typename: 'Victim', id: '00000000-0000-4000-a000-000000000000' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: victimId,
        childWelfare: [
          {
            givenNames: 'Mira',
            municipality: 'Oslo',
            ageAssessment: 'ASSESSED_CHILD',
            unaccompanied: true,
            guardianName: 'Gro Testverge',
            placements: [{ kind: 'FOSTER_CARE', startedAt: '2026-04-01', plannedEndAt: '2026-09-30', endedAt: null }],
            measures: [
              { kind: 'GUARDIAN_APPOINTED', takenAt: '2026-04-02' },
              { kind: 'SCHOOL', takenAt: '2026-05-01' },
            ],
          },
        ],
      },
      { id: '00000000-0000-4000-a000-000000000000', childWelfare: [] },
    ]);
    expect(database.statements.count).toBe(1);
  });

  it('logs a personal read as exactly one audit record, a read of nothing personal or a refused read as none', async () => {
    const { caseId: recordId, victimId } = await registerChild('cw-audit-01');
    const reader: TestClaims = { sub: 'test-cw-caseworker-3', agency: 'child-welfare', roles: ['caseworker'], purpose: 'CASE-2021-0042' };
    await expectPersonalReadAuditedOnce({
      run,
      db: database.db,
      impersonalReads: [[`query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id } } }`, { r: [{ __typename: 'Victim', id: victimId }] }]],
      refusedRead: [`query($id: ID!) { childCase(id: $id) { givenNames } }`, { id: recordId }, { ...CALLER, purpose: null }],
      personalRead: [`query ChildView($id: ID!) { childCase(id: $id) { victimId givenNames familyName } }`, { id: recordId }, reader],
      expectedRecord: {
        requestId: 'req',
        subject: 'test-cw-caseworker-3',
        agency: 'child-welfare',
        roles: ['caseworker'],
        purpose: 'CASE-2021-0042',
        operation: 'ChildView',
        victimIds: [victimId],
        fields: ['ChildCase.familyName', 'ChildCase.givenNames', 'ChildCase.victimId', 'Query.childCase'],
      },
      // The database itself refuses to change its log.
      tamper: (seq) => sql`delete from audit_log where seq = ${seq}`,
    });
  });

  it("serves a victim's audit trail to data protection only, and logs that read too", async () => {
    const { caseId: recordId, victimId } = await registerChild('cw-audit-02');
    await expectAuditTrailServedToDataProtectionOnly({
      run,
      db: database.db,
      victimId,
      trailField: 'childWelfareAuditTrail',
      precedingRead: [`query($id: ID!) { childCase(id: $id) { givenNames } }`, { id: recordId }],
      expectedLastRecord: {
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        subject: 'test-user-child-welfare',
        agency: 'child-welfare',
        roles: ['caseworker'],
        purpose: 'CASE-2021-17',
        requestId: 'req',
        fields: ['ChildCase.givenNames', 'Query.childCase'],
        operation: null,
      },
    });
  });
});
