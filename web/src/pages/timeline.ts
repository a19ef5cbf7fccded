import type { VictimViewQuery } from '../gql/graphql.ts';

type Victim = NonNullable<VictimViewQuery['victim']>;

/** One dated event of the cross-agency timeline. `what` is a message key or code plus details, rendered by the page. */
export interface TimelineEvent {
  at: string;
  agency: 'NRM' | 'POLICE' | 'IMMIGRATION' | 'CHILD_WELFARE' | 'NGO';
  kind: string;
  detail?: string;
}

/**
 * Every dated event in what the caller was allowed to see, across agencies,
 * oldest first. Refused parts contribute nothing (their markers show in the sections).
 */
export function timelineOf(v: Victim): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const push = (at: string | null | undefined, agency: TimelineEvent['agency'], kind: string, detail?: string) => {
    if (at) out.push(detail === undefined ? { at, agency, kind } : { at, agency, kind, detail });
  };
  for (const r of v.registrations ?? []) if (r) push(r.decidedOn, 'NRM', 'registration', `${r.agency}:${r.status}`);
  for (const r of v.referrals ?? []) {
    if (!r) continue;
    push(r.sentAt, 'NRM', 'referralSent', `${r.fromAgency}>${r.target}`);
    push(r.answeredAt, 'NRM', 'referralAnswered', `${r.target}:${r.state}`);
    push(r.completedAt, 'NRM', 'referralCompleted', r.target);
  }
  for (const h of v.history ?? []) push(h.at, 'NRM', 'history', h.kind);
  for (const p of v.police ?? []) {
    for (const c of p.caseRoles) push(c.investigation.openedAt, 'POLICE', 'investigationOpened', `${c.investigation.reference}:${c.role}`);
    for (const c of p.caseRoles) push(c.investigation.convictedAt, 'POLICE', 'convicted', c.investigation.reference);
    for (const s of p.custodyStays) {
      push(s.startedAt, 'POLICE', 'custodyStarted', s.kind);
      push(s.endedAt, 'POLICE', 'custodyEnded', s.kind);
    }
    for (const o of p.compensationOrders) {
      push(o.orderedAt, 'POLICE', 'compensationOrdered', String(o.amountNok));
      push(o.paidAt, 'POLICE', 'compensationPaid', String(o.amountNok));
    }
  }
  for (const a of v.immigration ?? []) {
    for (const r of a.reflectionPeriods) {
      push(r.grantedAt, 'IMMIGRATION', 'reflectionGranted');
      push(r.endsAt, 'IMMIGRATION', 'reflectionEnds');
    }
    for (const p of a.residencePermits) push(p.grantedAt, 'IMMIGRATION', 'permitGranted', p.kind);
    for (const d of a.asylumDecisions) push(d.decidedAt, 'IMMIGRATION', 'asylumDecided', d.outcome);
    for (const r of a.returnProceedings) push(r.departureDate, 'IMMIGRATION', 'returnPlanned', r.status);
  }
  for (const c of v.childWelfare ?? []) {
    push(c.openedAt, 'CHILD_WELFARE', 'childCaseOpened');
    for (const p of c.placements) {
      push(p.startedAt, 'CHILD_WELFARE', 'placementStarted', p.kind);
      push(p.endedAt ?? p.plannedEndAt, 'CHILD_WELFARE', p.endedAt ? 'placementEnded' : 'placementPlannedEnd', p.kind);
    }
    for (const m of c.measures) push(m.takenAt, 'CHILD_WELFARE', 'measureTaken', m.kind);
  }
  for (const n of v.assistance ?? []) {
    if (!n) continue;
    for (const e of n.assistanceEpisodes) {
      push(e.startedAt, 'NGO', 'assistanceStarted', e.type);
      push(e.endedAt, 'NGO', 'assistanceEnded', e.type);
    }
    for (const c of n.consents) {
      push(c.givenAt, 'NGO', 'consentGiven', c.agency);
      push(c.withdrawnAt, 'NGO', 'consentWithdrawn', c.agency);
    }
  }
  // Dates (YYYY-MM-DD) sort with timestamps by their first ten characters, then by full text.
  return out.sort((a, b) => a.at.slice(0, 10).localeCompare(b.at.slice(0, 10)) || a.at.localeCompare(b.at));
}
