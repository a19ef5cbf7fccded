import { eq, sql } from 'drizzle-orm';
import { addDays, addMonths, auditHead, auditRecordsSince } from '@nrm-hub/kit';
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

/** The caller: a immigration caseworker working on a case, unless a test says otherwise. */
const CALLER: TestClaims = { agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' };
const { database, nrm, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: CALLER });

const REGISTER = `mutation($input: ImmigrationRegisterPotentialVictimInput!) {
  immigrationRegisterPotentialVictim(input: $input) {
    outcome { victimId matchedExisting replayed }
    applicant { id victimId givenNames citizenships dufNumber eeaCitizen identifiers { type value issuingCountry } status decidedBy }
  }
}`;
const REFLECTION = `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id grantedAt endsAt } }`;
const PERMIT = `mutation($i: ImmigrationGrantResidencePermitInput!) { immigrationGrantResidencePermit(input: $i) { id kind grantedAt validUntil } }`;
const ASYLUM = `mutation($i: ImmigrationRecordAsylumDecisionInput!) { immigrationRecordAsylumDecision(input: $i) { id outcome decidedAt } }`;
const RETURN = `mutation($i: ImmigrationPlanReturnInput!) { immigrationPlanReturn(input: $i) { id departureDate screened status } }`;

const input = (over: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  idempotencyKey: 'immigration-test-0001',
  person: {
    givenNames: 'Ioana',
    familyName: 'Testeanu',
    birthDate: '1999-05-05',
    gender: 'FEMININE',
    citizenships: ['RO'],
    identifiers: [{ type: 'DUF_NUMMER', value: SAMPLE_IDS.duf }],
    ...person,
  },
  decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: ['FORCED_LABOUR'] },
  ...over,
});
const countRows = async () => (await database.db.select().from(schema.applicants)).length;
const countAll = async () =>
  (
    await Promise.all(
      [schema.applicants, schema.reflectionPeriods, schema.residencePermits, schema.asylumDecisions, schema.returnProceedings].map((t) =>
        database.db.select().from(t),
      ),
    )
  ).reduce((n, rows) => n + rows.length, 0);

/** Registers a synthetic applicant without identifiers and returns its record and victim ids. */
async function registerApplicant(key: string, person: Record<string, unknown> = {}) {
  const result = await run(REGISTER, { input: input({ idempotencyKey: key }, { identifiers: [], ...person }) });
  expect(result.errors).toBeUndefined();
  const { applicant, outcome } = result.data?.immigrationRegisterPotentialVictim;
  return { applicantId: applicant.id as string, victimId: outcome.victimId as string };
}

const UNKNOWN_ID = '00000000-0000-4000-a000-000000000000';

