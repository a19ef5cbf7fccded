import { releasedFigures, statisticsReference, statisticsRows, statisticsThreshold, type StatisticsParent } from '@nrm-hub/kit';
import type { ImmigrationContext } from '../context.ts';
import { immigrationFigures, PERMIT_KINDS } from '../data/statistics-store.ts';

/** Read once at start: a bad value stops the subgraph here. */
const THRESHOLD = statisticsThreshold();

const figures = (parent: StatisticsParent, ctx: ImmigrationContext, field: string) =>
  releasedFigures(parent, ctx, `immigration.${field}`, THRESHOLD, (year) => immigrationFigures(ctx.db, year));

/** A resolver of one figure of `ImmigrationStatistics`. */
const figure =
  (field: string, key = field) =>
  async (parent: StatisticsParent, _: unknown, ctx: ImmigrationContext) =>
    (await figures(parent, ctx, field))(key);

export const Statistics = {
  __resolveReference: statisticsReference,
  /** The same object, so every `ImmigrationStatistics` field shares one computation. */
  immigration: (parent: StatisticsParent) => parent,
};

export const ImmigrationStatistics = {
  reflectionPeriods: figure('reflectionPeriods'),
  residencePermitsByKind: async (parent: StatisticsParent, _: unknown, ctx: ImmigrationContext) =>
    statisticsRows(PERMIT_KINDS, await figures(parent, ctx, 'residencePermitsByKind'), (k) => `permits:${k}`, {
      LIMITED_TRAFFICKING: 'Limited permit (trafficking victims)',
      WITNESS: 'Witness permit',
      HUMANITARIAN: 'Humanitarian permit',
      PROTECTION: 'Protection (asylum)',
    }),
  residencePermits: figure('residencePermits', 'permits'),
  returns: figure('returns'),
  returnsScreenedFirst: figure('returnsScreenedFirst', 'returnsScreened'),
};
