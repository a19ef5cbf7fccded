import { amountCell, releasedFigures, statisticsReference, statisticsRows, statisticsThreshold, type StatisticsParent } from '@nrm-hub/kit';
import type { PoliceContext } from '../context.ts';
import { OFFENCES, policeFigures } from '../data/statistics-store.ts';

/** Read once at start: a bad value stops the subgraph here. */
const THRESHOLD = statisticsThreshold();

const figures = (parent: StatisticsParent, ctx: PoliceContext, field: string) =>
  releasedFigures(parent, ctx, `police.${field}`, THRESHOLD, (year) => policeFigures(ctx.db, year));

/** A resolver of one figure of `PoliceStatistics`. */
const figure =
  (field: string, key = field) =>
  async (parent: StatisticsParent, _: unknown, ctx: PoliceContext) =>
    (await figures(parent, ctx, field))(key);

export const Statistics = {
  __resolveReference: statisticsReference,
  /** The same object, so every `PoliceStatistics` field shares one computation. */
  police: (parent: StatisticsParent) => parent,
};

export const PoliceStatistics = {
  investigationsByOffence: async (parent: StatisticsParent, _: unknown, ctx: PoliceContext) =>
    statisticsRows(OFFENCES, await figures(parent, ctx, 'investigationsByOffence'), (o) => `investigations:${o}`),
  investigations: figure('investigations'),
  prosecutionsByOffence: async (parent: StatisticsParent, _: unknown, ctx: PoliceContext) =>
    statisticsRows(OFFENCES, await figures(parent, ctx, 'prosecutionsByOffence'), (o) => `prosecutions:${o}`),
  prosecutions: figure('prosecutions'),
  prosecutedAsAnotherOffence: figure('prosecutedAsAnotherOffence'),
  convictions: figure('convictions'),
  victimsPaidCompensation: figure('victimsPaidCompensation'),
  compensationPaidNok: async (parent: StatisticsParent, _: unknown, ctx: PoliceContext) => {
    const cell = await figures(parent, ctx, 'compensationPaidNok');
    return amountCell(cell('compensationNok').value ?? 0, cell('victimsPaidCompensation'));
  },
  victimsInCustodyOrPrison: figure('victimsInCustodyOrPrison', 'victimsHeld'),
  victimsInPrison: figure('victimsInPrison'),
};
