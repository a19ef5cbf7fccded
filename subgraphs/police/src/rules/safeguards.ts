/**
 * The police's safeguard rules, as pure functions over the police's own
 * records (no database): the classification mismatch, the open-case roles
 * the NRM is told about, and the non-punishment flag.
 */

/** Penal Code §257 and §258: the offences that make an investigation a trafficking case. */
export const TRAFFICKING_OFFENCES: readonly string[] = ['TRAFFICKING_257', 'AGGRAVATED_TRAFFICKING_258'];
/** Investigation states in which a case is open (investigated or before the courts). */
export const OPEN_STATES: readonly string[] = ['OPEN', 'PROSECUTED'];
/** Statuses of a registered potential victim. */
const POTENTIAL_VICTIM: readonly string[] = ['POSSIBLE', 'ACTUAL'];

/** The rights a trafficking victim keeps whatever the case is prosecuted as. */
export const VICTIM_RIGHTS = ['REFLECTION_PERIOD', 'LIMITED_RESIDENCE_PERMIT', 'ASSISTANCE', 'NON_PUNISHMENT'] as const;

interface InvestigationFacts {
  offence: string;
  prosecutedAs: string | null;
  status: string;
}

/**
 * The classification mismatch of a registered victim's case: a person the
 * police registered as a potential victim (POSSIBLE or ACTUAL) with the role
 * VICTIM in an investigation that is prosecuted as (once prosecuted) or else
 * investigated as another offence than §257/§258 (pimping, say). Returns
 * the offence and the stage, or null when there is no mismatch. Closed cases
 * count too: the victim's rights do not lapse with the case.
 */
export function classificationMismatch(
  person: { status: string; victimId: string | null },
  role: string,
  investigation: InvestigationFacts,
): { offence: string; stage: 'INVESTIGATED' | 'PROSECUTED' } | null {
  if (!person.victimId || !POTENTIAL_VICTIM.includes(person.status) || role !== 'VICTIM') return null;
  const offence = investigation.prosecutedAs ?? investigation.offence;
  if (TRAFFICKING_OFFENCES.includes(offence)) return null;
  return { offence, stage: investigation.prosecutedAs ? 'PROSECUTED' : 'INVESTIGATED' };
}

/**
 * A person's roles (VICTIM, WITNESS) in open trafficking investigations:
 * opened or prosecuted under §257/§258 and not closed. This, with the
 * victim id, is all the NRM learns of police cases: no reference, district
 * or offence. Sorted, without repeats.
 */
export function openCaseRoles(roles: readonly { role: string; investigation: InvestigationFacts }[]): string[] {
  const open = roles.filter(
    (r) =>
      (r.role === 'VICTIM' || r.role === 'WITNESS') &&
      OPEN_STATES.includes(r.investigation.status) &&
      (TRAFFICKING_OFFENCES.includes(r.investigation.offence) || TRAFFICKING_OFFENCES.includes(r.investigation.prosecutedAs ?? '')),
  );
  return [...new Set(open.map((r) => r.role))].sort();
}

/** True while a custody or prison stay is ongoing on `day`: started, and not ended before it. */
export function stayOngoing(stay: { startedAt: string; endedAt: string | null }, day: string): boolean {
  return stay.startedAt <= day && (stay.endedAt === null || stay.endedAt >= day);
}

/**
 * The non-punishment flag: a person in custody or prison on `day` who is
 * registered as a potential victim, or has a screening with indications of
 * trafficking, may have been forced to commit the crime they are held for.
 * Returns the reasons, or null when not flagged.
 */
export function nonPunishmentReasons(
  person: { status: string; victimId: string | null; custodyStays: { startedAt: string; endedAt: string | null }[]; screenings: { indications: boolean }[] },
  day: string,
): string[] | null {
  if (!person.custodyStays.some((s) => stayOngoing(s, day))) return null;
  const reasons: string[] = [];
  if (person.victimId && POTENTIAL_VICTIM.includes(person.status)) reasons.push('REGISTERED_POTENTIAL_VICTIM');
  if (person.screenings.some((s) => s.indications)) reasons.push('SCREENING_WITH_INDICATIONS');
  return reasons.length ? reasons : null;
}
