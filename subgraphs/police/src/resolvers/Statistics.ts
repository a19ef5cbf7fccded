import { agencyFigures, amountCell, statisticsReference, statisticsRows, type StatisticsParent } from '@nrm-hub/kit';
import type { PoliceContext } from '../context.ts';
import { OFFENCES, policeFigures } from '../data/statistics-store.ts';

/** The caller's released figures of `PoliceStatistics`, and a resolver of one figure. */
const { figures, figure } = agencyFigures('police', (ctx: PoliceContext, year) => policeFigures(ctx.db, year));

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
