import { graphql } from '../gql/index.ts';

/**
 * Every operation the app sends. Each is typed by codegen and carried to the
 * gateway's trusted-documents manifest by its SHA-256 id (see codegen.ts).
 */

/** One page of the victims the caller may see, narrowed by status, age group, year and registering agency. */
export const VictimsPage = graphql(`
  query VictimsPage($first: Int!, $after: ID, $filter: VictimFilter) {
    victims(first: $first, after: $after, filter: $filter) {
      id
      highestStatus
      registeringAgencies
      firstRegisteredAt
    }
  }
`);

/** The single victim view: the NRM's part and each agency's section. */
export const VictimView = graphql(`
  query VictimView($id: ID!) {
    victim(id: $id) {
      id
      highestStatus
      registeringAgencies
      firstRegisteredAt
      mergedIds
      registrations { id agency status decidedBy decidedOn exploitationTypes matchedExisting registeredAt }
      referrals { id fromAgency target state sentAt answeredAt completedAt }
      history { id kind otherVictimId at }
      police {
        id givenNames familyName birthYear gender citizenships status decidedBy exploitationTypes recordedAt
        caseRoles { role investigation { id reference offence prosecutedAs status openedAt convictedAt } }
        custodyStays { id kind facility startedAt endedAt }
        compensationOrders { id amountNok orderedAt paidAt }
      }
      immigration {
        id givenNames familyName birthYear gender citizenships dufNumber eeaCitizen status decidedBy recordedAt
        reflectionPeriods { id grantedAt endsAt }
        residencePermits { id kind grantedAt validUntil }
        asylumDecisions { id outcome decidedAt }
        returnProceedings { id departureDate screened status }
      }
      childWelfare {
        id givenNames familyName birthYear gender citizenships municipality ageAssessment unaccompanied guardianName status openedAt
        placements { id kind startedAt plannedEndAt endedAt }
        measures { id kind takenAt }
      }
      assistance {
        id givenNames familyName birthYear gender citizenships status recordedAt
        organisation { id name }
        assistanceEpisodes { id type startedAt endedAt }
        consents { id agency givenAt withdrawnAt }
      }
    }
  }
`);

/** The coordinating unit's queue of uncertain matches, with each compared field's agreement level and weight (never names or dates). */
export const OpenLinkReviews = graphql(`
  query OpenLinkReviews {
    linkReviews(state: OPEN, first: 50) {
      id
      state
      score
      matchWeight
      fields { field level weight }
      createdAt
      registration { id agency status decidedOn exploitationTypes }
      victim { id registeringAgencies highestStatus }
      candidate { id registeringAgencies highestStatus }
    }
  }
`);

/** Confirms an uncertain match: the two victims are merged. */
export const ConfirmLinkReview = graphql(`
  mutation ConfirmLinkReview($id: ID!) {
    confirmLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }
  }
`);

/** Rejects an uncertain match: the two victims stay apart. */
export const RejectLinkReview = graphql(`
  mutation RejectLinkReview($id: ID!) {
    rejectLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }
  }
`);

/** A victim's audit trail across the five subgraphs, for every id of the person's merge cluster. */
export const VictimAuditTrail = graphql(`
  query VictimAuditTrail($id: ID!) {
    auditVictim(id: $id) {
      id
      mergeCluster {
        id
        nrmAuditTrail { ...AuditRecordFields }
        policeAuditTrail { ...AuditRecordFields }
        immigrationAuditTrail { ...AuditRecordFields }
        childWelfareAuditTrail { ...AuditRecordFields }
        ngoAuditTrail { ...AuditRecordFields }
      }
    }
  }
  fragment AuditRecordFields on AuditRecord { at subject agency roles purpose requestId operation fields }
`);

/**
 * National statistics for a year and the year before: persons, registrations
 * and duplicates, by agency, exploitation type, gender, age group and
 * citizenship. Each figure is a cell: a value, or `suppressed` for the NRM
 * working group where disclosure control withholds it.
 */
