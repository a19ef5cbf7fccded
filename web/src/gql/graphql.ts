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

/** What raised an alert. */
export type AlertKind =
  /** A return (deportation) check matched a registered potential victim or an open-case victim or witness. */
  | 'RETURN_CHECK_HIT';

/** Why an alert was raised; never another agency's details. */
export type AlertReason =
  /**
   * The coordinating unit holds information on the person that is shared only with the person's consent (an NGO's
   * registration): ask the coordinating unit before going on.
   */
  | 'ASK_COORDINATING_UNIT'
  /** The person is a victim in an open police trafficking investigation. */
  | 'OPEN_CASE_VICTIM'
  /** The person is a witness in an open police trafficking investigation. */
  | 'OPEN_CASE_WITNESS'
  /** The person is registered with the NRM as a potential victim (POSSIBLE or ACTUAL) by some agency. */
  | 'REGISTERED_POTENTIAL_VICTIM';

/** Where an alert is in its work: OPEN, then ACKNOWLEDGED, then CLOSED (or OPEN straight to CLOSED). */
export type AlertState =
  /** A named caseworker has taken it. */
  | 'ACKNOWLEDGED'
  /** Dealt with; the note says how. */
  | 'CLOSED'
  /** Raised, nobody has taken it yet. */
  | 'OPEN';

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

/** How far a case got under the other offence. */
export type ClassificationStage =
  /** Investigated as the other offence. */
  | 'INVESTIGATED'
  /** Prosecuted as the other offence. */
  | 'PROSECUTED';

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

/** What falls due. */
export type DeadlineKind =
  /** A limited residence permit for a trafficking victim ends. */
  | 'LIMITED_PERMIT_ENDS'
  /** A child placement reaches six months. */
  | 'PLACEMENT_SIX_MONTHS'
  /** A reflection period (6 months) ends. */
  | 'REFLECTION_PERIOD_ENDS';

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

/** Who identified persons. */
export type IdentifyingSector =
  /** Government bodies: the police, UDI and child welfare. */
  | 'GOVERNMENT'
  /** Government-funded NGOs and municipal crisis centres. */
  | 'NGO';

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

/** A field the match model compares. */
export type MatchField =
  /** Citizenships. */
  | 'CITIZENSHIP'
  /** Birth date or year. */
  | 'DATE'
  /** Name tokens (given, family, aliases), order-free. */
  | 'NAME'
  /** Sex. */
  | 'SEX';

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

/** Why a person held in custody or prison is flagged. */
export type NonPunishmentReason =
  /** The police registered the person as a potential victim (POSSIBLE or ACTUAL). */
  | 'REGISTERED_POTENTIAL_VICTIM'
  /** A police screening of the person found indications of trafficking. */
  | 'SCREENING_WITH_INDICATIONS';

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

/** The screening before return, by the latest NRM check. */
export type ReturnCheckStatus =
  /** Checked: the alert was closed as of the latest check. */
  | 'ALERT_CLOSED'
  /** Checked: an alert is open (or acknowledged) as of the latest check. */
  | 'ALERT_OPEN'
  /** Checked: no match. */
  | 'CLEAR'
  /** No NRM check yet: flagged; the return cannot be executed without an override. */
  | 'NOT_CHECKED';

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

/** A person's age group when an agency first decided on them. */
export type VictimAgeGroup =
  /** 18 or over. */
  | 'ADULT'
  /** Under 18 (by birth year). */
  | 'CHILD'
  /** No birth year recorded. */
  | 'UNKNOWN';

/** Kind of change to which registrations make up a victim. */
export type VictimEventKind =
  /** Two victims were found to be one person. */
  | 'MERGE'
  /** Registrations were split off into another victim. */
  | 'SPLIT';

/**
 * Narrows `victims`. Every condition reads only the registrations the caller may
 * see (an NGO's registration only for that NGO and the coordinating unit), so a
 * filter reveals nothing the list itself would not; the conditions combine with AND.
 */
export type VictimFilter = {
  /**
   * The age group at the first decision, from the birth years of the caller's own agency's registrations (every
   * registration for the coordinating unit): which persons are children is the child coordination view's to give.
   */
  ageGroup?: VictimAgeGroup | null | undefined;
  /** A registration by this agency. */
  agency?: Agency | null | undefined;
  /** The highest status among the registrations the caller may see (as `Victim.highestStatus`). */
  status?: TraffickingStatus | null | undefined;
  /** A registration decided in this calendar year (1990 to 2100); with `agency`, a registration by that agency that year. */
  year?: number | null | undefined;
};

