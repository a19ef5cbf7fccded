/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How far the child's age has been assessed. */
export type AgeAssessment =
  /** Assessed to be 18 or older. */
  | 'ASSESSED_ADULT'
  /** Assessed to be under 18. */
  | 'ASSESSED_CHILD'
  /** The age is disputed (for example documents and assessment disagree). */
  | 'DISPUTED'
  /** No age assessment has been made. */
  | 'NOT_ASSESSED';

/** The agencies that register potential victims with the NRM. */
export type Agency =
  /** Bufdir's coordinating unit and the municipal Child Welfare Service. */
  | 'CHILD_WELFARE'
  /** UDI, the Directorate of Immigration. */
  | 'IMMIGRATION'
  /** Government-funded NGOs and municipal crisis centres. */
  | 'NGO'
  /** Police districts and Kripos. */
  | 'POLICE';

/** Type of assistance (HTCDS support types plus Norway's own). */
export type AssistanceType =
  /** Counselling and follow-up. */
  | 'COUNSELLING'
  /** Financial support. */
  | 'FINANCIAL'
  /** Internship or work training. */
  | 'INTERNSHIP'
  /** Language classes. */
  | 'LANGUAGE_CLASSES'
  /** Legal aid. */
  | 'LEGAL'
  /** Medical care. */
  | 'MEDICAL'
  /** Any other assistance. */
  | 'OTHER'
  /** Psychological care. */
  | 'PSYCHOLOGICAL'
  /** Shelter or safe accommodation. */
  | 'SHELTER';

/** Outcome of an asylum application. */
export type AsylumOutcome =
  /** Protection granted. */
  | 'GRANTED'
  /** Application refused. */
  | 'REFUSED'
  /** Application withdrawn. */
  | 'WITHDRAWN';

/** A person's role in an investigation. */
export type CaseRoleKind =
  /** Suspect. */
  | 'SUSPECT'
  /** Victim. */
  | 'VICTIM'
  /** Witness. */
  | 'WITNESS';

/** Agencies a client may consent to share data with. */
export type ConsentAgency =
  /** Bufdir and the municipal Child Welfare Service. */
  | 'CHILD_WELFARE'
  /** The coordinating unit for victims of trafficking (KOM). */
  | 'COORDINATING_UNIT'
  /** UDI, the Directorate of Immigration. */
  | 'IMMIGRATION'
  /** The NRM registry. */
  | 'NRM'
  /** Police districts and Kripos. */
  | 'POLICE';

/** Kind of detention. */
export type CustodyKind =
  /** Police custody. */
  | 'CUSTODY'
  /** Prison (remand or sentence). */
  | 'PRISON';

/** Type of exploitation (HTCDS, plus forced criminality which Norway's cases include). */
export type ExploitationType =
  /** Child labour. */
  | 'CHILD_LABOUR'
  /** Forced adoption. */
  | 'FORCED_ADOPTION'
  /** Forced begging. */
  | 'FORCED_BEGGING'
  /** Forced criminality (HTCDS files it under other). */
  | 'FORCED_CRIMINALITY'
  /** Forced labour. */
  | 'FORCED_LABOUR'
  /** Forced marriage. */
  | 'FORCED_MARRIAGE'
  /** Forced military service. */
  | 'FORCED_MILITARY_SERVICE'
  /** Organ removal. */
  | 'ORGAN_REMOVAL'
  /** Another type of exploitation. */
  | 'OTHER'
  /** Servitude. */
  | 'SERVITUDE'
  /** Sexual exploitation. */
  | 'SEXUAL_EXPLOITATION'
  /** Surrogacy. */
  | 'SURROGACY';

/** Gender as HTCDS `prs_Gender`. */
export type Gender =
  /** Feminine. */
  | 'FEMININE'
  /** Masculine. */
  | 'MASCULINE'
  /** Non-conforming. */
  | 'NON_CONFORMING'
  /** Transgender feminine. */
  | 'TRANSGENDER_FEMININE'
  /** Transgender masculine. */
  | 'TRANSGENDER_MASCULINE'
  /** Not specified or unknown. */
  | 'UNKNOWN';