export const StatisticsPage = graphql(`
  query StatisticsPage($year: Int!, $previous: Int!) {
    statistics(year: $year) {
      ...StatisticsFigures
      compareTo(year: $previous) { ...StatisticsFigures }
    }
  }
  fragment StatisticsFigures on Statistics {
    year
    registrations { value suppressed }
    duplicates { value suppressed }
    persons {
      count { value suppressed }
      lowerBound { value suppressed }
      upperBound { value suppressed }
      openLinkReviews { value suppressed }
    }
    byRegisteringAgency { agency registrations { value suppressed } persons { value suppressed } duplicates { value suppressed } }
    identifiedBy { sector persons { value suppressed } byAgeGroup { key count { value suppressed } } }
    personsByStatus { key count { value suppressed } }
    personsByExploitation { key count { value suppressed } }
    personsByGender { key count { value suppressed } }
    personsByAgeGroup { key count { value suppressed } }
    personsByCitizenshipArea { key count { value suppressed } }
    personsByCitizenship { key count { value suppressed } }
    police { victimsPaidCompensation { value suppressed } compensationPaidNok { value suppressed } victimsInCustodyOrPrison { value suppressed } }
    immigration { reflectionPeriods { value suppressed } residencePermitsByKind { key count { value suppressed } } }
    childWelfare { childVictimsAssisted { value suppressed } }
    ngo { personsAssisted { value suppressed } }
  }
`);

/** Alerts raised for the caller (return-check hits), newest work first; polled for the page. */
export const AlertsList = graphql(`
  query AlertsList {
    alerts(first: 100) {
      id kind state victimId reasons contactAgencies raisedFor subjectRef raisedAt
      acknowledgedBy acknowledgedAt closedBy closedAt closeNote
    }
  }
`);

/** Open alerts, for the counter in the navigation (polled). */
export const OpenAlertCount = graphql(`
  query OpenAlertCount {
    alerts(state: OPEN, first: 100) { id }
  }
`);

/** A caseworker takes an alert. */
export const AcknowledgeAlert = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) { id state acknowledgedBy acknowledgedAt }
  }
`);

/** An alert dealt with; the note says how. */
export const CloseAlert = graphql(`
  mutation CloseAlert($id: ID!, $note: String!) {
    closeAlert(id: $id, note: $note) { id state closedBy closedAt closeNote }
  }
`);

/** Planned returns and whether the NRM check has run (screening before return). */
export const UpcomingReturns = graphql(`
  query UpcomingReturns($withinDays: Int!) {
    upcomingReturns(withinDays: $withinDays) { id victimId departureDate status checkStatus }
  }
`);

/** Persons in custody or prison who may be victims (non-punishment). */
export const CustodyFlags = graphql(`
  query CustodyFlags {
    nonPunishmentFlags {
      person { id victimId }
      victim { id }
      stay { kind startedAt }
      reasons
      registrationOffered
    }
  }
`);

/** Registered victims whose cases run as another offence than trafficking, with the rights they keep. */
export const ClassificationMismatches = graphql(`
  query ClassificationMismatches {
    classificationMismatchFlags(first: 100) {
      person { id victimId }
      victim { id }
      mismatch { investigation { id reference } offence stage rightsKept }
    }
  }
`);

/** Reflection periods and limited permits ending (UDI). */
export const ImmigrationDeadlines = graphql(`
  query ImmigrationDeadlines($withinDays: Int!) {
    immigrationDeadlines(withinDays: $withinDays) { kind victimId recordId dueOn daysLeft }
  }
`);

/** Child placements reaching six months (child welfare). */
export const ChildWelfareDeadlines = graphql(`
  query ChildWelfareDeadlines($withinDays: Int!) {
    childWelfareDeadlines(withinDays: $withinDays) { kind victimId recordId dueOn daysLeft }
  }
`);

/**
 * The child coordinating unit's view: child victims across the agencies. 50 at
 * a time: the whole view for 100 costs more than the gateway's limit (20,000),
 * and `childVictims` has no cursor yet.
 */
export const ChildCoordination = graphql(`
  query ChildCoordination($withinDays: Int!) {
    childVictims(first: 50) {
      id registeringAgencies highestStatus
      childWelfare { id ageAssessment unaccompanied guardianName municipality placements { id kind startedAt plannedEndAt endedAt } }
      police { id caseRoles { role investigation { id offence prosecutedAs status } } }
      immigration { id reflectionPeriods { id endsAt } residencePermits { id kind validUntil } returnProceedings { id departureDate checkStatus } }
      assistance { id organisation { id name } assistanceEpisodes { id type startedAt endedAt } }
      openReferrals { id fromAgency target state sentAt }
      alerts { id state reasons contactAgencies }
      immigrationDeadlines(withinDays: $withinDays) { kind recordId dueOn daysLeft }
      childWelfareDeadlines(withinDays: $withinDays) { kind recordId dueOn daysLeft }
    }
  }
`);