/** A trafficking victim's right that a case classification does not take away. */
export type VictimRight =
  /** Assistance (shelter, legal, health, ...). */
  | 'ASSISTANCE'
  /** The limited residence permit for trafficking victims. */
  | 'LIMITED_RESIDENCE_PERMIT'
  /** Not to be punished for crimes the person was forced to commit. */
  | 'NON_PUNISHMENT'
  /** The six-month reflection period. */
  | 'REFLECTION_PERIOD';

export type VictimsPageQueryVariables = Exact<{
  first: number;
  after?: string | number | null | undefined;
  filter?: VictimFilter | null | undefined;
}>;


export type VictimsPageQuery = { victims: Array<{ id: string, highestStatus: TraffickingStatus | null, registeringAgencies: Array<Agency>, firstRegisteredAt: string | null }> };

export type VictimViewQueryVariables = Exact<{
  id: string | number;
}>;


export type VictimViewQuery = { victim: { id: string, highestStatus: TraffickingStatus | null, registeringAgencies: Array<Agency>, firstRegisteredAt: string | null, mergedIds: Array<string>, registrations: Array<{ id: string, agency: Agency, status: TraffickingStatus, decidedBy: StatusDecidedBy, decidedOn: string, exploitationTypes: Array<ExploitationType>, matchedExisting: boolean, registeredAt: string } | null>, referrals: Array<{ id: string, fromAgency: Agency, target: ReferralTarget, state: ReferralState, sentAt: string, answeredAt: string | null, completedAt: string | null } | null>, history: Array<{ id: string, kind: VictimEventKind, otherVictimId: string, at: string }>, police: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, status: TraffickingStatus, decidedBy: StatusDecidedBy, exploitationTypes: Array<ExploitationType>, recordedAt: string, caseRoles: Array<{ role: CaseRoleKind, investigation: { id: string, reference: string, offence: Offence, prosecutedAs: Offence | null, status: InvestigationStatus, openedAt: string, convictedAt: string | null } }>, custodyStays: Array<{ id: string, kind: CustodyKind, facility: string, startedAt: string, endedAt: string | null }>, compensationOrders: Array<{ id: string, amountNok: number, orderedAt: string, paidAt: string | null }> }> | null, immigration: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, dufNumber: string | null, eeaCitizen: boolean, status: TraffickingStatus, decidedBy: StatusDecidedBy, recordedAt: string, reflectionPeriods: Array<{ id: string, grantedAt: string, endsAt: string }>, residencePermits: Array<{ id: string, kind: PermitKind, grantedAt: string, validUntil: string }>, asylumDecisions: Array<{ id: string, outcome: AsylumOutcome, decidedAt: string }>, returnProceedings: Array<{ id: string, departureDate: string, screened: boolean, status: ReturnStatus }> }> | null, childWelfare: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, municipality: string, ageAssessment: AgeAssessment, unaccompanied: boolean, guardianName: string | null, status: TraffickingStatus, openedAt: string, placements: Array<{ id: string, kind: PlacementKind, startedAt: string, plannedEndAt: string, endedAt: string | null }>, measures: Array<{ id: string, kind: MeasureKind, takenAt: string }> }> | null, assistance: Array<{ id: string, givenNames: string, familyName: string, birthYear: number | null, gender: Gender, citizenships: Array<string>, status: TraffickingStatus, recordedAt: string, organisation: { id: string, name: string }, assistanceEpisodes: Array<{ id: string, type: AssistanceType, startedAt: string, endedAt: string | null }>, consents: Array<{ id: string, agency: ConsentAgency, givenAt: string, withdrawnAt: string | null }> } | null> | null } | null };

export type OpenLinkReviewsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenLinkReviewsQuery = { linkReviews: Array<{ id: string, state: LinkReviewState, score: number, matchWeight: number, createdAt: string, fields: Array<{ field: MatchField, level: string, weight: number }>, registration: { id: string, agency: Agency, status: TraffickingStatus, decidedOn: string, exploitationTypes: Array<ExploitationType> }, victim: { id: string, registeringAgencies: Array<Agency>, highestStatus: TraffickingStatus | null }, candidate: { id: string, registeringAgencies: Array<Agency>, highestStatus: TraffickingStatus | null } }> };

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

