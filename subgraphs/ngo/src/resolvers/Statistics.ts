import { agencyFigures, statisticsReference, statisticsRows, type StatisticsParent } from '@nrm-hub/kit';
import type { NgoContext } from '../context.ts';
import { ASSISTANCE_TYPES, ngoFigures } from '../data/statistics-store.ts';

const grantSources = new WeakMap<StatisticsParent, string[]>();

/** The caller's released figures of `NgoStatistics`, and a resolver of one figure. */
const { figures, figure } = agencyFigures('ngo', async (ctx: NgoContext, year, parent) => {
  const f = await ngoFigures(ctx.db, year);
  grantSources.set(parent, f.grantSources);
  return f;
});

export const Statistics = {
  __resolveReference: statisticsReference,
  /** The same object, so every `NgoStatistics` field shares one computation. */
  ngo: (parent: StatisticsParent) => parent,
};

export const NgoStatistics = {
  personsAssisted: figure('personsAssisted'),
  clientRecordsAssisted: figure('clientRecordsAssisted', 'clientsAssisted'),
  personsByAssistanceType: async (parent: StatisticsParent, _: unknown, ctx: NgoContext) =>
    statisticsRows(ASSISTANCE_TYPES, await figures(parent, ctx, 'personsByAssistanceType'), (t) => `assistance:${t}`),
  grantsBySource: async (parent: StatisticsParent, _: unknown, ctx: NgoContext) => {
    const cell = await figures(parent, ctx, 'grantsBySource');
    return statisticsRows(grantSources.get(parent)!, cell, (g) => `grants:${g}`);
  },
  grantsNok: figure('grantsNok', 'grants'),
};