describe('immigration subgraph', () => {
  it('serves its SDL through _service, extending Victim with UDI records', async () => {
    const result = await run('{ _service { sdl } }');
    expect(result.data?._service.sdl).toMatch(/type Victim\s+@key\(fields: "id"\)/);
    expect(result.data?._service.sdl).toContain('immigration: [Applicant!]');
  });

  it('records an applicant with DUF number and EEA status, registering only match keys with the NRM', async () => {
    const result = await run(REGISTER, { input: input() });
    expect(result.errors).toBeUndefined();
    const { outcome, applicant } = result.data?.immigrationRegisterPotentialVictim;
    expect(outcome).toMatchObject({ matchedExisting: false, replayed: false });
    expect(applicant).toMatchObject({
      victimId: outcome.victimId,
      givenNames: 'Ioana',
      citizenships: ['RO'],
      dufNumber: SAMPLE_IDS.duf,
      eeaCitizen: true,
      identifiers: [{ type: 'DUF_NUMMER', value: SAMPLE_IDS.duf, issuingCountry: 'NO' }],
      status: 'POSSIBLE',
      decidedBy: 'NON_POLICE_GOVERNMENT',
    });
    const sent = JSON.stringify(nrm.requests.at(-1));
    expect(nrm.requests.at(-1)?.agency).toBe('IMMIGRATION');
    expect(sent).not.toContain(SAMPLE_IDS.duf);
    expect(sent).not.toContain('Testeanu');
    expect(sent).not.toContain('Ioana');
    expect(nrm.requests.at(-1)?.identifierHashes).toHaveLength(1);
    expect(nrm.requests.at(-1)?.identifierHashes[0]).toMatch(/^[0-9a-f]{64}$/);

    // A non-EEA citizen without a DUF number.
    const other = await run(REGISTER, { input: input({ idempotencyKey: 'immigration-test-ng-01' }, { citizenships: ['NG'], identifiers: [] }) });
    expect(other.data?.immigrationRegisterPotentialVictim.applicant).toMatchObject({ dufNumber: null, eeaCitizen: false, citizenships: ['NG'] });
    const [row] = await database.db.select().from(schema.applicants).where(eq(schema.applicants.id, applicant.id));
    expect(row).toMatchObject({ dufNumber: SAMPLE_IDS.duf, eeaCitizen: true });
  });

  it('replays a retried registration without writing again, also under a concurrent retry', async () => {
    const before = await countRows();
    const replay = await run(REGISTER, { input: input() });
    expect(replay.data?.immigrationRegisterPotentialVictim.outcome.replayed).toBe(true);
    const changed = await run(REGISTER, { input: input({}, { familyName: 'Othername' }) });
    expect(changed.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const fresh = input({ idempotencyKey: 'immigration-test-0002' }, { identifiers: [] });
    const [a, b] = await Promise.all([run(REGISTER, { input: fresh }), run(REGISTER, { input: fresh })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data?.immigrationRegisterPotentialVictim.outcome.victimId).toBe(b.data?.immigrationRegisterPotentialVictim.outcome.victimId);
    expect(a.data?.immigrationRegisterPotentialVictim.applicant.id).toBe(b.data?.immigrationRegisterPotentialVictim.applicant.id);
    expect(await countRows()).toBe(before + 1);
  });

  it.each([
    ['a DUF number with wrong check digits', { identifiers: [{ type: 'DUF_NUMMER', value: '201212345604' }] }, 'person.identifiers[0].value'],
    ['a DUF number of the wrong length', { identifiers: [{ type: 'DUF_NUMMER', value: '20121234560' }] }, 'person.identifiers[0].value'],
    [
      'a malformed DUF number after a valid passport',
      {
        identifiers: [
          { type: 'PASSPORT', value: 'XY1234567', issuingCountry: 'NG' },
          { type: 'DUF_NUMMER', value: '2012123456031' },
        ],
      },
      'person.identifiers[1].value',
    ],
    ['a citizenship that is not a country code', { citizenships: ['Romania'] }, 'person.citizenships[0]'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_name, person, field) => {
    const before = await countRows();
    const sentBefore = nrm.requests.length;
    const result = await run(REGISTER, { input: input({ idempotencyKey: `bad-${field}-${before}` }, person) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).not.toContain('2012123456');
    expect(await countRows()).toBe(before);
    expect(nrm.requests.length).toBe(sentBefore);
  });

  it('rejects unknown enum values before running', async () => {
    const before = await countAll();
    const gender = await run(REGISTER, { input: input({ idempotencyKey: 'immigration-enum-01' }, { gender: 'ROBOT' }) });
    expect(gender.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { applicantId } = await registerApplicant('immigration-enum-02');
    const kind = await run(PERMIT, {
      i: { idempotencyKey: 'permit-enum-01', applicantId, kind: 'TOURIST', grantedAt: '2021-01-01', validUntil: '2021-06-01' },
    });
    expect(kind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const outcome = await run(ASYLUM, { i: { idempotencyKey: 'asylum-enum-01', applicantId, outcome: 'MAYBE', decidedAt: '2021-01-01' } });
    expect(outcome.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countAll()).toBe(before + 1); // only the applicant registered above
  });

  it('grants a reflection period ending exactly six months later, once only', async () => {
    const { applicantId } = await registerApplicant('immigration-reflection-01');
    const first = await run(REFLECTION, { i: { idempotencyKey: 'reflection-000001', applicantId, grantedAt: '2021-03-15' } });
    expect(first.errors).toBeUndefined();
    expect(first.data?.immigrationGrantReflectionPeriod).toMatchObject({ grantedAt: '2021-03-15', endsAt: '2021-09-15' });

    const retry = await run(REFLECTION, { i: { idempotencyKey: 'reflection-000001', applicantId, grantedAt: '2021-03-15' } });
    expect(retry.data?.immigrationGrantReflectionPeriod.id).toBe(first.data?.immigrationGrantReflectionPeriod.id);

    const second = await run(REFLECTION, { i: { idempotencyKey: 'reflection-000002', applicantId, grantedAt: '2021-10-01' } });
    expect(second.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await database.db.select().from(schema.reflectionPeriods)).toHaveLength(1);

    // Month ends clamp: 31 August + 6 months is the last day of February.
    const other = await registerApplicant('immigration-reflection-02');
    const clamped = await run(REFLECTION, { i: { idempotencyKey: 'reflection-000003', applicantId: other.applicantId, grantedAt: '2021-08-31' } });
    expect(clamped.data?.immigrationGrantReflectionPeriod.endsAt).toBe('2022-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');

    const otherApplicantSameKey = await run(REFLECTION, {
      i: { idempotencyKey: 'reflection-000001', applicantId: other.applicantId, grantedAt: '2021-03-15' },
    });
    expect(otherApplicantSameKey.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers NOT_FOUND for an unknown applicant and BAD_USER_INPUT for a malformed id', async () => {
    const before = await countAll();
    const unknown = await run(REFLECTION, { i: { idempotencyKey: 'reflection-unknown-1', applicantId: UNKNOWN_ID, grantedAt: '2021-03-15' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ret = await run(RETURN, { i: { idempotencyKey: 'return-unknown-01', applicantId: UNKNOWN_ID, departureDate: '2021-05-01', screened: false } });
    expect(ret.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await run(ASYLUM, {
      i: { idempotencyKey: 'asylum-malformed-1', applicantId: 'not-a-uuid', outcome: 'REFUSED', decidedAt: '2021-01-01' },
    });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.applicantId' });
    const shortKey = await run(ASYLUM, { i: { idempotencyKey: 'short', applicantId: UNKNOWN_ID, outcome: 'REFUSED', decidedAt: '2021-01-01' } });
    expect(shortKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(await run('query($id: ID!) { applicant(id: $id) { id } }', { id: UNKNOWN_ID })).toEqual({ data: { applicant: null } });
    expect(await countAll()).toBe(before);
  });

  it('limits a limited trafficking permit to 12 months at a time, but not other permits', async () => {
    const { applicantId } = await registerApplicant('immigration-permit-01');
    const before = await database.db.select().from(schema.residencePermits);
    const tooLong = await run(PERMIT, {
      i: { idempotencyKey: 'permit-000001', applicantId, kind: 'LIMITED_TRAFFICKING', grantedAt: '2021-04-01', validUntil: '2022-04-02' },
    });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    const backwards = await run(PERMIT, {
      i: { idempotencyKey: 'permit-000002', applicantId, kind: 'WITNESS', grantedAt: '2021-04-01', validUntil: '2021-03-01' },
    });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    expect(await database.db.select().from(schema.residencePermits)).toHaveLength(before.length);

    const limited = await run(PERMIT, {
      i: { idempotencyKey: 'permit-000003', applicantId, kind: 'LIMITED_TRAFFICKING', grantedAt: '2021-04-01', validUntil: '2022-04-01' },
    });
    expect(limited.data?.immigrationGrantResidencePermit).toMatchObject({ kind: 'LIMITED_TRAFFICKING', validUntil: '2022-04-01' });
    const humanitarian = await run(PERMIT, {
      i: { idempotencyKey: 'permit-000004', applicantId, kind: 'HUMANITARIAN', grantedAt: '2022-04-02', validUntil: '2025-04-01' },
    });
    expect(humanitarian.errors).toBeUndefined();
    const retry = await run(PERMIT, {
      i: { idempotencyKey: 'permit-000003', applicantId, kind: 'LIMITED_TRAFFICKING', grantedAt: '2021-04-01', validUntil: '2022-04-01' },
    });
    expect(retry.data?.immigrationGrantResidencePermit.id).toBe(limited.data?.immigrationGrantResidencePermit.id);
    expect(await database.db.select().from(schema.residencePermits)).toHaveLength(before.length + 2);
  });

  it('resolves Victim entities with reflection period, permits, asylum and return in one SQL statement', async () => {
    const { applicantId, victimId } = await registerApplicant('immigration-entity-01', { citizenships: ['NG'] });
    expect((await run(REFLECTION, { i: { idempotencyKey: 'entity-reflection-1', applicantId, grantedAt: '2021-02-01' } })).errors).toBeUndefined();
    expect(
      (
        await run(PERMIT, {
          i: { idempotencyKey: 'entity-permit-0001', applicantId, kind: 'LIMITED_TRAFFICKING', grantedAt: '2021-08-01', validUntil: '2022-07-31' },
        })
      ).errors,
    ).toBeUndefined();
    const asylum = await run(ASYLUM, { i: { idempotencyKey: 'entity-asylum-0001', applicantId, outcome: 'REFUSED', decidedAt: '2021-06-01' } });
    expect(asylum.data?.immigrationRecordAsylumDecision).toMatchObject({ outcome: 'REFUSED', decidedAt: '2021-06-01' });
    const ret = { idempotencyKey: 'entity-return-00001', applicantId, departureDate: '2022-09-01', screened: true };
    const planned = await run(RETURN, { i: ret });
    // A typed-in `screened: true` is ignored (issue 10): only the NRM return check marks a return screened.
    expect(planned.data?.immigrationPlanReturn).toMatchObject({ departureDate: '2022-09-01', screened: false, status: 'PLANNED' });
    const replayed = await run(RETURN, { i: ret });
    expect(replayed.data?.immigrationPlanReturn.id).toBe(planned.data?.immigrationPlanReturn.id);

    database.statements.reset();
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id immigration {
        givenNames eeaCitizen dufNumber
        reflectionPeriods { grantedAt endsAt }
        residencePermits { kind grantedAt validUntil }
        asylumDecisions { outcome decidedAt }
        returnProceedings { departureDate screened status }
      } } } }`,
      {
        r: [
          { __typename: 'Victim', id: victimId },
          { __typename: 'Victim', id: UNKNOWN_ID },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: victimId,
        immigration: [
          {
            givenNames: 'Ioana',
            eeaCitizen: false,
            dufNumber: null,
            reflectionPeriods: [{ grantedAt: '2021-02-01', endsAt: '2021-08-01' }],
            residencePermits: [{ kind: 'LIMITED_TRAFFICKING', grantedAt: '2021-08-01', validUntil: '2022-07-31' }],
            asylumDecisions: [{ outcome: 'REFUSED', decidedAt: '2021-06-01' }],
            returnProceedings: [{ departureDate: '2022-09-01', screened: false, status: 'PLANNED' }],
          },
        ],
      },
      { id: UNKNOWN_ID, immigration: [] },
    ]);
    expect(database.statements.count).toBe(1);
  });

  it('logs a personal read as exactly one audit record, a read of nothing personal or a refused read as none', async () => {
    const { applicantId: recordId, victimId } = await registerApplicant('immigration-audit-01');
    const reader: TestClaims = { sub: 'test-udi-caseworker-3', agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-0042' };
    await expectPersonalReadAuditedOnce({
      run,
      db: database.db,
      impersonalReads: [[`query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id } } }`, { r: [{ __typename: 'Victim', id: victimId }] }]],
      refusedRead: [`query($id: ID!) { applicant(id: $id) { givenNames } }`, { id: recordId }, { ...CALLER, purpose: null }],
      personalRead: [`query UdiView($id: ID!) { applicant(id: $id) { victimId givenNames familyName } }`, { id: recordId }, reader],
      expectedRecord: {
        requestId: 'req',
        subject: 'test-udi-caseworker-3',
        agency: 'immigration',
        roles: ['caseworker'],
        purpose: 'CASE-2021-0042',
        operation: 'UdiView',
        victimIds: [victimId],
        fields: ['Applicant.familyName', 'Applicant.givenNames', 'Applicant.victimId', 'Query.applicant'],
      },
      // The database itself refuses to change its log.
      tamper: (seq) => sql`delete from audit_log where seq = ${seq}`,
    });
  });

  it('logs reads of upcoming returns and deadlines under the victims they serve, even when no victim id is selected', async () => {
    const { applicantId, victimId } = await registerApplicant('immigration-audit-03');
    const today = new Date().toISOString().slice(0, 10);
    expect((await run(REFLECTION, { i: { idempotencyKey: 'audit-reflection-03', applicantId, grantedAt: addDays(today, -30) } })).errors).toBeUndefined();
    expect((await run(RETURN, { i: { idempotencyKey: 'audit-return-000003', applicantId, departureDate: addDays(today, 20) } })).errors).toBeUndefined();
    const reader: TestClaims = { sub: 'test-udi-caseworker-4', agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-0043' };

    let before = (await auditHead(database.db))?.seq ?? 0;
    const returns = await run(`query Returns { upcomingReturns(withinDays: 366) { id departureDate } }`, {}, reader);
    expect(returns.errors).toBeUndefined();
    expect(returns.data?.upcomingReturns).toContainEqual(expect.objectContaining({ departureDate: addDays(today, 20) }));
    expect(await auditRecordsSince(database.db, before)).toMatchObject([
      {
        subject: 'test-udi-caseworker-4',
        purpose: 'CASE-2021-0043',
        operation: 'Returns',
        victimIds: expect.arrayContaining([victimId]),
        fields: ['Query.upcomingReturns', 'ReturnProceeding.departureDate', 'ReturnProceeding.id'],
      },
    ]);

    before = (await auditHead(database.db))?.seq ?? 0;
    const deadlines = await run(`query Deadlines { immigrationDeadlines(withinDays: 366) { kind recordId dueOn } }`, {}, reader);
    expect(deadlines.errors).toBeUndefined();
    expect(deadlines.data?.immigrationDeadlines).toContainEqual({
      kind: 'REFLECTION_PERIOD_ENDS',
      recordId: expect.any(String),
      dueOn: addMonths(addDays(today, -30), 6),
    });
    expect(await auditRecordsSince(database.db, before)).toMatchObject([
      {
        subject: 'test-udi-caseworker-4',
        purpose: 'CASE-2021-0043',
        operation: 'Deadlines',
        victimIds: expect.arrayContaining([victimId]),
        fields: ['Deadline.dueOn', 'Deadline.kind', 'Deadline.recordId', 'Query.immigrationDeadlines'],
      },
    ]);

    // A deadline is personal data: without a purpose it is refused, and nothing is logged.
    before = (await auditHead(database.db))?.seq ?? 0;
    const noPurpose = await run(`query { immigrationDeadlines(withinDays: 366) { dueOn } }`, {}, { ...reader, purpose: null });
    expect(noPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
    expect(await auditRecordsSince(database.db, before)).toEqual([]);

    // What a write returns about the victim's records is logged under the victim too.
    before = (await auditHead(database.db))?.seq ?? 0;
    expect(
      (await run(ASYLUM, { i: { idempotencyKey: 'audit-asylum-000003', applicantId, outcome: 'REFUSED', decidedAt: today } }, reader)).errors,
    ).toBeUndefined();
    expect(await auditRecordsSince(database.db, before)).toMatchObject([
      { purpose: 'CASE-2021-0043', victimIds: [victimId], fields: ['AsylumDecision.decidedAt', 'AsylumDecision.id', 'AsylumDecision.outcome'] },
    ]);
  });

  it("serves a victim's audit trail to data protection only, and logs that read too", async () => {
    const { applicantId: recordId, victimId } = await registerApplicant('immigration-audit-02');
    await expectAuditTrailServedToDataProtectionOnly({
      run,
      db: database.db,
      victimId,
      trailField: 'immigrationAuditTrail',
      precedingRead: [`query($id: ID!) { applicant(id: $id) { givenNames } }`, { id: recordId }],
      expectedLastRecord: {
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        subject: 'test-user-immigration',
        agency: 'immigration',
        roles: ['caseworker'],
        purpose: 'CASE-2021-17',
        requestId: 'req',
        fields: ['Applicant.givenNames', 'Query.applicant'],
        operation: null,
      },
    });
  });
});