export type StatisticsPageQueryVariables = Exact<{
  year: number;
  previous: number;
}>;


export type StatisticsPageQuery = { statistics: { year: number, compareTo: { year: number, registrations: { value: number | null, suppressed: boolean }, duplicates: { value: number | null, suppressed: boolean }, persons: { count: { value: number | null, suppressed: boolean }, lowerBound: { value: number | null, suppressed: boolean }, upperBound: { value: number | null, suppressed: boolean }, openLinkReviews: { value: number | null, suppressed: boolean } }, byRegisteringAgency: Array<{ agency: Agency, registrations: { value: number | null, suppressed: boolean }, persons: { value: number | null, suppressed: boolean }, duplicates: { value: number | null, suppressed: boolean } }>, identifiedBy: Array<{ sector: IdentifyingSector, persons: { value: number | null, suppressed: boolean }, byAgeGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean } }> }>, personsByStatus: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByExploitation: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByGender: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByAgeGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByCitizenshipArea: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByCitizenship: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, police: { victimsPaidCompensation: { value: number | null, suppressed: boolean }, compensationPaidNok: { value: number | null, suppressed: boolean }, victimsInCustodyOrPrison: { value: number | null, suppressed: boolean } } | null, immigration: { reflectionPeriods: { value: number | null, suppressed: boolean }, residencePermitsByKind: Array<{ key: string, count: { value: number | null, suppressed: boolean } }> } | null, childWelfare: { childVictimsAssisted: { value: number | null, suppressed: boolean } } | null, ngo: { personsAssisted: { value: number | null, suppressed: boolean } } | null } | null, registrations: { value: number | null, suppressed: boolean }, duplicates: { value: number | null, suppressed: boolean }, persons: { count: { value: number | null, suppressed: boolean }, lowerBound: { value: number | null, suppressed: boolean }, upperBound: { value: number | null, suppressed: boolean }, openLinkReviews: { value: number | null, suppressed: boolean } }, byRegisteringAgency: Array<{ agency: Agency, registrations: { value: number | null, suppressed: boolean }, persons: { value: number | null, suppressed: boolean }, duplicates: { value: number | null, suppressed: boolean } }>, identifiedBy: Array<{ sector: IdentifyingSector, persons: { value: number | null, suppressed: boolean }, byAgeGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean } }> }>, personsByStatus: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByExploitation: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByGender: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByAgeGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByCitizenshipArea: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByCitizenship: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, police: { victimsPaidCompensation: { value: number | null, suppressed: boolean }, compensationPaidNok: { value: number | null, suppressed: boolean }, victimsInCustodyOrPrison: { value: number | null, suppressed: boolean } } | null, immigration: { reflectionPeriods: { value: number | null, suppressed: boolean }, residencePermitsByKind: Array<{ key: string, count: { value: number | null, suppressed: boolean } }> } | null, childWelfare: { childVictimsAssisted: { value: number | null, suppressed: boolean } } | null, ngo: { personsAssisted: { value: number | null, suppressed: boolean } } | null } | null };

export type StatisticsFiguresFragment = { year: number, registrations: { value: number | null, suppressed: boolean }, duplicates: { value: number | null, suppressed: boolean }, persons: { count: { value: number | null, suppressed: boolean }, lowerBound: { value: number | null, suppressed: boolean }, upperBound: { value: number | null, suppressed: boolean }, openLinkReviews: { value: number | null, suppressed: boolean } }, byRegisteringAgency: Array<{ agency: Agency, registrations: { value: number | null, suppressed: boolean }, persons: { value: number | null, suppressed: boolean }, duplicates: { value: number | null, suppressed: boolean } }>, identifiedBy: Array<{ sector: IdentifyingSector, persons: { value: number | null, suppressed: boolean }, byAgeGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean } }> }>, personsByStatus: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByExploitation: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByGender: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByAgeGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByCitizenshipArea: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, personsByCitizenship: Array<{ key: string, count: { value: number | null, suppressed: boolean } }>, police: { victimsPaidCompensation: { value: number | null, suppressed: boolean }, compensationPaidNok: { value: number | null, suppressed: boolean }, victimsInCustodyOrPrison: { value: number | null, suppressed: boolean } } | null, immigration: { reflectionPeriods: { value: number | null, suppressed: boolean }, residencePermitsByKind: Array<{ key: string, count: { value: number | null, suppressed: boolean } }> } | null, childWelfare: { childVictimsAssisted: { value: number | null, suppressed: boolean } } | null, ngo: { personsAssisted: { value: number | null, suppressed: boolean } } | null };

