import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { possiblyChildOn, recordScreening, type ScreeningInput, type ScreeningRow } from '@nrm-hub/kit';
import { childCases, placements, screenings } from '../db/schema.ts';
import { caseById, type ChildWelfareDb } from './case-store.ts';

/**
 * Records a screening of a child in a case child welfare holds (else
 * `NOT_FOUND`, nothing written). The child is screened as a child unless the
 * age assessment found an adult (and the birth date or year agrees).
 */
export function recordChildWelfareScreening(db: ChildWelfareDb, input: ScreeningInput, screenedBy: string): Promise<ScreeningRow> {
  return db.transaction(async (tx) => {
    const c = await caseById(tx, input.subjectId);
    const subject = c && {
      ...c,
      child: (day: string) => c.ageAssessment !== 'ASSESSED_ADULT' || possiblyChildOn(day, c.birthDate, c.birthYear),
    };
    return recordScreening(tx, screenings, input, subject, screenedBy);
  });
}

/** A placement reaching six months. */
export interface PlacementDeadline {
  kind: 'PLACEMENT_SIX_MONTHS';
  victimId: string | null;
  recordId: string;
  dueOn: string;
}

/**
 * Placements not ended whose six months (from the first day) fall within
 * [today, to], soonest first; optionally only for some victim ids. The date
 * arithmetic is Postgres's (`+ interval '6 months'`, the last day of a
 * shorter month when the day does not exist), the same as `addMonths`.
 */
export async function placementDeadlines(db: ChildWelfareDb, today: string, to: string, victimIds?: readonly string[]): Promise<PlacementDeadline[]> {
  const dueOn = sql<string>`(${placements.startedAt} + interval '6 months')::date`;
  const rows = await db
    .select({ recordId: placements.id, victimId: childCases.victimId, dueOn: sql<string>`to_char(${dueOn}, 'YYYY-MM-DD')` })
    .from(placements)
    .innerJoin(childCases, eq(childCases.id, placements.caseId))
    .where(
      and(
        isNull(placements.endedAt),
        sql`${dueOn} between ${today}::date and ${to}::date`,
        victimIds ? inArray(childCases.victimId, [...victimIds]) : undefined,
      ),
    );
  return rows
    .map((r) => ({ ...r, kind: 'PLACEMENT_SIX_MONTHS' as const }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.recordId.localeCompare(b.recordId));
}
