import { agencyFigures, statisticsReference, statisticsRows, type StatisticsParent } from '@nrm-hub/kit';
import type { ChildWelfareContext } from '../context.ts';
import { childWelfareFigures, PLACEMENT_KINDS } from '../data/statistics-store.ts';

/** The caller's released figures of `ChildWelfareStatistics`. */
const { figures } = agencyFigures('childWelfare', (ctx: ChildWelfareContext, year) => childWelfareFigures(ctx.db, year));

export const Statistics = {
  __resolveReference: statisticsReference,
  /** The same object, so every `ChildWelfareStatistics` field shares one computation. */
  childWelfare: (parent: StatisticsParent) => parent,
};

export const ChildWelfareStatistics = {
  childVictimsAssisted: async (parent: StatisticsParent, _: unknown, ctx: ChildWelfareContext) =>
    (await figures(parent, ctx, 'childVictimsAssisted'))('childrenAssisted'),
  placementsByKind: async (parent: StatisticsParent, _: unknown, ctx: ChildWelfareContext) =>
    statisticsRows(PLACEMENT_KINDS, await figures(parent, ctx, 'placementsByKind'), (k) => `placements:${k}`),
  placements: async (parent: StatisticsParent, _: unknown, ctx: ChildWelfareContext) => (await figures(parent, ctx, 'placements'))('placements'),
};
