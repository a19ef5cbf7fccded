import { and, desc, eq } from 'drizzle-orm';
import { checkDateOrder, hubError, insertOnce } from '@nrm-hub/kit';
import { caseRoles, compensationOrders, custodyStays, investigations, persons, type InvestigationRow } from '../db/schema.ts';
import type { PoliceDb } from './person-store.ts';

/** One investigation, or null. */
export async function investigationById(db: PoliceDb, id: string): Promise<InvestigationRow | null> {
  const [row] = await db.select().from(investigations).where(eq(investigations.id, id));
  return row ?? null;
}

/** Newest investigations first. */
export function listInvestigations(db: PoliceDb, first: number): Promise<InvestigationRow[]> {
  return db.select().from(investigations).orderBy(desc(investigations.openedAt)).limit(first);
}

/** Opens an investigation; the same reference returns the existing one (retry-safe). */
export async function openInvestigation(
  db: PoliceDb,
  input: { reference: string; policeDistrict: string; offence: string; openedAt: string },
): Promise<InvestigationRow> {
  const [inserted] = await db.insert(investigations).values(input).onConflictDoNothing({ target: investigations.reference }).returning();
  if (inserted) return inserted;
  const [existing] = await db.select().from(investigations).where(eq(investigations.reference, input.reference));
  if (!existing || existing.offence !== input.offence || existing.policeDistrict !== input.policeDistrict) {
    throw hubError('IDEMPOTENCY_KEY_REUSED', 'An investigation with this reference exists with other details.');
  }
  return existing;
}

/** Runs inside a write's transaction with the investigation it changed (safeguards: tell the NRM of open-case roles). */
export type AfterCaseWrite = (tx: PoliceDb, investigationId: string) => Promise<void>;

/** Records prosecution, conviction or closure; `after` runs in the same transaction. */
export async function updateInvestigation(
  db: PoliceDb,
  input: { investigationId: string; status: string; prosecutedAs?: string | null; convictedAt?: string | null },
  after?: AfterCaseWrite,
): Promise<InvestigationRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ openedAt: investigations.openedAt })
      .from(investigations)
      .where(eq(investigations.id, input.investigationId))
      .for('update');
    if (!current) throw hubError('NOT_FOUND', 'No investigation with that id.');
    // Checked here, against the stored opening day, so nothing is written when it is out of order.
    checkDateOrder(current.openedAt, input.convictedAt, 'input.convictedAt', 'the day the investigation was opened');
    const [row] = await tx
      .update(investigations)
      .set({ status: input.status, prosecutedAs: input.prosecutedAs ?? null, convictedAt: input.convictedAt ?? null })
      .where(eq(investigations.id, input.investigationId))
      .returning();
    if (!row) throw hubError('NOT_FOUND', 'No investigation with that id.');
    await after?.(tx, row.id);
    return row;
  });
}

async function requirePersonAndInvestigation(db: PoliceDb, personId: string, investigationId?: string): Promise<void> {
  const [p] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  if (!p) throw hubError('NOT_FOUND', 'No police person record with that id.');
  if (investigationId) {
    const [i] = await db.select({ id: investigations.id }).from(investigations).where(eq(investigations.id, investigationId));
    if (!i) throw hubError('NOT_FOUND', 'No investigation with that id.');
  }
}

/** Gives a person a role in an investigation; adding the same role again is a no-op. `after` runs in the same transaction. */
export async function addCaseRole(db: PoliceDb, input: { personId: string; investigationId: string; role: string }, after?: AfterCaseWrite) {
  return db.transaction(async (tx) => {
    await requirePersonAndInvestigation(tx, input.personId, input.investigationId);
    await tx.insert(caseRoles).values(input).onConflictDoNothing();
    await after?.(tx, input.investigationId);
    const [investigation] = await tx.select().from(investigations).where(eq(investigations.id, input.investigationId));
    const [role] = await tx
      .select()
      .from(caseRoles)
      .where(and(eq(caseRoles.personId, input.personId), eq(caseRoles.investigationId, input.investigationId), eq(caseRoles.role, input.role)));
    return { ...role!, investigation: investigation! };
  });
}

/** Records a custody or prison stay; the same idempotency key returns the first stay. */
export async function recordCustodyStay(
  db: PoliceDb,
  input: { idempotencyKey: string; personId: string; kind: string; facility: string; startedAt: string; endedAt?: string | null },
) {
  return db.transaction(async (tx) => {
    await requirePersonAndInvestigation(tx, input.personId);
    return insertOnce(tx, custodyStays, input, {
      sameRequest: ['personId', 'kind', 'facility', 'startedAt', 'endedAt'],
      what: 'stay',
    });
  });
}

/** Records a compensation order; the same idempotency key returns the first order. */
export async function recordCompensation(
  db: PoliceDb,
  input: { idempotencyKey: string; personId: string; investigationId: string; amountNok: number; orderedAt: string; paidAt?: string | null },
) {
  return db.transaction(async (tx) => {
    await requirePersonAndInvestigation(tx, input.personId, input.investigationId);
    const row = await insertOnce(tx, compensationOrders, input, {
      sameRequest: ['personId', 'investigationId', 'amountNok', 'orderedAt', 'paidAt'],
      what: 'order',
    });
    const [investigation] = await tx.select().from(investigations).where(eq(investigations.id, row.investigationId));
    return { ...row, investigation: investigation! };
  });
}
