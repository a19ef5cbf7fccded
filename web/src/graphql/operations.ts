import { graphql } from '../gql/index.ts';

/**
 * Every operation the app sends. Each is typed by codegen and carried to the
 * gateway's trusted-documents manifest by its SHA-256 id (see codegen.ts).
 */

/** One page of the victims the caller may see. */
export const VictimsPage = graphql(`
  query VictimsPage($first: Int!, $after: ID) {
    victims(first: $first, after: $after) {
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

/** The coordinating unit's queue of uncertain matches. */
export const OpenLinkReviews = graphql(`
  query OpenLinkReviews {
    linkReviews(state: OPEN, first: 50) {
      id
      state
      score
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