/** State of an investigation. */
export type InvestigationStatus =
  /** Closed (dropped or decided). */
  | 'CLOSED'
  /** Being investigated. */
  | 'OPEN'
  /** Charged and before the courts. */
  | 'PROSECUTED';

/** State of a link review. */
export type LinkReviewState =
  /** Same person: the victims were merged. */
  | 'CONFIRMED'
  /** Waiting for a decision. */
  | 'OPEN'
  /** Different persons: kept apart. */
  | 'REJECTED';

/** Kind of measure the Child Welfare Service took. */
export type MeasureKind =
  /** Tracing of family members. */
  | 'FAMILY_TRACING'
  /** A guardian (representative) was appointed. */
  | 'GUARDIAN_APPOINTED'
  /** Health care. */
  | 'HEALTH'
  /** Legal aid. */
  | 'LEGAL_AID'
  /** Any other measure. */
  | 'OTHER'
  /** School or education. */
  | 'SCHOOL';

/** Offence an investigation is opened or prosecuted under. */
export type Offence =
  /** Penal Code §258, aggravated human trafficking. */
  | 'AGGRAVATED_TRAFFICKING_258'
  /** An immigration-law offence. */
  | 'IMMIGRATION_OFFENCE'
  /** A labour-law offence. */
  | 'LABOUR_OFFENCE'
  /** Any other offence. */
  | 'OTHER'
  /** Pimping (§315). */
  | 'PIMPING'
  /** Penal Code §257, human trafficking. */
  | 'TRAFFICKING_257';

/** Kind of residence permit. */
export type PermitKind =
  /** Permit on strong humanitarian grounds. */
  | 'HUMANITARIAN'
  /** Limited permit for a trafficking victim, up to 12 months at a time and renewable. */
  | 'LIMITED_TRAFFICKING'
  /** Protection (asylum) permit. */
  | 'PROTECTION'
  /** Permit for a witness in a trafficking case. */
  | 'WITNESS';

/** Kind of placement outside the home. */
export type PlacementKind =
  /** An emergency placement. */
  | 'EMERGENCY'
  /** A foster home. */
  | 'FOSTER_CARE'
  /** A child welfare institution. */
  | 'INSTITUTION';

/** Referral lifecycle: SENT, then ACCEPTED or DECLINED; an accepted referral is later COMPLETED. */
export type ReferralState =
  /** Accepted by the receiver. */
  | 'ACCEPTED'
  /** Assistance given; closed. */
  | 'COMPLETED'
  /** Declined by the receiver. */
  | 'DECLINED'
  /** Sent, not yet answered. */
  | 'SENT';

/** Where a referral sends a person. */
export type ReferralTarget =
  /** The Child Welfare Service. */
  | 'CHILD_WELFARE'
  /** Health care. */
  | 'HEALTH'
  /** UDI, for a reflection period. */
  | 'IMMIGRATION_REFLECTION_PERIOD'
  /** Legal aid. */
  | 'LEGAL_AID'
  /** An NGO shelter or safe house. */
  | 'NGO_SHELTER'
  /** The police, to report or to give evidence. */
  | 'POLICE';

/** State of a return proceeding. */
export type ReturnStatus =
  /** The return was called off. */
  | 'CANCELLED'
  /** The person has left or was returned. */
  | 'CARRIED_OUT'
  /** Return planned for the departure date. */
  | 'PLANNED';

/** Who decided the trafficking status (HTCDS `StatusDecidedBy`). */
export type StatusDecidedBy =
  /** A court or the prosecution authority. */
  | 'COURT_OR_PROSECUTION'
  /** A non-governmental organisation. */
  | 'NGO'
  /** A government body other than the police (UDI, child welfare). */
  | 'NON_POLICE_GOVERNMENT'
  /** Anyone else. */
  | 'OTHER'
  /** The police. */
  | 'POLICE';

/** Trafficking status an agency asserts (HTCDS `TraffickingStatus`). */
export type TraffickingStatus =
  /** Identified victim: a competent authority decided. */
  | 'ACTUAL'
  /** Assessed and found not to be a victim. */
  | 'NOT_A_VICTIM'
  /** Presumed victim: indications of trafficking, not yet decided by a competent authority. */
  | 'POSSIBLE';

