/**
 * The GraphQL operations each kind of user runs for the safeguards (issue
 * 10), exactly as the README's "Operations per user" section prints them.
 * `npm run trusted-documents` puts every document here into the production
 * gateway's manifest; `test/safeguards.e2e.ts` runs each one as its user.
 */

export interface UserOperation {
  /** Who runs it. */
  user: string;
  /** The token command for that user. */
  token: string;
  /** Operation name (also the document's own name). */
  name: string;
  /** The document, sent as is (its SHA-256 is the trusted-document id). */
  document: string;
}

const POLICE = 'npm run --silent token -- --agency police --role investigator --purpose OSL-2021-0001';
const UDI = 'npm run --silent token -- --agency immigration --role caseworker --purpose UDI-2021-0042';
const CHILD_WELFARE = 'npm run --silent token -- --agency child-welfare --role caseworker --purpose BV-2021-0007';
const NGO = 'npm run --silent token -- --agency ngo:rosa-demo --role worker --purpose NGO-2021-0011';
const KOM = 'npm run --silent token -- --agency coordinating-unit --role coordinator --purpose KOM-2021-0003';

export const POLICE_NON_PUNISHMENT = /* GraphQL */ `query PoliceNonPunishment {
  nonPunishmentFlags {
    person { id givenNames familyName classificationMismatches { investigation { reference } offence stage rightsKept } }
    victim { id highestStatus }
    stay { kind facility startedAt }
    reasons
    registrationOffered
  }
}`;

export const POLICE_RECORD_SCREENING = /* GraphQL */ `mutation PoliceRecordScreening($input: ScreeningInput!) {
  policeRecordScreening(input: $input) {
    id indications reasons child elements { element strong medium weak positive } registration { offered victimId }
  }
}`;

export const UDI_UPCOMING_RETURNS = /* GraphQL */ `query UdiUpcomingReturns($withinDays: Int!) {
  upcomingReturns(withinDays: $withinDays) {
    id applicantId victimId departureDate status checkStatus
    checks { checkedAt hit alert { id state reasons contactAgencies } }
  }
}`;

export const UDI_CHECK_RETURN = /* GraphQL */ `mutation UdiCheckReturn($input: ImmigrationCheckReturnInput!) {
  immigrationCheckReturn(input: $input) { id checkStatus checks { hit alert { id state reasons contactAgencies } } }
}`;

export const UDI_EXECUTE_RETURN = /* GraphQL */ `mutation UdiExecuteReturn($input: ImmigrationExecuteReturnInput!) {
  immigrationExecuteReturn(input: $input) { id status checkStatus override { reason blockedBy by at } }
}`;

export const UDI_ALERTS = /* GraphQL */ `query UdiAlerts {
  alerts(state: OPEN) { id kind victimId reasons contactAgencies subjectRef raisedAt }
}`;

export const CHILD_WELFARE_DEADLINES = /* GraphQL */ `query ChildWelfareDeadlines($withinDays: Int!) {
  childWelfareDeadlines(withinDays: $withinDays) { kind victimId recordId dueOn daysLeft }
}`;

export const CHILD_WELFARE_RECORD_SCREENING = /* GraphQL */ `mutation ChildWelfareRecordScreening($input: ScreeningInput!) {
  childWelfareRecordScreening(input: $input) { id child indications reasons registration { offered victimId } }
}`;

export const NGO_RECORD_SCREENING = /* GraphQL */ `mutation NgoRecordScreening($input: ScreeningInput!) {
  ngoRecordScreening(input: $input) { id indications reasons forcedLabourCount registration { offered victimId } }
}`;

export const COORDINATING_UNIT_ALERTS = /* GraphQL */ `query CoordinatingUnitAlerts($state: AlertState, $kind: AlertKind) {
  alerts(state: $state, kind: $kind) {
    id kind state victimId reasons contactAgencies raisedFor raisedAt acknowledgedBy closedBy
    history { action by agency at note }
  }
}`;

export const ACKNOWLEDGE_ALERT = /* GraphQL */ `mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) { id state acknowledgedBy acknowledgedAt }
}`;

export const CLOSE_ALERT = /* GraphQL */ `mutation CloseAlert($id: ID!, $note: String!) {
  closeAlert(id: $id, note: $note) { id state closedBy closedAt closeNote }
}`;

export const COORDINATING_UNIT_DEADLINES = /* GraphQL */ `query CoordinatingUnitDeadlines($withinDays: Int!) {
  immigrationDeadlines(withinDays: $withinDays) { kind victimId recordId dueOn daysLeft }
  childWelfareDeadlines(withinDays: $withinDays) { kind victimId recordId dueOn daysLeft }
}`;

export const CHILD_COORDINATION_VIEW = /* GraphQL */ `query ChildCoordinationView($withinDays: Int!) {
  childVictims {
    id registeringAgencies highestStatus
    childWelfare { ageAssessment unaccompanied guardianName placements { kind startedAt plannedEndAt endedAt } }
    police { caseRoles { role investigation { offence prosecutedAs status } } }
    immigration { reflectionPeriods { endsAt } residencePermits { kind validUntil } returnProceedings { departureDate checkStatus } }
    assistance { organisation { name } assistanceEpisodes { type startedAt endedAt } }
    openReferrals { fromAgency target state sentAt }
    alerts { id state reasons contactAgencies }
    immigrationDeadlines(withinDays: $withinDays) { kind dueOn daysLeft }
    childWelfareDeadlines(withinDays: $withinDays) { kind dueOn daysLeft }
  }
}`;

/** Every user's operations, in README order. */
export const OPERATIONS_PER_USER: readonly UserOperation[] = [
  { user: 'Police investigator', token: POLICE, name: 'PoliceNonPunishment', document: POLICE_NON_PUNISHMENT },
  { user: 'Police investigator', token: POLICE, name: 'PoliceRecordScreening', document: POLICE_RECORD_SCREENING },
  { user: 'UDI caseworker', token: UDI, name: 'UdiUpcomingReturns', document: UDI_UPCOMING_RETURNS },
  { user: 'UDI caseworker', token: UDI, name: 'UdiCheckReturn', document: UDI_CHECK_RETURN },
  { user: 'UDI caseworker', token: UDI, name: 'UdiExecuteReturn', document: UDI_EXECUTE_RETURN },
  { user: 'UDI caseworker', token: UDI, name: 'UdiAlerts', document: UDI_ALERTS },
  { user: 'Child-welfare caseworker', token: CHILD_WELFARE, name: 'ChildWelfareDeadlines', document: CHILD_WELFARE_DEADLINES },
  { user: 'Child-welfare caseworker', token: CHILD_WELFARE, name: 'ChildWelfareRecordScreening', document: CHILD_WELFARE_RECORD_SCREENING },
  { user: 'NGO worker', token: NGO, name: 'NgoRecordScreening', document: NGO_RECORD_SCREENING },
  { user: 'Coordinating unit', token: KOM, name: 'CoordinatingUnitAlerts', document: COORDINATING_UNIT_ALERTS },
  { user: 'Coordinating unit', token: KOM, name: 'AcknowledgeAlert', document: ACKNOWLEDGE_ALERT },
  { user: 'Coordinating unit', token: KOM, name: 'CloseAlert', document: CLOSE_ALERT },
  { user: 'Coordinating unit', token: KOM, name: 'CoordinatingUnitDeadlines', document: COORDINATING_UNIT_DEADLINES },
  { user: 'Child coordinating unit', token: KOM, name: 'ChildCoordinationView', document: CHILD_COORDINATION_VIEW },
];
