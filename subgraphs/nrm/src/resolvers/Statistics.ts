import { checkStatisticsYear, releasedFigures, statisticsReference, statisticsRows, statisticsThreshold, type StatisticsParent } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { openReviewPairs, statisticsSummaryReady, summaryCounts } from '../data/statistics-store.ts';
import {
  AGE_GROUPS,
  AGENCIES,
  AGENCY_COMBINATIONS,
  AREAS,
  nrmFigures,
  PERSON_DIMENSIONS,
  SECTORS,
  STATUSES,
  type PersonDimension,
} from '../rules/statistics-figures.ts';

/** Read once at start: a bad value stops the subgraph here. */
const THRESHOLD = statisticsThreshold();

const countries = new WeakMap<StatisticsParent, string[]>();

/**
 * The year's counts come from the summary the NRM keeps with every change to
 * registrations (`statistics_counts`, a few hundred rows a year), the open
 * reviews from the reviews themselves: the cost does not grow with the registry.
 */
async function compute(db: NrmContext['db'], parent: StatisticsParent) {
  await statisticsSummaryReady(db);
  const [{ persons, registrations }, pairs] = await Promise.all([summaryCounts(db, parent.year), openReviewPairs(db, parent.year)]);
  const figures = nrmFigures({ persons, registrations, openReviewPairs: pairs });
  countries.set(parent, figures.countries);
  return figures;
}

const figures = (parent: StatisticsParent, ctx: NrmContext, field: string) => releasedFigures(parent, ctx, field, THRESHOLD, () => compute(ctx.db, parent));

const AREA_LABELS: Record<string, string> = { NO: 'Norway', EEA: 'Other EEA state', NON_EEA: 'Outside the EEA', UNKNOWN: 'Unknown' };
const AGENCY_LABELS: Record<string, string> = { POLICE: 'police', IMMIGRATION: 'UDI', CHILD_WELFARE: 'child welfare', NGO: 'NGO' };
const comboLabel = (combo: string) =>
  combo
    .split('+')
    .map((a) => AGENCY_LABELS[a])
    .join(' and ');

/** A breakdown by a person dimension; with a status, the slice of the dimension × status cross table. */
function breakdown(field: string, dimension: PersonDimension, labels: Record<string, string> = {}) {
  return async (parent: StatisticsParent, args: { status?: string | null }, ctx: NrmContext) => {
    const cell = await figures(parent, ctx, field);
    const keys = dimension === 'country' ? countries.get(parent)! : PERSON_DIMENSIONS[dimension];
    return statisticsRows(keys, cell, (k) => (args.status ? `${dimension}:${k}|${args.status}` : `${dimension}:${k}`), labels);
  };
}

export const Statistics = {
  __resolveReference: statisticsReference,
  registrations: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) => (await figures(parent, ctx, 'registrations'))('registrations'),
  duplicates: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) => (await figures(parent, ctx, 'duplicates'))('duplicates'),
  persons: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) => {
    const cell = await figures(parent, ctx, 'persons');
    return { count: cell('persons'), lowerBound: cell('personsIfAllConfirmed'), upperBound: cell('persons'), openLinkReviews: cell('openReviews') };
  },
  byRegisteringAgency: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) => {
    const cell = await figures(parent, ctx, 'byRegisteringAgency');
    return AGENCIES.map((agency) => ({ agency, registrations: cell(`reg:${agency}`), persons: cell(`persons:${agency}`), duplicates: cell(`dup:${agency}`) }));
  },
  agencyOverlaps: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) => {
    const cell = await figures(parent, ctx, 'agencyOverlaps');
    return AGENCY_COMBINATIONS.map((key) => ({ key, label: comboLabel(key), count: cell(`combo:${key}`) }));
  },
  identifiedBy: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) => {
    const cell = await figures(parent, ctx, 'identifiedBy');
    return SECTORS.map((sector) => ({
      sector,
      persons: cell(`${sector}:persons`),
      byAgeGroup: statisticsRows(AGE_GROUPS, cell, (k) => `${sector}:ageGroup:${k}`),
      byCitizenshipArea: statisticsRows(AREAS, cell, (k) => `${sector}:area:${k}`, AREA_LABELS),
    }));
  },
  personsByStatus: async (parent: StatisticsParent, _: unknown, ctx: NrmContext) =>
    statisticsRows(STATUSES, await figures(parent, ctx, 'personsByStatus'), (k) => `status:${k}`, {
      ACTUAL: 'Identified (actual) victims',
      POSSIBLE: 'Presumed (possible) victims',
      NOT_A_VICTIM: 'Not a victim',
    }),
  personsByDecider: breakdown('personsByDecider', 'decidedBy'),
  personsByGender: breakdown('personsByGender', 'gender'),
  personsByAgeGroup: breakdown('personsByAgeGroup', 'ageGroup'),
  personsByAgeBand: breakdown('personsByAgeBand', 'ageBand'),
  personsByCitizenshipArea: breakdown('personsByCitizenshipArea', 'area', AREA_LABELS),
  personsByCitizenship: breakdown('personsByCitizenship', 'country'),
  personsByExploitation: breakdown('personsByExploitation', 'exploitation'),
  compareTo: (_: StatisticsParent, args: { year: number }) => ({ year: checkStatisticsYear(args.year, 'year') }),
};

export const StatisticsQuery = {
  statistics: (_: unknown, args: { year: number }) => ({ year: checkStatisticsYear(args.year, 'year') }),
};
