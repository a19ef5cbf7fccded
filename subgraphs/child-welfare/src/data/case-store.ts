import { eq } from 'drizzle-orm';
import { decisionValues, hubError, anyOf, arrayLiteral, preparedPerDb, type Db, type Person, type StatusDecision } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';
import { childCases, type ChildCaseRow } from '../db/schema.ts';

export type ChildWelfareDb = Db<typeof schema>;

/** Agency-specific fields of a child case, sent as the registration's `extra`. */
export interface CaseDetails {
  municipality: string;
  ageAssessment: string;
  unaccompanied: boolean;
  guardianName: string | null;
}

/** Inserts child welfare's case for a registered child (inside the registration transaction). */
export async function insertCase(
  tx: ChildWelfareDb,
  recordId: string,
  victimId: string,
  person: Person,
  decision: StatusDecision,
  details: CaseDetails,
): Promise<void> {
  await tx.insert(childCases).values({
    id: recordId,
    victimId,
    ...person,
    ...decisionValues(decision),
    ...details,
  });
}

/** A child case with everything child welfare holds on it, loaded in one statement. */
export type CaseWithRecords = Awaited<ReturnType<typeof casesWithRecords>>[number];

function casesWithRecordsQuery(db: ChildWelfareDb, key: 'victimId' | 'id') {
  return db.query.childCases
    .findMany({
      where: anyOf(childCases[key]),
      with: {
        placements: { orderBy: (p, { asc }) => [asc(p.startedAt), asc(p.id)] },
        measures: { orderBy: (m, { asc }) => [asc(m.takenAt), asc(m.id)] },
        screenings: { orderBy: (s, { asc }) => [asc(s.screenedOn), asc(s.recordedAt)] },
      },
      orderBy: (c, { asc }) => [asc(c.openedAt)],
    })
    .prepare(`child_welfare_cases_by_${key}`);
}
const casesWithRecordsByVictimId = preparedPerDb((db: ChildWelfareDb) => casesWithRecordsQuery(db, 'victimId'));
const casesWithRecordsById = preparedPerDb((db: ChildWelfareDb) => casesWithRecordsQuery(db, 'id'));

/**
 * Child cases with their placements and measures. drizzle's relational query
 * compiles this into a single SQL statement, so a list of victims costs one
 * round trip.
 */
export function casesWithRecords(db: ChildWelfareDb, where: { victimIds?: readonly string[]; ids?: readonly string[] }) {
  // Prepared once per database handle: compiling this relational query was a quarter of the subgraph's CPU per request.
  return where.victimIds
    ? casesWithRecordsByVictimId(db).execute({ ids: arrayLiteral(where.victimIds) })
    : casesWithRecordsById(db).execute({ ids: arrayLiteral(where.ids ?? []) });
}

/** One child case row, or null. */
export async function caseById(db: ChildWelfareDb, id: string): Promise<ChildCaseRow | null> {
  const [row] = await db.select().from(childCases).where(eq(childCases.id, id));
  return row ?? null;
}

/** Records the outcome of an age assessment; NOT_FOUND for an unknown case. */
export async function assessAge(db: ChildWelfareDb, input: { caseId: string; ageAssessment: string }): Promise<CaseWithRecords> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(childCases)
      .set({ ageAssessment: input.ageAssessment })
      .where(eq(childCases.id, input.caseId))
      .returning({ id: childCases.id });
    if (!row) throw notFoundCase();
    const [updated] = await casesWithRecords(tx, { ids: [row.id] });
    return updated!;
  });
}

/** The error for an unknown case id (names no value). */
export function notFoundCase() {
  return hubError('NOT_FOUND', 'No child case with that id.');
}
