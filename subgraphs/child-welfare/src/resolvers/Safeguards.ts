import { badInput, checkScreeningInput, hubError, screeningView, todayOf, victimIdsOf, type ScreeningInput, type VictimReference } from '@nrm-hub/kit';
import type { ChildWelfareContext } from '../context.ts';
import { casesWithRecords, type CaseWithRecords } from '../data/case-store.ts';
import { placementDeadlines, recordChildWelfareScreening, type PlacementDeadline } from '../data/safeguards-store.ts';

function checkDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 366) throw badInput('withinDays', 'must be between 0 and 366');
  return days;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function withDaysLeft(rows: PlacementDeadline[], today: string) {
  return rows.map((r) => ({ ...r, daysLeft: Math.round((Date.parse(r.dueOn) - Date.parse(today)) / 86_400_000) }));
}

export const ChildCase = {
  screenings: (c: CaseWithRecords) => c.screenings.map((s) => screeningView(s, c)),
};

export const SafeguardsVictim = {
  childWelfareDeadlines: async (victim: VictimReference, args: { withinDays: number }, ctx: ChildWelfareContext) => {
    const today = todayOf(ctx.now);
    return withDaysLeft(await placementDeadlines(ctx.db, today, addDays(today, checkDays(args.withinDays)), victimIdsOf(victim)), today);
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
