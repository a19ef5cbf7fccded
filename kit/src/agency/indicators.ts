import { badInput } from '../runtime/errors.ts';

/**
 * The trafficking-indicator rule shared by the four agencies' screenings
 * (police, UDI, child welfare, NGOs): a pure function from what was observed
 * to "indications of trafficking: yes/no" with its reasons. Never typed in by
 * hand: the outcome is always recomputed from the observed indicators.
 *
 * Two instruments, each a catalogue of coded indicators:
 *
 * 1. **The ILO/European Commission operational indicators** (2009, adult
 *    victims of trafficking for labour exploitation), grouped in six
 *    elements, each indicator graded STRONG, MEDIUM or WEAK by the
 *    catalogue (`OPERATIONAL_INDICATORS`; codes `<ELEMENT>_<NAME>`, e.g.
 *    `DR_JOB_NATURE`):
 *    - DR deceptive recruitment, CR coercive recruitment, RV recruitment by
 *      abuse of vulnerability (the *act*, recruitment and transport, and the
 *      *means* used for it);
 *    - EC exploitative conditions (the *purpose*, exploitation);
 *    - CD coercion at destination, VD abuse of vulnerability at destination
 *      (the *means* that keep the person there).
 *
 *    **An element is positive** (ILO/EC rule) when its observed indicators
 *    are at least: two strong; or one strong and one medium or weak; or
 *    three medium; or two medium and one weak.
 *
 *    **Adult**: indications of trafficking when a recruitment element (DR,
 *    CR or RV) is positive, EC is positive, and a means-at-destination
 *    element (CD or VD) is positive.
 *
 *    **Child** (under 18 on the screening day, or possibly so): the means
 *    are not needed (Palermo Protocol art. 3(c)): indications when EC is
 *    positive and any recruitment indicator (DR, CR or RV, any strength) was
 *    observed, showing the act; CD and VD may be empty.
 *
 * 2. **The ILO's 11 forced-labour indicators** (`FL_*`): indications of
 *    forced labour when two or more are observed (the ILO notes that a
 *    single indicator may suffice in some cases; two is the screening
 *    threshold here, so one alone is a reason to look further but no hit).
 *
 * The screening has indications when either instrument gives them; the
 * reasons say which (`OPERATIONAL_ADULT`, `OPERATIONAL_CHILD`,
 * `FORCED_LABOUR`) and which elements were positive (`ELEMENT_DR`, ...).
 */

/** The six ILO/EC elements, by code prefix. */
export const INDICATOR_ELEMENTS = {
  DR: 'DECEPTIVE_RECRUITMENT',
  CR: 'COERCIVE_RECRUITMENT',
  RV: 'RECRUITMENT_BY_ABUSE_OF_VULNERABILITY',
  EC: 'EXPLOITATIVE_CONDITIONS',
  CD: 'COERCION_AT_DESTINATION',
  VD: 'ABUSE_OF_VULNERABILITY_AT_DESTINATION',
} as const;
export type ElementCode = keyof typeof INDICATOR_ELEMENTS;
export type Strength = 'STRONG' | 'MEDIUM' | 'WEAK';

const S = 'STRONG' as const;
const M = 'MEDIUM' as const;
const W = 'WEAK' as const;

