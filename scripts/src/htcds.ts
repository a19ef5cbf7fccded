/**
 * The HTCDS 2.0 export: one row per person (the NRM's deduplicated victims
 * of a year, never one per registration), with HTCDS field names and code
 * values (IOM's Human Trafficking Case Data Standard, CC BY 4.0; field list
 * in `/work/shared/htcds/`), k-anonymised for release outside the hub the way
 * IOM's CTDC does (k = 11 by default): exact ages become age bands, and rows
 * whose quasi-identifiers are shared by fewer than k persons are generalised
 * step by step and, as a last resort, left out. Pure functions; the command
 * is `export-htcds.ts`.
 */
import { EEA_COUNTRIES } from '@nrm-hub/kit/agency';
import type { PersonRecord } from '@nrm-hub/nrm/statistics';

/** A person as the NRM's statistics store gives it (`personRecords`). */
export type HtcdsSource = PersonRecord;

/** One exported row: every column a string ('' = not given or suppressed). */
export type HtcdsRow = Record<(typeof HTCDS_COLUMNS)[number]['name'], string>;

/** The exported columns, in order, with what each holds. `nrm_` columns are the hub's own, outside HTCDS. */
export const HTCDS_COLUMNS = [
  { name: 'nrm_Year', htcds: false, quasiIdentifier: false, description: 'Calendar year in which an agency decided on the person.' },
  { name: 'prs_Gender', htcds: true, quasiIdentifier: true, description: 'HTCDS gender code; empty when suppressed.' },
  {
    name: 'nrm_AgeBand',
    htcds: false,
    quasiIdentifier: true,
    description:
      'Age in the year, in CTDC bands (0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+), generalised to 0-17 / 18+ or empty. Stands in for HTCDS vic_AgeWhenTrafficked, which is an exact number.',
  },
  {
    name: 'prs_Citizenship',
    htcds: true,
    quasiIdentifier: true,
    description: 'ISO 3166-1 alpha-2 code of the first citizenship registered; generalised to the region EEA or NON_EEA (NO stays NO) or empty.',
  },
  { name: 'vic_TraffickingStatus', htcds: true, quasiIdentifier: false, description: 'The highest status any agency decided.' },
  { name: 'vic_TraffickingStatusDecisionMakingOrg', htcds: true, quasiIdentifier: false, description: 'Who decided that status.' },
  {
    name: 'vic_TypeOfExploitation',
    htcds: true,
    quasiIdentifier: true,
    description: 'Every type indicated, HTCDS codes separated by ";" (forced criminality is Other, as HTCDS files it); empty when none or suppressed.',
  },
  {
    name: 'nrm_RegisteringAgencies',
    htcds: false,
    quasiIdentifier: true,
    description: 'Agencies that registered the person that year (Police, Immigration, ChildWelfare, NGO), separated by ";"; empty when suppressed.',
  },
] as const;

/** The hub's codes → HTCDS 2.0 code values. */
export const HTCDS_CODES = {
  vic_TraffickingStatus: { POSSIBLE: 'PossibleVictimOfTrafficking', ACTUAL: 'ActualVictimOfTrafficking', NOT_A_VICTIM: 'NotAVictimOfTrafficking' },
  vic_TraffickingStatusDecisionMakingOrg: {
    POLICE: 'Police',
    NGO: 'NGO',
    COURT_OR_PROSECUTION: 'CourtOrProsecution',
    NON_POLICE_GOVERNMENT: 'NonPoliceGovernmentalOrganization',
    OTHER: 'Other',
  },
  prs_Gender: {
    FEMININE: 'Feminine',
    MASCULINE: 'Masculine',
    TRANSGENDER_FEMININE: 'TransgenderFeminine',
    TRANSGENDER_MASCULINE: 'TransgenderMasculine',
    NON_CONFORMING: 'NonConforming',
    UNKNOWN: 'NonSpecifiedUnknown',
  },
  vic_TypeOfExploitation: {
    FORCED_LABOUR: 'ForcedLabour',
    SEXUAL_EXPLOITATION: 'SexualExploitation',
    CHILD_LABOUR: 'ChildLabour',
    FORCED_MARRIAGE: 'ForcedMarriage',
    SERVITUDE: 'Servitude',
    FORCED_MILITARY_SERVICE: 'ForcedMilitaryByNonStateActors',
    ORGAN_REMOVAL: 'OrganRemoval',
    FORCED_BEGGING: 'ForcedBegging',
    FORCED_CRIMINALITY: 'Other',
    FORCED_ADOPTION: 'ForcedAdoption',
    SURROGACY: 'Surrogacy',
    OTHER: 'Other',
  },
  nrm_RegisteringAgencies: { POLICE: 'Police', IMMIGRATION: 'Immigration', CHILD_WELFARE: 'ChildWelfare', NGO: 'NGO' },
} as const;

const code = <T extends Record<string, string>>(table: T, value: string): string => {
  const mapped = table[value as keyof T];
  if (mapped === undefined) throw new Error(`HTCDS export: no code for ${value}`);
  return mapped;
};

