/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query VictimsPage($first: Int!, $after: ID) {\n    victims(first: $first, after: $after) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n    }\n  }\n": typeof types.VictimsPageDocument,
    "\n  query VictimView($id: ID!) {\n    victim(id: $id) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n      mergedIds\n      registrations { id agency status decidedBy decidedOn exploitationTypes matchedExisting registeredAt }\n      referrals { id fromAgency target state sentAt answeredAt completedAt }\n      history { id kind otherVictimId at }\n      police {\n        id givenNames familyName birthYear gender citizenships status decidedBy exploitationTypes recordedAt\n        caseRoles { role investigation { id reference offence prosecutedAs status openedAt convictedAt } }\n        custodyStays { id kind facility startedAt endedAt }\n        compensationOrders { id amountNok orderedAt paidAt }\n      }\n      immigration {\n        id givenNames familyName birthYear gender citizenships dufNumber eeaCitizen status decidedBy recordedAt\n        reflectionPeriods { id grantedAt endsAt }\n        residencePermits { id kind grantedAt validUntil }\n        asylumDecisions { id outcome decidedAt }\n        returnProceedings { id departureDate screened status }\n      }\n      childWelfare {\n        id givenNames familyName birthYear gender citizenships municipality ageAssessment unaccompanied guardianName status openedAt\n        placements { id kind startedAt plannedEndAt endedAt }\n        measures { id kind takenAt }\n      }\n      assistance {\n        id givenNames familyName birthYear gender citizenships status recordedAt\n        organisation { id name }\n        assistanceEpisodes { id type startedAt endedAt }\n        consents { id agency givenAt withdrawnAt }\n      }\n    }\n  }\n": typeof types.VictimViewDocument,
    "\n  query OpenLinkReviews {\n    linkReviews(state: OPEN, first: 50) {\n      id\n      state\n      score\n      createdAt\n      registration { id agency status decidedOn exploitationTypes }\n      victim { id registeringAgencies highestStatus }\n      candidate { id registeringAgencies highestStatus }\n    }\n  }\n": typeof types.OpenLinkReviewsDocument,
    "\n  mutation ConfirmLinkReview($id: ID!) {\n    confirmLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n": typeof types.ConfirmLinkReviewDocument,
    "\n  mutation RejectLinkReview($id: ID!) {\n    rejectLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n": typeof types.RejectLinkReviewDocument,
    "\n  query VictimAuditTrail($id: ID!) {\n    auditVictim(id: $id) {\n      id\n      mergeCluster {\n        id\n        nrmAuditTrail { ...AuditRecordFields }\n        policeAuditTrail { ...AuditRecordFields }\n        immigrationAuditTrail { ...AuditRecordFields }\n        childWelfareAuditTrail { ...AuditRecordFields }\n        ngoAuditTrail { ...AuditRecordFields }\n      }\n    }\n  }\n  fragment AuditRecordFields on AuditRecord { at subject agency roles purpose requestId operation fields }\n": typeof types.VictimAuditTrailDocument,
};
const documents: Documents = {
    "\n  query VictimsPage($first: Int!, $after: ID) {\n    victims(first: $first, after: $after) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n    }\n  }\n": types.VictimsPageDocument,
    "\n  query VictimView($id: ID!) {\n    victim(id: $id) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n      mergedIds\n      registrations { id agency status decidedBy decidedOn exploitationTypes matchedExisting registeredAt }\n      referrals { id fromAgency target state sentAt answeredAt completedAt }\n      history { id kind otherVictimId at }\n      police {\n        id givenNames familyName birthYear gender citizenships status decidedBy exploitationTypes recordedAt\n        caseRoles { role investigation { id reference offence prosecutedAs status openedAt convictedAt } }\n        custodyStays { id kind facility startedAt endedAt }\n        compensationOrders { id amountNok orderedAt paidAt }\n      }\n      immigration {\n        id givenNames familyName birthYear gender citizenships dufNumber eeaCitizen status decidedBy recordedAt\n        reflectionPeriods { id grantedAt endsAt }\n        residencePermits { id kind grantedAt validUntil }\n        asylumDecisions { id outcome decidedAt }\n        returnProceedings { id departureDate screened status }\n      }\n      childWelfare {\n        id givenNames familyName birthYear gender citizenships municipality ageAssessment unaccompanied guardianName status openedAt\n        placements { id kind startedAt plannedEndAt endedAt }\n        measures { id kind takenAt }\n      }\n      assistance {\n        id givenNames familyName birthYear gender citizenships status recordedAt\n        organisation { id name }\n        assistanceEpisodes { id type startedAt endedAt }\n        consents { id agency givenAt withdrawnAt }\n      }\n    }\n  }\n": types.VictimViewDocument,
    "\n  query OpenLinkReviews {\n    linkReviews(state: OPEN, first: 50) {\n      id\n      state\n      score\n      createdAt\n      registration { id agency status decidedOn exploitationTypes }\n      victim { id registeringAgencies highestStatus }\n      candidate { id registeringAgencies highestStatus }\n    }\n  }\n": types.OpenLinkReviewsDocument,
    "\n  mutation ConfirmLinkReview($id: ID!) {\n    confirmLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n": types.ConfirmLinkReviewDocument,
    "\n  mutation RejectLinkReview($id: ID!) {\n    rejectLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n": types.RejectLinkReviewDocument,
    "\n  query VictimAuditTrail($id: ID!) {\n    auditVictim(id: $id) {\n      id\n      mergeCluster {\n        id\n        nrmAuditTrail { ...AuditRecordFields }\n        policeAuditTrail { ...AuditRecordFields }\n        immigrationAuditTrail { ...AuditRecordFields }\n        childWelfareAuditTrail { ...AuditRecordFields }\n        ngoAuditTrail { ...AuditRecordFields }\n      }\n    }\n  }\n  fragment AuditRecordFields on AuditRecord { at subject agency roles purpose requestId operation fields }\n": types.VictimAuditTrailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VictimsPage($first: Int!, $after: ID) {\n    victims(first: $first, after: $after) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n    }\n  }\n"): (typeof documents)["\n  query VictimsPage($first: Int!, $after: ID) {\n    victims(first: $first, after: $after) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VictimView($id: ID!) {\n    victim(id: $id) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n      mergedIds\n      registrations { id agency status decidedBy decidedOn exploitationTypes matchedExisting registeredAt }\n      referrals { id fromAgency target state sentAt answeredAt completedAt }\n      history { id kind otherVictimId at }\n      police {\n        id givenNames familyName birthYear gender citizenships status decidedBy exploitationTypes recordedAt\n        caseRoles { role investigation { id reference offence prosecutedAs status openedAt convictedAt } }\n        custodyStays { id kind facility startedAt endedAt }\n        compensationOrders { id amountNok orderedAt paidAt }\n      }\n      immigration {\n        id givenNames familyName birthYear gender citizenships dufNumber eeaCitizen status decidedBy recordedAt\n        reflectionPeriods { id grantedAt endsAt }\n        residencePermits { id kind grantedAt validUntil }\n        asylumDecisions { id outcome decidedAt }\n        returnProceedings { id departureDate screened status }\n      }\n      childWelfare {\n        id givenNames familyName birthYear gender citizenships municipality ageAssessment unaccompanied guardianName status openedAt\n        placements { id kind startedAt plannedEndAt endedAt }\n        measures { id kind takenAt }\n      }\n      assistance {\n        id givenNames familyName birthYear gender citizenships status recordedAt\n        organisation { id name }\n        assistanceEpisodes { id type startedAt endedAt }\n        consents { id agency givenAt withdrawnAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VictimView($id: ID!) {\n    victim(id: $id) {\n      id\n      highestStatus\n      registeringAgencies\n      firstRegisteredAt\n      mergedIds\n      registrations { id agency status decidedBy decidedOn exploitationTypes matchedExisting registeredAt }\n      referrals { id fromAgency target state sentAt answeredAt completedAt }\n      history { id kind otherVictimId at }\n      police {\n        id givenNames familyName birthYear gender citizenships status decidedBy exploitationTypes recordedAt\n        caseRoles { role investigation { id reference offence prosecutedAs status openedAt convictedAt } }\n        custodyStays { id kind facility startedAt endedAt }\n        compensationOrders { id amountNok orderedAt paidAt }\n      }\n      immigration {\n        id givenNames familyName birthYear gender citizenships dufNumber eeaCitizen status decidedBy recordedAt\n        reflectionPeriods { id grantedAt endsAt }\n        residencePermits { id kind grantedAt validUntil }\n        asylumDecisions { id outcome decidedAt }\n        returnProceedings { id departureDate screened status }\n      }\n      childWelfare {\n        id givenNames familyName birthYear gender citizenships municipality ageAssessment unaccompanied guardianName status openedAt\n        placements { id kind startedAt plannedEndAt endedAt }\n        measures { id kind takenAt }\n      }\n      assistance {\n        id givenNames familyName birthYear gender citizenships status recordedAt\n        organisation { id name }\n        assistanceEpisodes { id type startedAt endedAt }\n        consents { id agency givenAt withdrawnAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenLinkReviews {\n    linkReviews(state: OPEN, first: 50) {\n      id\n      state\n      score\n      createdAt\n      registration { id agency status decidedOn exploitationTypes }\n      victim { id registeringAgencies highestStatus }\n      candidate { id registeringAgencies highestStatus }\n    }\n  }\n"): (typeof documents)["\n  query OpenLinkReviews {\n    linkReviews(state: OPEN, first: 50) {\n      id\n      state\n      score\n      createdAt\n      registration { id agency status decidedOn exploitationTypes }\n      victim { id registeringAgencies highestStatus }\n      candidate { id registeringAgencies highestStatus }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmLinkReview($id: ID!) {\n    confirmLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n"): (typeof documents)["\n  mutation ConfirmLinkReview($id: ID!) {\n    confirmLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectLinkReview($id: ID!) {\n    rejectLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n"): (typeof documents)["\n  mutation RejectLinkReview($id: ID!) {\n    rejectLinkReview(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VictimAuditTrail($id: ID!) {\n    auditVictim(id: $id) {\n      id\n      mergeCluster {\n        id\n        nrmAuditTrail { ...AuditRecordFields }\n        policeAuditTrail { ...AuditRecordFields }\n        immigrationAuditTrail { ...AuditRecordFields }\n        childWelfareAuditTrail { ...AuditRecordFields }\n        ngoAuditTrail { ...AuditRecordFields }\n      }\n    }\n  }\n  fragment AuditRecordFields on AuditRecord { at subject agency roles purpose requestId operation fields }\n"): (typeof documents)["\n  query VictimAuditTrail($id: ID!) {\n    auditVictim(id: $id) {\n      id\n      mergeCluster {\n        id\n        nrmAuditTrail { ...AuditRecordFields }\n        policeAuditTrail { ...AuditRecordFields }\n        immigrationAuditTrail { ...AuditRecordFields }\n        childWelfareAuditTrail { ...AuditRecordFields }\n        ngoAuditTrail { ...AuditRecordFields }\n      }\n    }\n  }\n  fragment AuditRecordFields on AuditRecord { at subject agency roles purpose requestId operation fields }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;