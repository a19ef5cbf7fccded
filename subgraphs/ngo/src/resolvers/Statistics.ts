import { releasedFigures, statisticsReference, statisticsRows, statisticsThreshold, type StatisticsParent } from '@nrm-hub/kit';
import type { NgoContext } from '../context.ts';
import { ASSISTANCE_TYPES, ngoFigures } from '../data/statistics-store.ts';

/** Read once at start: a bad value stops the subgraph here. */
const THRESHOLD = statisticsThreshold();

const grantSources = new WeakMap<StatisticsParent, string[]>();

const figures = (parent: StatisticsParent, ctx: NgoContext, field: string) =>
  releasedFigures(parent, ctx, `ngo.${field}`, THRESHOLD, async (year) => {
    const f = await ngoFigures(ctx.db, year);
    grantSources.set(parent, f.grantSources);
    return f;
  });

/** A resolver of one figure of `NgoStatistics`. */
const figure =
  (field: string, key = field) =>
  async (parent: StatisticsParent, _: unknown, ctx: NgoContext) =>
    (await figures(parent, ctx, field))(key);

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