export type AlertsListQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertsListQuery = { alerts: Array<{ id: string, kind: AlertKind, state: AlertState, victimId: string, reasons: Array<AlertReason>, contactAgencies: Array<Agency>, raisedFor: Agency, subjectRef: string, raisedAt: string, acknowledgedBy: string | null, acknowledgedAt: string | null, closedBy: string | null, closedAt: string | null, closeNote: string | null }> };

export type OpenAlertCountQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenAlertCountQuery = { alerts: Array<{ id: string }> };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, state: AlertState, acknowledgedBy: string | null, acknowledgedAt: string | null } };

export type CloseAlertMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type CloseAlertMutation = { closeAlert: { id: string, state: AlertState, closedBy: string | null, closedAt: string | null, closeNote: string | null } };

export type UpcomingReturnsQueryVariables = Exact<{
  withinDays: number;
}>;


export type UpcomingReturnsQuery = { upcomingReturns: Array<{ id: string, victimId: string | null, departureDate: string, status: ReturnStatus, checkStatus: ReturnCheckStatus }> };

export type CustodyFlagsQueryVariables = Exact<{ [key: string]: never; }>;


export type CustodyFlagsQuery = { nonPunishmentFlags: Array<{ reasons: Array<NonPunishmentReason>, registrationOffered: boolean, person: { id: string, victimId: string | null }, victim: { id: string } | null, stay: { kind: CustodyKind, startedAt: string } }> };

export type ClassificationMismatchesQueryVariables = Exact<{ [key: string]: never; }>;


export type ClassificationMismatchesQuery = { classificationMismatchFlags: Array<{ person: { id: string, victimId: string | null }, victim: { id: string } | null, mismatch: { offence: Offence, stage: ClassificationStage, rightsKept: Array<VictimRight>, investigation: { id: string, reference: string } } }> };

export type ImmigrationDeadlinesQueryVariables = Exact<{
  withinDays: number;
}>;


export type ImmigrationDeadlinesQuery = { immigrationDeadlines: Array<{ kind: DeadlineKind, victimId: string | null, recordId: string, dueOn: string, daysLeft: number }> };

export type ChildWelfareDeadlinesQueryVariables = Exact<{
  withinDays: number;
}>;


export type ChildWelfareDeadlinesQuery = { childWelfareDeadlines: Array<{ kind: DeadlineKind, victimId: string | null, recordId: string, dueOn: string, daysLeft: number }> };

export type ChildCoordinationQueryVariables = Exact<{
  withinDays: number;
}>;


export type ChildCoordinationQuery = { childVictims: Array<{ id: string, registeringAgencies: Array<Agency>, highestStatus: TraffickingStatus | null, childWelfare: Array<{ id: string, ageAssessment: AgeAssessment, unaccompanied: boolean, guardianName: string | null, municipality: string, placements: Array<{ id: string, kind: PlacementKind, startedAt: string, plannedEndAt: string, endedAt: string | null }> }> | null, police: Array<{ id: string, caseRoles: Array<{ role: CaseRoleKind, investigation: { id: string, offence: Offence, prosecutedAs: Offence | null, status: InvestigationStatus } }> }> | null, immigration: Array<{ id: string, reflectionPeriods: Array<{ id: string, endsAt: string }>, residencePermits: Array<{ id: string, kind: PermitKind, validUntil: string }>, returnProceedings: Array<{ id: string, departureDate: string, checkStatus: ReturnCheckStatus }> }> | null, assistance: Array<{ id: string, organisation: { id: string, name: string }, assistanceEpisodes: Array<{ id: string, type: AssistanceType, startedAt: string, endedAt: string | null }> } | null> | null, openReferrals: Array<{ id: string, fromAgency: Agency, target: ReferralTarget, state: ReferralState, sentAt: string } | null>, alerts: Array<{ id: string, state: AlertState, reasons: Array<AlertReason>, contactAgencies: Array<Agency> }>, immigrationDeadlines: Array<{ kind: DeadlineKind, recordId: string, dueOn: string, daysLeft: number }> | null, childWelfareDeadlines: Array<{ kind: DeadlineKind, recordId: string, dueOn: string, daysLeft: number }> | null }> };

