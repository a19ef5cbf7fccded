import { addDays, badInput, checkScreeningInput, hubError, screeningView, todayOf, victimIdsOf, type ScreeningInput, type VictimReference } from '@nrm-hub/kit';
import type { ChildWelfareContext } from '../context.ts';
import { casesWithRecords, type CaseWithRecords } from '../data/case-store.ts';
import { placementDeadlines, recordChildWelfareScreening, type PlacementDeadline } from '../data/safeguards-store.ts';

function checkDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 366) throw badInput('withinDays', 'must be between 0 and 366');
  return days;
}

function withDaysLeft(rows: PlacementDeadline[], today: string) {
  return rows.map((r) => ({ ...r, daysLeft: Math.round((Date.parse(r.dueOn) - Date.parse(today)) / 86_400_000) }));
}

export const ChildCase = {
  screenings: (c: CaseWithRecords) => c.screenings.map((s) => screeningView(s, c)),
};

export const SafeguardsVictim = {
  /** Under the victim's id and every id merged into it; a list of victims costs one statement per window. */
  childWelfareDeadlines: async (victim: VictimReference, args: { withinDays: number }, ctx: ChildWelfareContext) => {
    const days = checkDays(args.withinDays);
    const lists = await ctx.loaders.deadlines.loadMany(victimIdsOf(victim).map((id) => ({ days, id })));
    const rows = lists.flatMap((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
    return withDaysLeft(
      rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.recordId.localeCompare(b.recordId)),
      todayOf(ctx.now),
    );
  },
};

export const SafeguardsQuery = {
  childWelfareDeadlines: async (_: unknown, args: { withinDays: number }, ctx: ChildWelfareContext) => {
    const today = todayOf(ctx.now);
    return withDaysLeft(await placementDeadlines(ctx.db, today, addDays(today, checkDays(args.withinDays))), today);
  },
};

export const SafeguardsMutation = {
  childWelfareRecordScreening: async (_: unknown, { input }: { input: ScreeningInput }, ctx: ChildWelfareContext) => {
    if (!ctx.viewer) throw hubError('UNAUTHENTICATED', 'Authentication required: send a valid bearer token.');
    const row = await recordChildWelfareScreening(ctx.db, checkScreeningInput(input, todayOf(ctx.now)), ctx.viewer.subject);
    const [c] = await casesWithRecords(ctx.db, { ids: [row.subjectId] });
    return screeningView(row, c!);
  },
};
