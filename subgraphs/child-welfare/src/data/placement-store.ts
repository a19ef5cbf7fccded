import { eq } from 'drizzle-orm';
import { badInput, hubError, insertOnce } from '@nrm-hub/kit';
import { childCases, measures, placements, type MeasureRow, type PlacementRow } from '../db/schema.ts';
import { notFoundCase, type ChildWelfareDb } from './case-store.ts';

async function requireCase(db: ChildWelfareDb, caseId: string): Promise<void> {
  const [c] = await db.select({ id: childCases.id }).from(childCases).where(eq(childCases.id, caseId));
  if (!c) throw notFoundCase();
}

/** Starts a placement; the same idempotency key returns the first placement. */
export async function startPlacement(
  db: ChildWelfareDb,
  input: { idempotencyKey: string; caseId: string; kind: string; startedAt: string; plannedEndAt: string },
): Promise<PlacementRow> {
  return db.transaction(async (tx) => {
    await requireCase(tx, input.caseId);
    return insertOnce(tx, placements, input, {
      sameRequest: ['caseId', 'kind', 'startedAt', 'plannedEndAt'],
      what: 'placement',
    });
  });
}

/** Ends a placement; ending it again on the same day returns it unchanged. */
export async function endPlacement(db: ChildWelfareDb, input: { placementId: string; endedAt: string }): Promise<PlacementRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(placements).where(eq(placements.id, input.placementId)).for('update');
    if (!current) throw hubError('NOT_FOUND', 'No placement with that id.');
    if (input.endedAt < current.startedAt) {
      throw badInput('input.endedAt', 'must not be before the placement started');
    }
    if (current.endedAt !== null) {
      if (current.endedAt === input.endedAt) return current;
      throw hubError('INVALID_STATE', 'The placement has already ended on another day.');
    }
    const [row] = await tx.update(placements).set({ endedAt: input.endedAt }).where(eq(placements.id, input.placementId)).returning();
    return row!;
  });
}

/** Records a measure; the same idempotency key returns the first measure. */
export async function recordMeasure(db: ChildWelfareDb, input: { idempotencyKey: string; caseId: string; kind: string; takenAt: string }): Promise<MeasureRow> {
  return db.transaction(async (tx) => {
    await requireCase(tx, input.caseId);
    return insertOnce(tx, measures, input, {
      sameRequest: ['caseId', 'kind', 'takenAt'],
      what: 'measure',
    });
  });
}