export const AuditRecordFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}}]} as unknown as DocumentNode<AuditRecordFieldsFragment, unknown>;
export const StatisticsFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowerBound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upperBound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openLinkReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegisteringAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identifiedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAgeGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByExploitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByGender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByAgeGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByCitizenshipArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByCitizenship"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"police"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"victimsPaidCompensation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compensationPaidNok"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"victimsInCustodyOrPrison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reflectionPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residencePermitsByKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childVictimsAssisted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ngo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personsAssisted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsFiguresFragment, unknown>;
export const VictimsPageDocument = {"__meta__":{"hash":"sha256:9b307275c6ed2a682568110a0356c8ff71a0fa7a522735c67838ede04f62d5fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VictimsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VictimFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"victims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegisteredAt"}}]}}]}}]} as unknown as DocumentNode<VictimsPageQuery, VictimsPageQueryVariables>;
export const VictimViewDocument = {"__meta__":{"hash":"sha256:875121a0d6bd5ebbf920088640944cf4d793647615a75ea717ec1891158f7ba2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VictimView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"victim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegisteredAt"}},{"kind":"Field","name":{"kind":"Name","value":"mergedIds"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"exploitationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"matchedExisting"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"otherVictimId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"police"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"exploitationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"caseRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"investigation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"offence"}},{"kind":"Field","name":{"kind":"Name","value":"prosecutedAs"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"convictedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"custodyStays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"facility"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compensationOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountNok"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"dufNumber"}},{"kind":"Field","name":{"kind":"Name","value":"eeaCitizen"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reflectionPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residencePermits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asylumDecisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnProceedings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"departureDate"}},{"kind":"Field","name":{"kind":"Name","value":"screened"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"ageAssessment"}},{"kind":"Field","name":{"kind":"Name","value":"unaccompanied"}},{"kind":"Field","name":{"kind":"Name","value":"guardianName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"placements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedEndAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"takenAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistanceEpisodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VictimViewQuery, VictimViewQueryVariables>;
export const OpenLinkReviewsDocument = {"__meta__":{"hash":"sha256:34f248cc0dfe4091bc004172f948ad5d0bf852ca2cf96e77137a2835e9bd88b0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenLinkReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"matchWeight"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"exploitationTypes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}}]}}]}}]}}]} as unknown as DocumentNode<OpenLinkReviewsQuery, OpenLinkReviewsQueryVariables>;
export const ConfirmLinkReviewDocument = {"__meta__":{"hash":"sha256:5efaaffebaba182742beb69d8057f00dbe6aa69b32bf0a7a10b7ffb5b1fbfe79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmLinkReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmLinkReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmLinkReviewMutation, ConfirmLinkReviewMutationVariables>;
export const RejectLinkReviewDocument = {"__meta__":{"hash":"sha256:e3fbf745488471fdeb916f40add7d3598487eed41fb34e1bebad27fc71d48285"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectLinkReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectLinkReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RejectLinkReviewMutation, RejectLinkReviewMutationVariables>;
export const VictimAuditTrailDocument = {"__meta__":{"hash":"sha256:7be110b6b7ca1bbb9ac48c86367d3055603bc36b404bb129d43cedef2ff70325"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VictimAuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditVictim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mergeCluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nrmAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policeAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfareAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ngoAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}}]} as unknown as DocumentNode<VictimAuditTrailQuery, VictimAuditTrailQueryVariables>;
export const StatisticsPageDocument = {"__meta__":{"hash":"sha256:830cb9265c709b7e7e52834572bd654e80ca0bbb08b74d05862d2a43f9672e2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"previous"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFigures"}},{"kind":"Field","name":{"kind":"Name","value":"compareTo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"previous"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowerBound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upperBound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openLinkReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegisteringAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identifiedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAgeGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByExploitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByGender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByAgeGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByCitizenshipArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"personsByCitizenship"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"police"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"victimsPaidCompensation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compensationPaidNok"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"victimsInCustodyOrPrison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reflectionPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residencePermitsByKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childVictimsAssisted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ngo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personsAssisted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsPageQuery, StatisticsPageQueryVariables>;
export const AlertsListDocument = {"__meta__":{"hash":"sha256:b1de4f66457b3d404409ae047a25ed59666bef078ba53d915c6074f21fcbe4c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AlertsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"victimId"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"contactAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"raisedFor"}},{"kind":"Field","name":{"kind":"Name","value":"subjectRef"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedBy"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closeNote"}}]}}]}}]} as unknown as DocumentNode<AlertsListQuery, AlertsListQueryVariables>;
export const OpenAlertCountDocument = {"__meta__":{"hash":"sha256:956d72920ef35664f45bddf25f69dccc3517a7491023e842f6e0205532e3550e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenAlertCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OpenAlertCountQuery, OpenAlertCountQueryVariables>;
export const AcknowledgeAlertDocument = {"__meta__":{"hash":"sha256:ea97597fec81f5d0f0c92e5f1d55a7d1a667f8dc7622c6106e477fdd15b2db44"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]}}]} as unknown as DocumentNode<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const CloseAlertDocument = {"__meta__":{"hash":"sha256:a7217b4d6d25d2ce49e22e08cf336a4db1fff448888b294f2634679fcb3451d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"closedBy"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closeNote"}}]}}]}}]} as unknown as DocumentNode<CloseAlertMutation, CloseAlertMutationVariables>;
export const UpcomingReturnsDocument = {"__meta__":{"hash":"sha256:536fdc2af7f0a87fbe0aa5469b0e18dbc83920c4f000b2b0d2754674fd7ab435"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UpcomingReturns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upcomingReturns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"victimId"}},{"kind":"Field","name":{"kind":"Name","value":"departureDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checkStatus"}}]}}]}}]} as unknown as DocumentNode<UpcomingReturnsQuery, UpcomingReturnsQueryVariables>;
export const CustodyFlagsDocument = {"__meta__":{"hash":"sha256:cd4e84e49465d06e6f5ba6efff0a8899f9bf1673221644c5bb507976c98b2001"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustodyFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nonPunishmentFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"victimId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"registrationOffered"}}]}}]}}]} as unknown as DocumentNode<CustodyFlagsQuery, CustodyFlagsQueryVariables>;
export const ClassificationMismatchesDocument = {"__meta__":{"hash":"sha256:2a1e1549250a1440bfe787fdd5eaa2b449a455aafa059118e4d7565606c0879e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassificationMismatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classificationMismatchFlags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"victimId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mismatch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"investigation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offence"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"rightsKept"}}]}}]}}]}}]} as unknown as DocumentNode<ClassificationMismatchesQuery, ClassificationMismatchesQueryVariables>;
export const ImmigrationDeadlinesDocument = {"__meta__":{"hash":"sha256:b54179ac3f3f438caf58946d089abd3a6c2c1a492935b937f87d74da2b1e678c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImmigrationDeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"immigrationDeadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"victimId"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}}]}}]} as unknown as DocumentNode<ImmigrationDeadlinesQuery, ImmigrationDeadlinesQueryVariables>;
export const ChildWelfareDeadlinesDocument = {"__meta__":{"hash":"sha256:a135849068bb5a1e594cb4cb798f021d01c75f22b9de679a371fc9bae6bba7ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildWelfareDeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childWelfareDeadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"victimId"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}}]}}]} as unknown as DocumentNode<ChildWelfareDeadlinesQuery, ChildWelfareDeadlinesQueryVariables>;
export const ChildCoordinationDocument = {"__meta__":{"hash":"sha256:c86c4a8a8d4d6f63ff85996de05f1ee57ed9d9d923347d3cf314881e5cbf2bc9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildCoordination"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childVictims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registeringAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"highestStatus"}},{"kind":"Field","name":{"kind":"Name","value":"childWelfare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ageAssessment"}},{"kind":"Field","name":{"kind":"Name","value":"unaccompanied"}},{"kind":"Field","name":{"kind":"Name","value":"guardianName"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"placements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedEndAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"police"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"investigation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offence"}},{"kind":"Field","name":{"kind":"Name","value":"prosecutedAs"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reflectionPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residencePermits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnProceedings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"departureDate"}},{"kind":"Field","name":{"kind":"Name","value":"checkStatus"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistanceEpisodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"openReferrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"contactAgencies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationDeadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"childWelfareDeadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}}]}}]}}]} as unknown as DocumentNode<ChildCoordinationQuery, ChildCoordinationQueryVariables>;