import { addCrossTable, type Equation } from '@nrm-hub/kit';
import { AGE_BANDS, AGENCIES, EEA_COUNTRIES, type DimensionCount } from '../data/statistics-store.ts';

/**
 * The NRM's figures for one year as one system for disclosure control: every
 * count by name, the additive equations between them and the figures that
 * take part in equations but are never published. Pure: the counts come
 * from `data/statistics-store.ts`.
 */

/** Registering agencies, in the order the SQL joins them into combinations. */
export { AGENCIES };
export const STATUSES = ['ACTUAL', 'POSSIBLE', 'NOT_A_VICTIM'] as const;
export const GENDERS = ['FEMININE', 'MASCULINE', 'TRANSGENDER_FEMININE', 'TRANSGENDER_MASCULINE', 'NON_CONFORMING', 'UNKNOWN'] as const;
export const AGE_GROUPS = ['CHILD', 'ADULT', 'UNKNOWN'] as const;
export const AREAS = ['NO', 'EEA', 'NON_EEA', 'UNKNOWN'] as const;
export const DECIDERS = ['POLICE', 'NGO', 'COURT_OR_PROSECUTION', 'NON_POLICE_GOVERNMENT', 'OTHER'] as const;
export const EXPLOITATION = [
  'FORCED_LABOUR',
  'SEXUAL_EXPLOITATION',
  'CHILD_LABOUR',
  'FORCED_MARRIAGE',
  'SERVITUDE',
  'FORCED_MILITARY_SERVICE',
  'ORGAN_REMOVAL',
  'FORCED_BEGGING',
  'FORCED_CRIMINALITY',
  'FORCED_ADOPTION',
  'SURROGACY',
  'OTHER',
  'MULTIPLE',
  'NONE',
] as const;
export const SECTORS = ['NGO', 'GOVERNMENT'] as const;

/** Every non-empty combination of agencies, each as the SQL writes it (`NGO+POLICE`). */
export const AGENCY_COMBINATIONS: readonly string[] = Array.from({ length: 2 ** AGENCIES.length - 1 }, (_, i) =>
  AGENCIES.filter((_, j) => (i + 1) & (2 ** j)).join('+'),
).sort((a, b) => a.split('+').length - b.split('+').length || a.localeCompare(b));

/** The breakdowns by a person dimension × highest status, with the categories each lists. */
export const PERSON_DIMENSIONS = {
  gender: GENDERS,
  ageBand: AGE_BANDS,
  ageGroup: AGE_GROUPS,
  area: AREAS,
  exploitation: EXPLOITATION,
  decidedBy: DECIDERS,
} as const satisfies Record<string, readonly string[]>;
export type PersonDimension = keyof typeof PERSON_DIMENSIONS | 'country';

export interface NrmFigureInput {
  persons: DimensionCount[];
  registrations: { agency: string; registrations: number; persons: number }[];
  /** Open link reviews between two persons of the year (ids as they resolve now). */
  openReviewPairs: { a: string; b: string }[];
}

export interface NrmFigures {
  counts: Map<string, number>;
  equations: Equation[];
  hidden: string[];
  /** Figures that count registrations or reviews, not persons: exempt from primary suppression. */
  exempt: string[];
  /** Countries present in the year, sorted, `UNKNOWN` last. */
  countries: string[];
}

/**
 * How many persons fewer there would be if every open link review were
 * confirmed: in the graph whose edges are the open reviews, each connected
 * component of n persons would become one person (n − 1 fewer).
 */
export function mergeableByOpenReviews(pairs: readonly { a: string; b: string }[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  let merges = 0;
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent.set(ra, rb);
      merges += 1;
    }
  }
  return merges;
}