/** Kind of change to which registrations make up a victim. */
export type VictimEventKind =
  /** Two victims were found to be one person. */
  | 'MERGE'
  /** Registrations were split off into another victim. */
  | 'SPLIT';

export type VictimsPageQueryVariables = Exact<{
  first: number;
  after?: string | number | null | undefined;
}>;


export type VictimsPageQuery = { victims: Array<{ id: string, highestStatus: TraffickingStatus, registeringAgencies: Array<Agency>, firstRegisteredAt: string }> };

export type VictimViewQueryVariables = Exact<{
  id: string | number;
}>;


export type VictimViewQuery = { victim: { id: string, highestStatus: TraffickingStatus, registeringAgencies: Array<Agency>, firstRegisteredAt: string, mergedIds: Array<string>, registrations: Array<{ id: string, agency: Agency, status: TraffickingStatus, decidedBy: StatusDecidedBy, decidedOn: string, exploitationTypes: Array<ExploitationType>, matchedExisting: boolean, registeredAt: string } | null>, referrals: Array<{ id: string, fromAgency: Agency, target: ReferralTarget, state: ReferralState, sentAt: string, answeredAt: string | null, completedAt: string | null }>, history: Array<{ id: string, kind: VictimEventKind, otherVictimId: string, at: string }>, police: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, status: TraffickingStatus, decidedBy: StatusDecidedBy, exploitationTypes: Array<ExploitationType>, recordedAt: string, caseRoles: Array<{ role: CaseRoleKind, investigation: { id: string, reference: string, offence: Offence, prosecutedAs: Offence | null, status: InvestigationStatus, openedAt: string, convictedAt: string | null } }>, custodyStays: Array<{ id: string, kind: CustodyKind, facility: string, startedAt: string, endedAt: string | null }>, compensationOrders: Array<{ id: string, amountNok: number, orderedAt: string, paidAt: string | null }> }> | null, immigration: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, dufNumber: string | null, eeaCitizen: boolean, status: TraffickingStatus, decidedBy: StatusDecidedBy, recordedAt: string, reflectionPeriods: Array<{ id: string, grantedAt: string, endsAt: string }>, residencePermits: Array<{ id: string, kind: PermitKind, grantedAt: string, validUntil: string }>, asylumDecisions: Array<{ id: string, outcome: AsylumOutcome, decidedAt: string }>, returnProceedings: Array<{ id: string, departureDate: string, screened: boolean, status: ReturnStatus }> }> | null, childWelfare: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, municipality: string, ageAssessment: AgeAssessment, unaccompanied: boolean, guardianName: string | null, status: TraffickingStatus, openedAt: string, placements: Array<{ id: string, kind: PlacementKind, startedAt: string, plannedEndAt: string, endedAt: string | null }>, measures: Array<{ id: string, kind: MeasureKind, takenAt: string }> }> | null, assistance: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, status: TraffickingStatus, recordedAt: string, organisation: { id: string, name: string }, assistanceEpisodes: Array<{ id: string, type: AssistanceType, startedAt: string, endedAt: string | null }>, consents: Array<{ id: string, agency: ConsentAgency, givenAt: string, withdrawnAt: string | null }> } | null> | null } | null };

export type OpenLinkReviewsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenLinkReviewsQuery = { linkReviews: Array<{ id: string, state: LinkReviewState, score: number, createdAt: string, registration: { id: string, agency: Agency, status: TraffickingStatus, decidedOn: string, exploitationTypes: Array<ExploitationType> }, victim: { id: string, registeringAgencies: Array<Agency>, highestStatus: TraffickingStatus }, candidate: { id: string, registeringAgencies: Array<Agency>, highestStatus: TraffickingStatus } }> };

export type ConfirmLinkReviewMutationVariables = Exact<{
  id: string | number;
}>;


export type ConfirmLinkReviewMutation = { confirmLinkReview: { id: string, state: LinkReviewState, decidedBy: string | null, decidedAt: string | null, victim: { id: string }, candidate: { id: string } } };

export type RejectLinkReviewMutationVariables = Exact<{
  id: string | number;
}>;


export type RejectLinkReviewMutation = { rejectLinkReview: { id: string, state: LinkReviewState, decidedBy: string | null, decidedAt: string | null, victim: { id: string }, candidate: { id: string } } };

