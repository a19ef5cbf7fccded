import { eq } from 'drizzle-orm';
import { addMonths, hubError, insertOnce } from '@nrm-hub/kit';
import { applicants, asylumDecisions, reflectionPeriods, residencePermits, returnProceedings } from '../db/schema.ts';
import type { ImmigrationDb } from './applicant-store.ts';

/** Length of a reflection period in months. */
export const REFLECTION_PERIOD_MONTHS = 6;
/** Longest a limited permit for a trafficking victim runs at a time, in months. */
export const LIMITED_PERMIT_MAX_MONTHS = 12;

async function requireApplicant(db: ImmigrationDb, applicantId: string): Promise<void> {
  const [a] = await db.select({ id: applicants.id }).from(applicants).where(eq(applicants.id, applicantId));
  if (!a) throw hubError('NOT_FOUND', 'No applicant with that id.');
}

/**
 * Grants the applicant's reflection period, ending six months after it is
 * granted. It is not renewable: a second one (under another key) is an
 * `INVALID_STATE` error; the same idempotency key returns the first period.
 */
export async function grantReflectionPeriod(db: ImmigrationDb, input: { idempotencyKey: string; applicantId: string; grantedAt: string }) {
  return db.transaction(async (tx) => {
    await requireApplicant(tx, input.applicantId);
    const endsAt = addMonths(input.grantedAt, REFLECTION_PERIOD_MONTHS);
    // No conflict target: either unique constraint (key or applicant) makes this a no-op.
    const [inserted] = await tx
      .insert(reflectionPeriods)
      .values({ ...input, endsAt })
      .onConflictDoNothing()
      .returning();
    if (inserted) return inserted;
    const [first] = await tx.select().from(reflectionPeriods).where(eq(reflectionPeriods.idempotencyKey, input.idempotencyKey));
    if (first) {
      if (first.applicantId !== input.applicantId) throw hubError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another reflection period.');
      return first;
    }
    throw hubError('INVALID_STATE', 'This applicant has already been granted a reflection period; it is not renewable.');
  });
}

/** Records a residence permit; the same idempotency key returns the first permit. */
export async function grantResidencePermit(
  db: ImmigrationDb,
  input: { idempotencyKey: string; applicantId: string; kind: string; grantedAt: string; validUntil: string },
) {
  return db.transaction(async (tx) => {
    await requireApplicant(tx, input.applicantId);
    return insertOnce(tx, residencePermits, input, {
      sameRequest: ['applicantId', 'kind', 'grantedAt', 'validUntil'],
      what: 'permit',
    });
  });
}

/** Records an asylum decision; the same idempotency key returns the first decision. */
export async function recordAsylumDecision(db: ImmigrationDb, input: { idempotencyKey: string; applicantId: string; outcome: string; decidedAt: string }) {
  return db.transaction(async (tx) => {
    await requireApplicant(tx, input.applicantId);
    return insertOnce(tx, asylumDecisions, input, {
      sameRequest: ['applicantId', 'outcome', 'decidedAt'],
      what: 'decision',
    });
  });
}

/** Plans a return (deportation); the same idempotency key returns the first proceeding. */
export async function planReturn(db: ImmigrationDb, input: { idempotencyKey: string; applicantId: string; departureDate: string; screened: boolean }) {
  return db.transaction(async (tx) => {
    await requireApplicant(tx, input.applicantId);
    return insertOnce(
      tx,
      returnProceedings,
      { ...input, status: 'PLANNED' },
      {
        // The status moves on after planning (checked, executed); the planned departure does not.
        sameRequest: ['applicantId', 'departureDate'],
        what: 'return',
      },
    );
  });
}
