import { agencyFigures, statisticsReference, statisticsRows, type StatisticsParent } from '@nrm-hub/kit';
import type { ImmigrationContext } from '../context.ts';
import { immigrationFigures, PERMIT_KINDS } from '../data/statistics-store.ts';

/** The caller's released figures of `ImmigrationStatistics`, and a resolver of one figure. */
const { figures, figure } = agencyFigures('immigration', (ctx: ImmigrationContext, year) => immigrationFigures(ctx.db, year));

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