/** The operational indicators and their grade (ILO/EC 2009, adults, labour exploitation). */
export const OPERATIONAL_INDICATORS: Readonly<Record<string, Strength>> = {
  // Deceptive recruitment
  DR_JOB_NATURE: S, // deceived about the nature of the job, location or employer
  DR_WORKING_CONDITIONS: M,
  DR_CONTRACT: M,
  DR_FAMILY_REUNIFICATION: M,
  DR_HOUSING: M,
  DR_LEGAL_STATUS: M,
  DR_TRAVEL: M,
  DR_WAGES: M,
  DR_MARRIAGE_OR_ADOPTION: M,
  DR_EDUCATION: W,
  // Coercive recruitment
  CR_VIOLENCE: S,
  CR_ABDUCTION_OR_SALE: M,
  CR_DOCUMENTS_CONFISCATED: M,
  CR_DEBT_BONDAGE: M,
  CR_ISOLATION: M,
  CR_THREAT_OF_VIOLENCE: M,
  CR_THREAT_TO_INFORM_FAMILY: M,
  CR_THREAT_OF_DENUNCIATION: M,
  CR_VIOLENCE_ON_FAMILY: M,
  CR_MONEY_WITHHELD: M,
  // Recruitment by abuse of vulnerability
  RV_FAMILY_SITUATION: M,
  RV_ILLEGAL_STATUS: M,
  RV_LACK_OF_EDUCATION: M,
  RV_LACK_OF_INFORMATION: M,
  RV_CONTROL_BY_EXPLOITERS: M,
  RV_ECONOMIC_REASONS: M,
  RV_FALSE_INFORMATION_ON_MIGRATION: M,
  RV_PERSONAL_SITUATION: M,
  RV_EMOTIONAL_DEPENDENCY: M,
  RV_GENERAL_CONTEXT: W,
  // Exploitative conditions
  EC_EXCESSIVE_HOURS: S,
  EC_BAD_LIVING_CONDITIONS: M,
  EC_HAZARDOUS_WORK: M,
  EC_LOW_OR_NO_SALARY: M,
  EC_LABOUR_LAW_IGNORED: M,
  EC_NO_SOCIAL_PROTECTION: M,
  EC_VERY_BAD_WORKING_CONDITIONS: M,
  EC_WAGE_MANIPULATION: M,
  EC_NO_ACCESS_TO_EDUCATION: W,
  // Coercion at destination
  CD_DOCUMENTS_CONFISCATED: S,
  CD_DEBT_BONDAGE: S,
  CD_ISOLATION: S,
  CD_THREAT_OF_VIOLENCE: S,
  CD_VIOLENCE: S,
  CD_FORCED_CRIMINAL_ACTIVITY: M,
  CD_FORCED_TASKS_OR_CLIENTS: M,
  CD_FORCED_TO_LIE: M,
  CD_THREAT_OF_DENUNCIATION: M,
  CD_THREAT_OF_WORSE_CONDITIONS: M,
  CD_THREAT_TO_INFORM_FAMILY: M,
  CD_UNDER_STRONG_INFLUENCE: M,
  CD_VIOLENCE_ON_FAMILY: M,
  CD_WAGES_WITHHELD: M,
  CD_EXCLUSION_FROM_COMMUNITY: W,
  CD_EXCLUSION_FROM_FUTURE_EMPLOYMENT: W,
  // Abuse of vulnerability at destination
  VD_DEPENDENCY_ON_EXPLOITERS: M,
  VD_UNKNOWN_AREA: M,
  VD_ECONOMIC_REASONS: M,
  VD_FAMILY_SITUATION: M,
  VD_LEGAL_STATUS: M,
  VD_PAST_DIFFICULTIES: W,
  VD_LANGUAGE: W,
  VD_PERSONAL_CHARACTERISTICS: W,
};

/** The ILO's 11 indicators of forced labour. */
export const FORCED_LABOUR_INDICATORS: readonly string[] = [
  'FL_ABUSE_OF_VULNERABILITY',
  'FL_DECEPTION',
  'FL_RESTRICTION_OF_MOVEMENT',
  'FL_ISOLATION',
  'FL_PHYSICAL_AND_SEXUAL_VIOLENCE',
  'FL_INTIMIDATION_AND_THREATS',
  'FL_RETENTION_OF_IDENTITY_DOCUMENTS',
  'FL_WITHHOLDING_OF_WAGES',
  'FL_DEBT_BONDAGE',
  'FL_ABUSIVE_WORKING_AND_LIVING_CONDITIONS',
  'FL_EXCESSIVE_OVERTIME',
];

/** Observed forced-labour indicators from which the ILO-11 instrument gives indications. */
export const FORCED_LABOUR_THRESHOLD = 2;

/** What one element amounted to. */
export interface ElementResult {
  element: (typeof INDICATOR_ELEMENTS)[ElementCode];
  strong: number;
  medium: number;
  weak: number;
  positive: boolean;
}

/** The outcome of a screening. */
export interface ScreeningOutcome {
  indications: boolean;
  /** Why (or, when empty, that nothing reached a threshold): `OPERATIONAL_ADULT`, `OPERATIONAL_CHILD`, `FORCED_LABOUR`, `ELEMENT_<code>`. */
  reasons: string[];
  elements: ElementResult[];
  forcedLabourCount: number;
}