function ageBand(age: number | null): string {
  if (age === null) return '';
  const bands: [number, string][] = [
    [9, '0-8'],
    [18, '9-17'],
    [21, '18-20'],
    [24, '21-23'],
    [27, '24-26'],
    [30, '27-29'],
    [39, '30-38'],
    [48, '39-47'],
  ];
  return bands.find(([below]) => age < below)?.[1] ?? '48+';
}

/** Maps one person to an HTCDS row, before anonymisation. */
export function toHtcdsRow(person: HtcdsSource, year: number): HtcdsRow {
  return {
    nrm_Year: String(year),
    prs_Gender: code(HTCDS_CODES.prs_Gender, person.gender),
    nrm_AgeBand: ageBand(person.age),
    prs_Citizenship: person.country ?? '',
    vic_TraffickingStatus: code(HTCDS_CODES.vic_TraffickingStatus, person.status),
    vic_TraffickingStatusDecisionMakingOrg: code(HTCDS_CODES.vic_TraffickingStatusDecisionMakingOrg, person.decidedBy),
    vic_TypeOfExploitation: [...new Set(person.exploitationTypes.map((t) => code(HTCDS_CODES.vic_TypeOfExploitation, t)))].sort().join(';'),
    nrm_RegisteringAgencies: person.agencies
      .split('+')
      .filter(Boolean)
      .map((a) => code(HTCDS_CODES.nrm_RegisteringAgencies, a))
      .sort()
      .join(';'),
  };
}

/** The quasi-identifier columns: what an outsider could know about a person and match on. */
export const QUASI_IDENTIFIERS = HTCDS_COLUMNS.filter((c) => c.quasiIdentifier).map((c) => c.name);

/** The key of a row's equivalence class: its quasi-identifier values. */
export const classKey = (row: HtcdsRow) => QUASI_IDENTIFIERS.map((q) => row[q]).join('\u0000');

/**
 * Generalisation steps, mildest first, applied only to rows in classes
 * smaller than k (local recoding), re-grouping after each step.
 */
const STEPS: ((row: HtcdsRow) => void)[] = [
  (r) => {
    if (r.prs_Citizenship && r.prs_Citizenship !== 'NO' && r.prs_Citizenship !== 'EEA' && r.prs_Citizenship !== 'NON_EEA')
      r.prs_Citizenship = EEA_COUNTRIES.has(r.prs_Citizenship) ? 'EEA' : 'NON_EEA';
  },
  (r) => {
    if (r.nrm_AgeBand) r.nrm_AgeBand = r.nrm_AgeBand === '0-8' || r.nrm_AgeBand === '9-17' || r.nrm_AgeBand === '0-17' ? '0-17' : '18+';
  },
  (r) => {
    r.nrm_RegisteringAgencies = '';
  },
  (r) => {
    r.vic_TypeOfExploitation = '';
  },
  (r) => {
    r.prs_Citizenship = '';
  },
  (r) => {
    r.prs_Gender = '';
  },
  (r) => {
    r.nrm_AgeBand = '';
  },
];

/** The outcome of k-anonymisation. */
export interface KAnonymised {
  rows: HtcdsRow[];
  /** Rows left out because no generalisation gave them a class of k. */
  suppressedRows: number;
  /** Values generalised or blanked, over all rows. */
  generalisedValues: number;
}

/** Makes every exported row share its quasi-identifiers with at least k − 1 others. */
export function kAnonymise(input: readonly HtcdsRow[], k: number): KAnonymised {
  if (!Number.isInteger(k) || k < 2) throw new Error('k must be an integer of at least 2');
  const rows = input.map((r) => ({ ...r }));
  const small = () => {
    const sizes = new Map<string, number>();
    for (const r of rows) sizes.set(classKey(r), (sizes.get(classKey(r)) ?? 0) + 1);
    return rows.filter((r) => sizes.get(classKey(r))! < k);
  };
  let generalisedValues = 0;
  for (const step of STEPS) {
    const violating = small();
    if (violating.length === 0) break;
    for (const r of violating) {
      const before = classKey(r);
      step(r);
      if (classKey(r) !== before) generalisedValues += 1;
    }
  }
  const left = new Set(small());
  return { rows: rows.filter((r) => !left.has(r)), suppressedRows: left.size, generalisedValues };
}

/** CSV (RFC 4180) with the columns in `HTCDS_COLUMNS` order. */
export function toCsv(rows: readonly HtcdsRow[]): string {
  const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const names = HTCDS_COLUMNS.map((c) => c.name);
  return [names.join(','), ...rows.map((r) => names.map((n) => quote(r[n])).join(','))].join('\n') + '\n';
}

/** The JSON document: the standard, the year, k, the columns and the rows. */
export function toJson(result: KAnonymised, year: number, k: number): string {
  return `${JSON.stringify({ standard: 'HTCDS 2.0', year, k, columns: HTCDS_COLUMNS, suppressedRows: result.suppressedRows, rows: result.rows }, null, 2)}\n`;
}