export type VictimAuditTrailQueryVariables = Exact<{
  id: string | number;
}>;


export type VictimAuditTrailQuery = { auditVictim: { id: string, mergeCluster: Array<{ id: string, nrmAuditTrail: Array<{ at: string, subject: string, agency: string, roles: Array<string>, purpose: string | null, requestId: string, operation: string | null, fields: Array<string> }> | null, policeAuditTrail: Array<{ at: string, subject: string, agency: string, roles: Array<string>, purpose: string | null, requestId: string, operation: string | null, fields: Array<string> }> | null, immigrationAuditTrail: Array<{ at: string, subject: string, agency: string, roles: Array<string>, purpose: string | null, requestId: string, operation: string | null, fields: Array<string> }> | null, childWelfareAuditTrail: Array<{ at: string, subject: string, agency: string, roles: Array<string>, purpose: string | null, requestId: string, operation: string | null, fields: Array<string> }> | null, ngoAuditTrail: Array<{ at: string, subject: string, agency: string, roles: Array<string>, purpose: string | null, requestId: string, operation: string | null, fields: Array<string> }> | null }> } | null };

export type AuditRecordFieldsFragment = { at: string, subject: string, agency: string, roles: Array<string>, purpose: string | null, requestId: string, operation: string | null, fields: Array<string> };

export const AuditRecordFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}}]} as unknown as DocumentNode<AuditRecordFieldsFragment, unknown>;
export const VictimsPageDocument = {"__meta__":{"hash":"sha256:3ff11f626aa5d995c517379a947223cf8e5c4b3972f6095e214e4f5689576faa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VictimsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"victims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegisteredAt"}}]}}]}}]} as unknown as DocumentNode<VictimsPageQuery, VictimsPageQueryVariables>;
export const VictimViewDocument = {"__meta__":{"hash":"sha256:875121a0d6bd5ebbf920088640944cf4d793647615a75ea717ec1891158f7ba2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VictimView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"victim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegisteredAt"}},{"kind":"Field","name":{"kind":"Name","value":"mergedIds"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"exploitationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"matchedExisting"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"otherVictimId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"police"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"exploitationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"caseRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"investigation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"offence"}},{"kind":"Field","name":{"kind":"Name","value":"prosecutedAs"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"convictedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"custodyStays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"facility"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compensationOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountNok"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"dufNumber"}},{"kind":"Field","name":{"kind":"Name","value":"eeaCitizen"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reflectionPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residencePermits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asylumDecisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnProceedings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"departureDate"}},{"kind":"Field","name":{"kind":"Name","value":"screened"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"ageAssessment"}},{"kind":"Field","name":{"kind":"Name","value":"unaccompanied"}},{"kind":"Field","name":{"kind":"Name","value":"guardianName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"placements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedEndAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"takenAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistanceEpisodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VictimViewQuery, VictimViewQueryVariables>;
export const OpenLinkReviewsDocument = {"__meta__":{"hash":"sha256:17b865ba254e4c104f18cae4b1bdcc2740200cdd1e1bd99fe11bbe388d851f70"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenLinkReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"exploitationTypes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}}]}}]}}]}}]} as unknown as DocumentNode<OpenLinkReviewsQuery, OpenLinkReviewsQueryVariables>;
export const ConfirmLinkReviewDocument = {"__meta__":{"hash":"sha256:5efaaffebaba182742beb69d8057f00dbe6aa69b32bf0a7a10b7ffb5b1fbfe79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmLinkReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmLinkReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmLinkReviewMutation, ConfirmLinkReviewMutationVariables>;
export const RejectLinkReviewDocument = {"__meta__":{"hash":"sha256:e3fbf745488471fdeb916f40add7d3598487eed41fb34e1bebad27fc71d48285"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectLinkReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectLinkReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RejectLinkReviewMutation, RejectLinkReviewMutationVariables>;
export const VictimAuditTrailDocument = {"__meta__":{"hash":"sha256:7be110b6b7ca1bbb9ac48c86367d3055603bc36b404bb129d43cedef2ff70325"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VictimAuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditVictim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mergeCluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nrmAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policeAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfareAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ngoAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}}]} as unknown as DocumentNode<VictimAuditTrailQuery, VictimAuditTrailQueryVariables>;