/** The grade of a known indicator code, `FORCED_LABOUR` for an ILO-11 one, or null for an unknown code. */
export function indicatorGrade(code: string): Strength | 'FORCED_LABOUR' | null {
  if (FORCED_LABOUR_INDICATORS.includes(code)) return 'FORCED_LABOUR';
  return OPERATIONAL_INDICATORS[code] ?? null;
}

/**
 * Validates observed indicator codes (known, no repeats, at most 100) and
 * returns them sorted. Throws `BAD_USER_INPUT` naming the position, never the
 * value.
 */
export function checkIndicators(codes: readonly string[], field = 'input.indicators'): string[] {
  if (codes.length === 0) throw badInput(field, 'at least one observed indicator is required');
  if (codes.length > 100) throw badInput(field, 'at most 100 indicators');
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (indicatorGrade(code) === null) throw badInput(`${field}[${i}]`, 'unknown indicator code (see the catalogue in the README)');
    if (seen.has(code)) throw badInput(`${field}[${i}]`, 'indicator listed twice');
    seen.add(code);
  });
  return [...seen].sort();
}

/** The ILO/EC rule for one element: 2 strong; 1 strong + 1 medium or weak; 3 medium; 2 medium + 1 weak. */
export function elementPositive(strong: number, medium: number, weak: number): boolean {
  return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);
}

/**
 * Computes the outcome of a screening from the observed indicator codes
 * (unknown codes are ignored here: validate with `checkIndicators` first).
 * `child` is true for a person under 18, or possibly under 18, on the day.
 */
export function screeningOutcome(codes: readonly string[], child: boolean): ScreeningOutcome {
  const observed = new Set(codes);
  const elements = (Object.keys(INDICATOR_ELEMENTS) as ElementCode[]).map((prefix): ElementResult & { prefix: ElementCode; any: boolean } => {
    let strong = 0;
    let medium = 0;
    let weak = 0;
    for (const code of observed) {
      if (!code.startsWith(`${prefix}_`)) continue;
      const grade = OPERATIONAL_INDICATORS[code];
      if (grade === 'STRONG') strong += 1;
      else if (grade === 'MEDIUM') medium += 1;
      else if (grade === 'WEAK') weak += 1;
    }
    return {
      prefix,
      element: INDICATOR_ELEMENTS[prefix],
      strong,
      medium,
      weak,
      positive: elementPositive(strong, medium, weak),
      any: strong + medium + weak > 0,
    };
  });
  const by = (p: ElementCode) => elements.find((e) => e.prefix === p)!;
  const recruitment = (['DR', 'CR', 'RV'] as const).map(by);
  const exploitation = by('EC');
  const meansAtDestination = (['CD', 'VD'] as const).map(by);

  const reasons: string[] = [];
  const adult = recruitment.some((e) => e.positive) && exploitation.positive && meansAtDestination.some((e) => e.positive);
  const childCase = child && exploitation.positive && recruitment.some((e) => e.any);
  if (adult) reasons.push('OPERATIONAL_ADULT');
  else if (childCase) reasons.push('OPERATIONAL_CHILD');
  const forcedLabourCount = FORCED_LABOUR_INDICATORS.filter((c) => observed.has(c)).length;
  if (forcedLabourCount >= FORCED_LABOUR_THRESHOLD) reasons.push('FORCED_LABOUR');
  for (const e of elements) if (e.positive) reasons.push(`ELEMENT_${e.prefix}`);
  return {
    indications: adult || childCase || forcedLabourCount >= FORCED_LABOUR_THRESHOLD,
    reasons,
    elements: elements.map(({ element, strong, medium, weak, positive }) => ({ element, strong, medium, weak, positive })),
    forcedLabourCount,
  };
}

/**
 * Whether a person is a child, or possibly one, on `day` (YYYY-MM-DD): under
 * 18 by the exact birth date; with only a birth year, when they turn 18 in
 * that year or later (possibly under 18). Unknown age is not a child here;
 * child welfare passes its age assessment instead.
 */
export function possiblyChildOn(day: string, birthDate: string | null | undefined, birthYear: number | null | undefined): boolean {
  const year = Number(day.slice(0, 4));
  if (birthDate) {
    const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
    return day < eighteenth;
  }
  if (birthYear != null) return year - birthYear <= 18;
  return false;
}