/** Builds the year's figures and their equations from the store's counts. */
export function nrmFigures(input: NrmFigureInput): NrmFigures {
  const counts = new Map<string, number>();
  const equations: Equation[] = [];
  const hidden: string[] = [];
  const sum = (dimension: string, key?: string, status?: string) =>
    input.persons
      .filter((r) => r.dimension === dimension && (key === undefined || r.key === key) && (status === undefined || r.status === status))
      .reduce((s, r) => s + r.count, 0);

  // Persons by highest status, and the breakdowns crossed with it (the status filter is a slice of the cross table).
  for (const s of STATUSES) counts.set(`status:${s}`, sum('gender', undefined, s));
  const persons = STATUSES.reduce((t, s) => t + counts.get(`status:${s}`)!, 0);
  counts.set('persons', persons);
  equations.push({ total: 'persons', parts: STATUSES.map((s) => `status:${s}`) });
  const countries = [...new Set(input.persons.filter((r) => r.dimension === 'country').map((r) => r.key))].sort((a, b) =>
    a === 'UNKNOWN' ? 1 : b === 'UNKNOWN' ? -1 : a.localeCompare(b),
  );
  const dimensions: [string, readonly string[]][] = [...Object.entries(PERSON_DIMENSIONS), ['country', countries]];
  for (const [dimension, rows] of dimensions) {
    addCrossTable(counts, equations, {
      prefix: dimension,
      rows,
      columnPrefix: 'status',
      columns: STATUSES,
      grand: 'persons',
      count: (row, status) => sum(dimension, row, status),
    });
  }
  // Age groups are sums of age bands, citizenship areas sums of countries: the same persons counted twice.
  const area = (c: string) => (c === 'UNKNOWN' ? 'UNKNOWN' : c === 'NO' ? 'NO' : (EEA_COUNTRIES as readonly string[]).includes(c) ? 'EEA' : 'NON_EEA');
  const bandsOf = { CHILD: ['0-11', '12-17'], ADULT: ['18-24', '25-34', '35-44', '45-54', '55+'], UNKNOWN: ['UNKNOWN'] };
  for (const suffix of ['', ...STATUSES.map((s) => `|${s}`)]) {
    for (const g of AGE_GROUPS) equations.push({ total: `ageGroup:${g}${suffix}`, parts: bandsOf[g].map((b) => `ageBand:${b}${suffix}`) });
    for (const a of AREAS) equations.push({ total: `area:${a}${suffix}`, parts: countries.filter((c) => area(c) === a).map((c) => `country:${c}${suffix}`) });
  }

  // Registrations, persons and duplicates, per registering agency and the overlaps between agencies.
  const registrations = input.registrations.reduce((s, r) => s + r.registrations, 0);
  counts.set('registrations', registrations);
  counts.set('duplicates', registrations - persons);
  equations.push({ total: 'registrations', parts: ['persons', 'duplicates'] });
  for (const combo of AGENCY_COMBINATIONS) counts.set(`combo:${combo}`, sum('combo', combo));
  equations.push({ total: 'persons', parts: AGENCY_COMBINATIONS.map((c) => `combo:${c}`) });
  for (const a of AGENCIES) {
    const row = input.registrations.find((r) => r.agency === a);
    counts.set(`reg:${a}`, row?.registrations ?? 0);
    counts.set(`persons:${a}`, row?.persons ?? 0);
    counts.set(`dup:${a}`, (row?.registrations ?? 0) - (row?.persons ?? 0));
    equations.push({ total: `reg:${a}`, parts: [`persons:${a}`, `dup:${a}`] });
    equations.push({ total: `persons:${a}`, parts: AGENCY_COMBINATIONS.filter((c) => c.split('+').includes(a)).map((c) => `combo:${c}`) });
  }
  equations.push({ total: 'registrations', parts: AGENCIES.map((a) => `reg:${a}`) });

  // Who identified: NGOs, and government bodies (every agency but the NGOs), by age group and citizenship area.
  for (const sector of SECTORS) {
    counts.set(`${sector}:persons`, sum(`${sector}:ageGroup`));
    for (const g of AGE_GROUPS) counts.set(`${sector}:ageGroup:${g}`, sum(`${sector}:ageGroup`, g));
    for (const a of AREAS) counts.set(`${sector}:area:${a}`, sum(`${sector}:area`, a));
    equations.push({ total: `${sector}:persons`, parts: AGE_GROUPS.map((g) => `${sector}:ageGroup:${g}`) });
    equations.push({ total: `${sector}:persons`, parts: AREAS.map((a) => `${sector}:area:${a}`) });
  }
  // Persons known only to NGOs, by age group and area: never published, but they tie the sector tables to the
  // breakdowns of all persons (all children = NGO-only children + children known to a government body).
  for (const [dimension, rows, sectorKey] of [
    ['ageGroup', AGE_GROUPS, 'ageGroup'],
    ['area', AREAS, 'area'],
  ] as const) {
    for (const k of rows) {
      const ngoOnly = `NGO_ONLY:${sectorKey}:${k}`;
      counts.set(ngoOnly, counts.get(`${dimension}:${k}`)! - counts.get(`GOVERNMENT:${sectorKey}:${k}`)!);
      hidden.push(ngoOnly);
      equations.push({ total: `${dimension}:${k}`, parts: [ngoOnly, `GOVERNMENT:${sectorKey}:${k}`] });
    }
  }
  equations.push({ total: 'persons:NGO', parts: ['NGO:persons'] });
  equations.push({ total: 'persons', parts: ['combo:NGO', 'GOVERNMENT:persons'] });

  // The uncertainty: persons if every open link review were confirmed (all rejected leaves `persons`).
  const mergeable = mergeableByOpenReviews(input.openReviewPairs);
  counts.set('personsIfAllConfirmed', persons - mergeable);
  // The difference is published too (persons − lower bound): a count below the threshold takes the lower bound with it.
  counts.set('mergeable', mergeable);
  equations.push({ total: 'persons', parts: ['personsIfAllConfirmed', 'mergeable'] });
  counts.set('openReviews', input.openReviewPairs.length);

  const exempt = ['duplicates', ...AGENCIES.map((a) => `dup:${a}`), 'openReviews', 'mergeable'];
  return { counts, equations, hidden, exempt, countries };
}
