import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { TestClaims } from '@nrm-hub/kit/testing';
import { readTrustedDocuments } from '@nrm-hub/gateway/trusted-documents';
import { OPERATIONS_PER_USER } from '@nrm-hub/scripts/operations-per-user';
import { startHub, type Hub } from './support/hub.ts';
import {
  ADULT_INDICATIONS,
  CLAIMS,
  ngo,
  ok,
  openInvestigation,
  person,
  planReturn,
  refused,
  registerWithChildWelfare,
  registerWithNgo,
  registerWithPolice,
  registerWithUdi,
} from './support/safeguards-people.ts';

/**
 * Issue 10, Done-when 1 and 3: each safeguard end to end through the real
 * gateway and the five real subgraphs, on a fixed clock (2021-10-20).
 */

const TODAY = '2021-10-20';
let hub: Hub;

beforeAll(async () => {
  hub = await startHub({ clock: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(async () => {
  await hub?.stop();
});

const count = async (name: 'police' | 'immigration' | 'child-welfare' | 'ngo' | 'nrm', table: string): Promise<number> => {
  const rows = (await hub.databases[name].db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows?: { n: number }[] } & {
    n: number;
  }[];
  return (rows.rows ?? rows)[0]!.n;
};

const CHECK = `mutation Check($i: ImmigrationCheckReturnInput!) {
  immigrationCheckReturn(input: $i) {
    id status screened checkStatus
    checks { hit alertState checkedBy alert { id kind state victimId reasons contactAgencies raisedFor } }
  }
}`;
const EXECUTE = `mutation Execute($i: ImmigrationExecuteReturnInput!) {
  immigrationExecuteReturn(input: $i) { id status checkStatus override { reason blockedBy by } }
}`;

describe('deadlines (run first: the lists are compared whole)', () => {
  it('lists exactly the reflection periods, limited permits and placements due within N days on the fixed clock, from one query', async () => {
    const a = await registerWithUdi(hub, person('DlA', '1990-01-01'));
    const b = await registerWithUdi(hub, person('DlB', '1991-01-01'));
    const c = await registerWithUdi(hub, person('DlC', '1992-01-01'));
    const reflection = async (applicantId: string, key: string, grantedAt: string) =>
      (
        await ok(
          hub,
          CLAIMS.immigration,
          `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id endsAt } }`,
          { i: { idempotencyKey: key, applicantId, grantedAt } },
        )
      ).immigrationGrantReflectionPeriod;
    const permit = async (applicantId: string, key: string, kind: string, grantedAt: string, validUntil: string) =>
      (
        await ok(hub, CLAIMS.immigration, `mutation($i: ImmigrationGrantResidencePermitInput!) { immigrationGrantResidencePermit(input: $i) { id } }`, {
          i: { idempotencyKey: key, applicantId, kind, grantedAt, validUntil },
        })
      ).immigrationGrantResidencePermit.id;
    const dueSoon = await reflection(a.applicantId, 'dl-reflection-a', '2021-04-25'); // ends 2021-10-25: in 5 days
    await reflection(b.applicantId, 'dl-reflection-b', '2021-03-01'); // ended 2021-09-01: past
    await reflection(c.applicantId, 'dl-reflection-c', '2021-06-01'); // ends 2021-12-01: in 42 days
    const limited = await permit(b.applicantId, 'dl-permit-b', 'LIMITED_TRAFFICKING', '2020-11-15', '2021-11-14'); // in 25 days
    await permit(c.applicantId, 'dl-permit-c', 'HUMANITARIAN', '2020-11-01', '2021-11-01'); // not a limited permit

    const k1 = await registerWithChildWelfare(hub, person('DlK', '2008-05-05'));
    const placement = async (key: string, startedAt: string, plannedEndAt: string) =>
      (
        await ok(hub, CLAIMS.childWelfare, `mutation($i: ChildWelfareStartPlacementInput!) { childWelfareStartPlacement(input: $i) { id } }`, {
          i: { idempotencyKey: key, caseId: k1.caseId, kind: 'FOSTER_CARE', startedAt, plannedEndAt },
        })
      ).childWelfareStartPlacement.id;
    const sixMonths = await placement('dl-placement-1', '2021-05-05', '2021-11-05'); // six months on 2021-11-05: in 16 days
    const ended = await placement('dl-placement-2', '2021-05-06', '2021-11-06');
    await ok(hub, CLAIMS.childWelfare, `mutation($i: ChildWelfareEndPlacementInput!) { childWelfareEndPlacement(input: $i) { id } }`, {
      i: { placementId: ended, endedAt: '2021-08-01' },
    });
    await placement('dl-placement-3', '2021-06-01', '2021-12-01'); // six months on 2021-12-01: in 42 days

    const DEADLINES = `query Deadlines($days: Int!) {
      immigrationDeadlines(withinDays: $days) { kind victimId recordId dueOn daysLeft }
      childWelfareDeadlines(withinDays: $days) { kind victimId recordId dueOn daysLeft }
    }`;
    const data = await ok(hub, CLAIMS.coordinatingUnit, DEADLINES, { days: 30 });
    expect(data.immigrationDeadlines).toEqual([
      { kind: 'REFLECTION_PERIOD_ENDS', victimId: a.victimId, recordId: dueSoon.id, dueOn: '2021-10-25', daysLeft: 5 },
      { kind: 'LIMITED_PERMIT_ENDS', victimId: b.victimId, recordId: limited, dueOn: '2021-11-14', daysLeft: 25 },
    ]);
    expect(data.childWelfareDeadlines).toEqual([
      { kind: 'PLACEMENT_SIX_MONTHS', victimId: k1.victimId, recordId: sixMonths, dueOn: '2021-11-05', daysLeft: 16 },
    ]);
    // A shorter window drops the later ones.
    const week = await ok(hub, CLAIMS.coordinatingUnit, DEADLINES, { days: 7 });
    expect(week.immigrationDeadlines.map((d: { recordId: string }) => d.recordId)).toEqual([dueSoon.id]);
    expect(week.childWelfareDeadlines).toEqual([]);
    // UDI sees its own list and not child welfare's; child welfare the other way round.
    const IMM = `query { immigrationDeadlines(withinDays: 30) { recordId } }`;
    const CW = `query { childWelfareDeadlines(withinDays: 30) { recordId } }`;
    expect((await ok(hub, CLAIMS.immigration, IMM)).immigrationDeadlines).toHaveLength(2);
    expect((await refused(hub, CLAIMS.immigration, CW)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(hub, CLAIMS.childWelfare, CW)).childWelfareDeadlines).toHaveLength(1);
    expect((await refused(hub, CLAIMS.childWelfare, IMM)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('screening before return', () => {
  it('raises an alert for a planned return of a registered victim, blocks execution until it is closed, and records who worked it', async () => {
    const p = person('RetReg', '1994-02-03');
    const shelter = await ngo(hub, 'Safeguard Shelter');
    const { victimId } = await registerWithNgo(hub, shelter, p);
    const { applicantId, victimId: udiVictimId } = await registerWithUdi(hub, p);
    expect(udiVictimId).toBe(victimId);
    const returnId = await planReturn(hub, applicantId, 'reg', '2021-10-28');

    const upcoming = await ok(hub, CLAIMS.immigration, `query { upcomingReturns(withinDays: 14) { id victimId checkStatus screened } }`);
    expect(upcoming.upcomingReturns).toContainEqual({ id: returnId, victimId, checkStatus: 'NOT_CHECKED', screened: false });

    const checked = (await ok(hub, CLAIMS.immigration, CHECK, { i: { returnId } })).immigrationCheckReturn;
    expect(checked).toMatchObject({ status: 'PLANNED', screened: true, checkStatus: 'ALERT_OPEN' });
    const alert = checked.checks[0].alert;
    expect(checked.checks[0]).toMatchObject({ hit: true, alertState: 'OPEN', checkedBy: 'udi-caseworker-1' });
    // Known only to an NGO: UDI is told to ask the coordinating unit, and the NGO is not named.
    expect(alert).toMatchObject({
      kind: 'RETURN_CHECK_HIT',
      state: 'OPEN',
      victimId,
      reasons: ['ASK_COORDINATING_UNIT'],
      contactAgencies: [],
      raisedFor: 'IMMIGRATION',
    });

    // The coordinating unit sees the alert in its work list, with the NGO to contact.
    const list = await ok(
      hub,
      CLAIMS.coordinatingUnit,
      `query { alerts(state: OPEN, kind: RETURN_CHECK_HIT) { id subjectRef victimId reasons contactAgencies } }`,
    );
    expect(list.alerts).toContainEqual({ id: alert.id, subjectRef: returnId, victimId, reasons: ['REGISTERED_POTENTIAL_VICTIM'], contactAgencies: ['NGO'] });

    // A second check raises no second alert.
    const again = (await ok(hub, CLAIMS.immigration, CHECK, { i: { returnId } })).immigrationCheckReturn;
    expect(again.checks.map((c: { alert: { id: string } }) => c.alert.id)).toEqual([alert.id, alert.id]);
    expect(await count('nrm', `alerts where subject_ref = '${returnId}'`)).toBe(1);

    // Execution is refused while the alert is open, and writes nothing.
    const blocked = await refused(hub, CLAIMS.immigration, EXECUTE, { i: { returnId } });
    expect(blocked.errors[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'ALERT_OPEN' });
    expect(await count('immigration', `return_proceedings where id = '${returnId}' and status = 'PLANNED'`)).toBe(1);
    expect(await count('immigration', 'return_overrides')).toBe(0);

    // Worked by named users: UDI acknowledges, the coordinating unit closes.
    const ack = await ok(hub, CLAIMS.immigration, `mutation($id: ID!) { acknowledgeAlert(id: $id) { state acknowledgedBy } }`, { id: alert.id });
    expect(ack.acknowledgeAlert).toEqual({ state: 'ACKNOWLEDGED', acknowledgedBy: 'udi-caseworker-1' });
    const closed = await ok(
      hub,
      CLAIMS.coordinatingUnit,
      `mutation($id: ID!, $note: String!) { closeAlert(id: $id, note: $note) { state closedBy closeNote history { action by agency } } }`,
      {
        id: alert.id,
        note: 'Talked to the shelter: referred for a reflection period.',
      },
    );
    expect(closed.closeAlert).toEqual({
      state: 'CLOSED',
      closedBy: 'kom-coordinator-1',
      closeNote: 'Talked to the shelter: referred for a reflection period.',
      history: [
        { action: 'RAISED', by: 'udi-caseworker-1', agency: 'immigration' },
        { action: 'ACKNOWLEDGED', by: 'udi-caseworker-1', agency: 'immigration' },
        { action: 'CLOSED', by: 'kom-coordinator-1', agency: 'coordinating-unit' },
      ],
    });
    // Illegal moves are refused.
    const reopen = await refused(hub, CLAIMS.immigration, `mutation($id: ID!) { acknowledgeAlert(id: $id) { state } }`, { id: alert.id });
    expect(reopen.errors[0]?.extensions?.code).toBe('INVALID_STATE');

    // With the alert closed, the return can be executed (the execution re-checks first).
    const executed = await ok(hub, CLAIMS.immigration, EXECUTE, { i: { returnId } });
    expect(executed.immigrationExecuteReturn).toEqual({ id: returnId, status: 'CARRIED_OUT', checkStatus: 'ALERT_CLOSED', override: null });
    const twice = await refused(hub, CLAIMS.immigration, EXECUTE, { i: { returnId } });
    expect(twice.errors[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'NOT_PLANNED' });
  });

  it('raises an alert for an open-case witness, which is all UDI learns of the police case; a closed case no longer hits', async () => {
    const p = person('RetWit', '1988-07-09');
    const investigationId = await openInvestigation(hub, 'SG-WITNESS-01');
    const { victimId } = await registerWithPolice(hub, p, { status: 'NOT_A_VICTIM', investigationId, role: 'WITNESS' });
    const { applicantId } = await registerWithUdi(hub, p);
    const returnId = await planReturn(hub, applicantId, 'wit', '2021-11-02');
    const checked = (await ok(hub, CLAIMS.immigration, CHECK, { i: { returnId } })).immigrationCheckReturn;
    expect(checked.checkStatus).toBe('ALERT_OPEN');
    expect(checked.checks[0].alert).toMatchObject({ victimId, reasons: ['OPEN_CASE_WITNESS'], contactAgencies: ['POLICE'] });

    // UDI cannot read the police record behind it.
    const police = await refused(hub, CLAIMS.immigration, `query($id: ID!) { victim(id: $id) { police { caseRoles { role investigation { reference } } } } }`, {
      id: victimId,
    });
    expect(police.data?.victim?.police ?? null).toBeNull();
    expect(JSON.stringify(police)).not.toContain('SG-WITNESS-01');

    // The case closes: the police tell the NRM, and a new return for the person checks clear.
    await ok(hub, CLAIMS.police, `mutation($i: PoliceUpdateInvestigationInput!) { policeUpdateInvestigation(input: $i) { status } }`, {
      i: { investigationId, status: 'CLOSED' },
    });
    const later = await planReturn(hub, applicantId, 'wit-2', '2021-11-20');
    const clear = (await ok(hub, CLAIMS.immigration, CHECK, { i: { returnId: later } })).immigrationCheckReturn;
    expect(clear).toMatchObject({ checkStatus: 'CLEAR', checks: [{ hit: false, alert: null }] });
  });

  it('flags a return planned without a check, refuses to execute it without a reasoned override, and records the override', async () => {
    const { applicantId } = await registerWithUdi(hub, person('RetNone', '1985-03-03'));
    const returnId = await planReturn(hub, applicantId, 'none', '2021-10-30');
    const upcoming = await ok(hub, CLAIMS.immigration, `query { upcomingReturns(withinDays: 30) { id checkStatus } }`);
    expect(upcoming.upcomingReturns).toContainEqual({ id: returnId, checkStatus: 'NOT_CHECKED' });

    const blocked = await refused(hub, CLAIMS.immigration, EXECUTE, { i: { returnId } });
    expect(blocked.errors[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'RETURN_NOT_CHECKED' });
    const tickBox = await refused(hub, CLAIMS.immigration, EXECUTE, { i: { returnId, overrideReason: 'ok' } });
    expect(tickBox.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overrideReason' });
    expect(await count('immigration', `return_proceedings where id = '${returnId}' and status = 'PLANNED'`)).toBe(1);
    expect(await count('immigration', 'return_overrides')).toBe(0);

    const reason = 'Court order for departure today; the NRM was unreachable.';
    const executed = await ok(hub, CLAIMS.immigration, EXECUTE, { i: { returnId, overrideReason: reason } });
    expect(executed.immigrationExecuteReturn).toEqual({
      id: returnId,
      status: 'CARRIED_OUT',
      checkStatus: 'NOT_CHECKED',
      override: { reason, blockedBy: 'RETURN_NOT_CHECKED', by: 'udi-caseworker-1' },
    });
    // Statistics can count screened returns in SQL: this one was not screened.
    expect(await count('immigration', `return_proceedings where id = '${returnId}' and screened`)).toBe(0);
  });
});

describe('indicator screenings and the non-punishment flag', () => {
  const SCREEN = `mutation($i: ScreeningInput!) {
    policeRecordScreening(input: $i) { id child indications reasons forcedLabourCount screenedBy registration { offered victimId } elements { element positive } }
  }`;

  it('flags a prisoner with indications for the police and the coordinating unit, and offers NRM registration', async () => {
    const suspect = await registerWithPolice(hub, person('Prisoner', '1996-12-12'), { status: 'NOT_A_VICTIM' });
    await ok(hub, CLAIMS.police, `mutation($i: PoliceRecordCustodyStayInput!) { policeRecordCustodyStay(input: $i) { id } }`, {
      i: { idempotencyKey: 'sg-prison-1', personId: suspect.personId, kind: 'PRISON', facility: 'Bredtveit', startedAt: '2021-10-01' },
    });
    const before = await ok(hub, CLAIMS.police, `query { nonPunishmentFlags { person { id } } }`);
    expect(before.nonPunishmentFlags.map((f: { person: { id: string } }) => f.person.id)).not.toContain(suspect.personId);

    const screening = (
      await ok(hub, CLAIMS.police, SCREEN, {
        i: { idempotencyKey: 'sg-screen-prisoner', subjectId: suspect.personId, screenedOn: '2021-10-05', context: 'PRISON', indicators: ADULT_INDICATIONS },
      })
    ).policeRecordScreening;
    expect(screening).toMatchObject({
      child: false,
      indications: true,
      reasons: ['OPERATIONAL_ADULT', 'ELEMENT_DR', 'ELEMENT_EC', 'ELEMENT_CD'],
      screenedBy: 'police-investigator-1',
      registration: { offered: true, victimId: null },
    });

    const FLAGS = `query { nonPunishmentFlags { person { id } victim { id highestStatus } stay { kind facility } reasons registrationOffered } }`;
    for (const claims of [CLAIMS.police, CLAIMS.coordinatingUnit]) {
      const flags = (await ok(hub, claims, FLAGS)).nonPunishmentFlags;
      expect(flags).toContainEqual({
        person: { id: suspect.personId },
        victim: { id: suspect.victimId, highestStatus: 'NOT_A_VICTIM' },
        stay: { kind: 'PRISON', facility: 'Bredtveit' },
        reasons: ['SCREENING_WITH_INDICATIONS'],
        registrationOffered: true,
      });
    }
  });

  it('links a screening of a registered victim to the NRM victim instead of offering registration', async () => {
    const registered = await registerWithPolice(hub, person('Linked', '1993-04-04'));
    const screening = (
      await ok(hub, CLAIMS.police, SCREEN, {
        i: {
          idempotencyKey: 'sg-screen-linked',
          subjectId: registered.personId,
          screenedOn: '2021-10-06',
          context: 'INVESTIGATION',
          indicators: ['FL_DEBT_BONDAGE', 'FL_EXCESSIVE_OVERTIME'],
        },
      })
    ).policeRecordScreening;
    expect(screening).toMatchObject({
      indications: true,
      reasons: ['FORCED_LABOUR'],
      forcedLabourCount: 2,
      registration: { offered: false, victimId: registered.victimId },
    });
  });

  it('refuses unknown indicators and persons the agency does not hold with clear errors, writing nothing', async () => {
    const registered = await registerWithPolice(hub, person('Unknown', '1992-05-05'));
    const before = await count('police', 'screenings');
    const unknown = await refused(hub, CLAIMS.police, SCREEN, {
      i: {
        idempotencyKey: 'sg-screen-bad-1',
        subjectId: registered.personId,
        screenedOn: '2021-10-06',
        context: 'INVESTIGATION',
        indicators: ['DR_WAGES', 'XX_MADE_UP'],
      },
    });
    expect(unknown.errors[0]).toMatchObject({
      message: 'Invalid input at input.indicators[1]: unknown indicator code (see the catalogue in the README)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const notHeld = await refused(hub, CLAIMS.police, SCREEN, {
      i: {
        idempotencyKey: 'sg-screen-bad-2',
        subjectId: '00000000-0000-4000-8000-000000000000',
        screenedOn: '2021-10-06',
        context: 'CUSTODY',
        indicators: ['DR_WAGES'],
      },
    });
    expect(notHeld.errors[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.subjectId' });
    // A UDI applicant id is not a person the police hold.
    const { applicantId } = await registerWithUdi(hub, person('OtherAgency', '1991-06-06'));
    const udiRecord = await refused(hub, CLAIMS.police, SCREEN, {
      i: { idempotencyKey: 'sg-screen-bad-3', subjectId: applicantId, screenedOn: '2021-10-06', context: 'CUSTODY', indicators: ['DR_WAGES'] },
    });
    expect(udiRecord.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const future = await refused(hub, CLAIMS.police, SCREEN, {
      i: { idempotencyKey: 'sg-screen-bad-4', subjectId: registered.personId, screenedOn: '2021-10-21', context: 'CUSTODY', indicators: ['DR_WAGES'] },
    });
    expect(future.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.screenedOn' });
    expect(await count('police', 'screenings')).toBe(before);
  });

  it('refuses an illegal referral transition with INVALID_STATE and writes nothing', async () => {
    const { victimId } = await registerWithPolice(hub, person('Referral', '1990-09-09'));
    const referral = (
      await ok(hub, CLAIMS.police, `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id state } }`, {
        i: { victimId, fromAgency: 'POLICE', target: 'NGO_SHELTER', idempotencyKey: 'sg-referral-1' },
      })
    ).sendReferral;
    const skip = await refused(hub, CLAIMS.police, `mutation($i: UpdateReferralInput!) { updateReferralState(input: $i) { state } }`, {
      i: { referralId: referral.id, state: 'COMPLETED' },
    });
    expect(skip.errors[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await count('nrm', `referrals where id = '${referral.id}' and state = 'SENT' and answered_at is null`)).toBe(1);
  });
});

describe('classification mismatch', () => {
  it("shows a case prosecuted as pimping in the victim view, with the trafficking victim's reflection period and assistance kept", async () => {
    const p = person('Mismatch', '1995-08-08');
    const investigationId = await openInvestigation(hub, 'SG-MISMATCH-01');
    const { victimId } = await registerWithPolice(hub, p, { investigationId, role: 'VICTIM' });
    const { applicantId } = await registerWithUdi(hub, p, 'POSSIBLE');
    await ok(hub, CLAIMS.immigration, `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id } }`, {
      i: { idempotencyKey: 'sg-mismatch-reflection', applicantId, grantedAt: '2021-09-01' },
    });
    await registerWithNgo(hub, await ngo(hub, 'Mismatch Help Centre'), p, ['COORDINATING_UNIT']);
    const VIEW = `query($id: ID!) { victim(id: $id) {
      police { classificationMismatches { investigation { reference } offence stage rightsKept } }
      immigration { reflectionPeriods { endsAt } }
      assistance { assistanceEpisodes { type } }
    } }`;
    const before = (await ok(hub, CLAIMS.coordinatingUnit, VIEW, { id: victimId })).victim;
    expect(before.police[0].classificationMismatches).toEqual([]);

    await ok(hub, CLAIMS.police, `mutation($i: PoliceUpdateInvestigationInput!) { policeUpdateInvestigation(input: $i) { status } }`, {
      i: { investigationId, status: 'PROSECUTED', prosecutedAs: 'PIMPING' },
    });
    const after = (await ok(hub, CLAIMS.coordinatingUnit, VIEW, { id: victimId })).victim;
    expect(after).toEqual({
      police: [
        {
          classificationMismatches: [
            {
              investigation: { reference: 'SG-MISMATCH-01' },
              offence: 'PIMPING',
              stage: 'PROSECUTED',
              rightsKept: ['REFLECTION_PERIOD', 'LIMITED_RESIDENCE_PERMIT', 'ASSISTANCE', 'NON_PUNISHMENT'],
            },
          ],
        },
      ],
      immigration: [{ reflectionPeriods: [{ endsAt: '2022-03-01' }] }],
      assistance: [{ assistanceEpisodes: [{ type: 'SHELTER' }] }],
    });
  });
});

describe('the child coordination view', () => {
  it('returns placement, guardian, police case role, immigration status, NGO assistance within consent, open referrals, alerts and deadlines for a child known to four agencies', async () => {
    const child = person('Child', '2008-02-02');
    const investigationId = await openInvestigation(hub, 'SG-CHILD-01');
    const { victimId } = await registerWithPolice(hub, child, { investigationId, role: 'VICTIM' });
    const { applicantId } = await registerWithUdi(hub, child, 'POSSIBLE');
    await ok(hub, CLAIMS.immigration, `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id } }`, {
      i: { idempotencyKey: 'sg-child-reflection', applicantId, grantedAt: '2021-05-10' },
    });
    const { caseId } = await registerWithChildWelfare(hub, child, 'Guardian Tvedt');
    await ok(hub, CLAIMS.childWelfare, `mutation($i: ChildWelfareStartPlacementInput!) { childWelfareStartPlacement(input: $i) { id } }`, {
      i: { idempotencyKey: 'sg-child-placement', caseId, kind: 'INSTITUTION', startedAt: '2021-05-01', plannedEndAt: '2021-10-31' },
    });
    await registerWithNgo(hub, await ngo(hub, 'Child Safe House'), child, ['COORDINATING_UNIT']);
    await ok(hub, CLAIMS.childWelfare, `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id } }`, {
      i: { victimId, fromAgency: 'CHILD_WELFARE', target: 'LEGAL_AID', idempotencyKey: 'sg-child-referral' },
    });
    const returnId = await planReturn(hub, applicantId, 'child', '2021-11-15');
    await ok(hub, CLAIMS.immigration, CHECK, { i: { returnId } });
    // Possibly under 18 by birth year alone, known to the police only; and an adult, who is not listed.
    const maybe = await registerWithPolice(hub, { tag: 'Maybe', input: { ...person('Maybe', '2003-01-01').input, birthDate: null, birthYear: 2003 } });
    const adult = await registerWithPolice(hub, person('Adult', '1980-01-01'));

    const CHILD_VIEW = `query ChildCoordinationView($days: Int!) {
      childVictims {
        id registeringAgencies
        childWelfare { ageAssessment unaccompanied guardianName placements { kind startedAt plannedEndAt } }
        police { caseRoles { role investigation { offence status } } }
        immigration { reflectionPeriods { endsAt } residencePermits { kind validUntil } returnProceedings { departureDate checkStatus } }
        assistance { organisation { name } assistanceEpisodes { type } }
        openReferrals { fromAgency target state }
        alerts { reasons contactAgencies state }
        immigrationDeadlines(withinDays: $days) { kind dueOn daysLeft }
        childWelfareDeadlines(withinDays: $days) { kind dueOn daysLeft }
      }
    }`;
    const { childVictims } = await ok(hub, CLAIMS.coordinatingUnit, CHILD_VIEW, { days: 30 });
    const ids = childVictims.map((v: { id: string }) => v.id);
    expect(ids).toContain(maybe.victimId);
    expect(ids).not.toContain(adult.victimId);
    expect(childVictims.find((v: { id: string }) => v.id === victimId)).toEqual({
      id: victimId,
      registeringAgencies: ['POLICE', 'IMMIGRATION', 'CHILD_WELFARE', 'NGO'],
      childWelfare: [
        {
          ageAssessment: 'ASSESSED_CHILD',
          unaccompanied: true,
          guardianName: 'Guardian Tvedt',
          placements: [{ kind: 'INSTITUTION', startedAt: '2021-05-01', plannedEndAt: '2021-10-31' }],
        },
      ],
      police: [{ caseRoles: [{ role: 'VICTIM', investigation: { offence: 'TRAFFICKING_257', status: 'OPEN' } }] }],
      immigration: [
        {
          reflectionPeriods: [{ endsAt: '2021-11-10' }],
          residencePermits: [],
          returnProceedings: [{ departureDate: '2021-11-15', checkStatus: 'ALERT_OPEN' }],
        },
      ],
      assistance: [{ organisation: { name: 'Child Safe House' }, assistanceEpisodes: [{ type: 'SHELTER' }] }],
      openReferrals: [{ fromAgency: 'CHILD_WELFARE', target: 'LEGAL_AID', state: 'SENT' }],
      alerts: [
        { reasons: ['REGISTERED_POTENTIAL_VICTIM', 'OPEN_CASE_VICTIM'], contactAgencies: ['CHILD_WELFARE', 'IMMIGRATION', 'NGO', 'POLICE'], state: 'OPEN' },
      ],
      immigrationDeadlines: [{ kind: 'REFLECTION_PERIOD_ENDS', dueOn: '2021-11-10', daysLeft: 21 }],
      childWelfareDeadlines: [{ kind: 'PLACEMENT_SIX_MONTHS', dueOn: '2021-11-01', daysLeft: 12 }],
    });
    // Only the coordinating unit has the view.
    for (const claims of [CLAIMS.police, CLAIMS.immigration, CLAIMS.childWelfare, CLAIMS.workingGroup]) {
      const denied = await refused(hub, claims, CHILD_VIEW, { days: 30 });
      expect(denied.data?.childVictims ?? null).toBeNull();
      expect(denied.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(denied)).not.toContain('Guardian Tvedt');
    }
  });
});

describe("the README's operations per user", () => {
  const CLAIMS_OF: Record<string, TestClaims> = {
    'Police investigator': CLAIMS.police,
    'UDI caseworker': CLAIMS.immigration,
    'Child-welfare caseworker': CLAIMS.childWelfare,
    'NGO worker': { agency: 'ngo:rosa-demo', roles: ['worker'], purpose: 'NGO-2021-0011' },
    'Coordinating unit': CLAIMS.coordinatingUnit,
    'Child coordinating unit': CLAIMS.coordinatingUnit,
  };
  const NO_SUCH = '00000000-0000-4000-8000-00000000abcd';
  const VARIABLES: Record<string, Record<string, unknown>> = {
    PoliceRecordScreening: {
      input: { idempotencyKey: 'readme-op-1', subjectId: NO_SUCH, screenedOn: TODAY, context: 'CUSTODY', indicators: ['FL_DEBT_BONDAGE'] },
    },
    UdiUpcomingReturns: { withinDays: 30 },
    UdiCheckReturn: { input: { returnId: NO_SUCH } },
    UdiExecuteReturn: { input: { returnId: NO_SUCH } },
    ChildWelfareDeadlines: { withinDays: 30 },
    ChildWelfareRecordScreening: {
      input: { idempotencyKey: 'readme-op-2', subjectId: NO_SUCH, screenedOn: TODAY, context: 'CHILD_WELFARE', indicators: ['EC_HAZARDOUS_WORK'] },
    },
    NgoRecordScreening: {
      input: { idempotencyKey: 'readme-op-3', subjectId: NO_SUCH, screenedOn: TODAY, context: 'ASSISTANCE', indicators: ['FL_ISOLATION'] },
    },
    CoordinatingUnitAlerts: { state: 'OPEN', kind: 'RETURN_CHECK_HIT' },
    AcknowledgeAlert: { id: NO_SUCH },
    CloseAlert: { id: NO_SUCH, note: 'Handled by phone.' },
    CoordinatingUnitDeadlines: { withinDays: 30 },
    ChildCoordinationView: { withinDays: 30 },
  };

  it('prints every operation and its token command in README.md, and each is a trusted document', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Operations per user'))!;
    const manifest = Object.values(readTrustedDocuments());
    for (const op of OPERATIONS_PER_USER) {
      expect(section).toContain(op.document);
      expect(section).toContain(op.token);
      expect(manifest).toContain(op.document);
    }
  });

  it.each(OPERATIONS_PER_USER.map((op) => [op.user, op.name, op] as const))(
    '%s: %s runs as that user (queries answer, mutations reach their resolver)',
    async (user, name, op) => {
      const { body } = await hub.query(op.document, VARIABLES[name] ?? {}, await hub.as(CLAIMS_OF[user]!));
      if (op.document.startsWith('query')) {
        expect(body.errors).toBeUndefined();
      } else {
        // An unknown record: the document validated and the resolver refused the id.
        expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      }
    },
  );
});
