import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import {
  hubError,
  personMatchKeys,
  possiblyChildOn,
  recordScreening,
  type NrmClient,
  type OnBehalf,
  type Person,
  type ScreeningInput,
  type ScreeningRow,
} from '@nrm-hub/kit';
import { applicants, reflectionPeriods, residencePermits, returnChecks, returnOverrides, returnProceedings, screenings } from '../db/schema.ts';
import { executionBlock, returnCheckStatus } from '../rules/return-check.ts';
import { applicantById, type ImmigrationDb } from './applicant-store.ts';

/** Records a screening of an applicant UDI holds (else `NOT_FOUND`, nothing written). */
export function recordImmigrationScreening(db: ImmigrationDb, input: ScreeningInput, screenedBy: string): Promise<ScreeningRow> {
  return db.transaction(async (tx) => {
    const applicant = await applicantById(tx, input.subjectId);
    const subject = applicant && { ...applicant, child: (day: string) => possiblyChildOn(day, applicant.birthDate, applicant.birthYear) };
    return recordScreening(tx, screenings, input, subject, screenedBy);
  });
}

/** A return proceeding with its checks and override, as the API shows it. */
export function proceedingsWithChecks(db: ImmigrationDb, where: { ids?: string[]; from?: string; to?: string }) {
  return db.query.returnProceedings.findMany({
    where: where.ids
      ? (r, { inArray }) => inArray(r.id, where.ids!)
      : and(eq(returnProceedings.status, 'PLANNED'), gte(returnProceedings.departureDate, where.from!), lte(returnProceedings.departureDate, where.to!)),
    with: { checks: { orderBy: (c, { asc }) => [asc(c.checkedAt)] }, override: true, applicant: { columns: { id: true, victimId: true } } },
    orderBy: (r, { asc }) => [asc(r.departureDate)],
  });
}

/**
 * Checks a return with the NRM: UDI computes the person's match keys from
 * its own record (no name leaves UDI), asks the NRM, and stores the answer
 * and `screened = true` in one transaction. If the NRM does not answer,
 * nothing is stored.
 */
export async function checkReturnWithNrm(
  db: ImmigrationDb,
  input: { returnId: string; by: string; nrm: NrmClient; onBehalf: OnBehalf | undefined; linkageSecret: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [proceeding] = await tx.select().from(returnProceedings).where(eq(returnProceedings.id, input.returnId)).for('update');
    if (!proceeding) throw hubError('NOT_FOUND', 'No return proceeding with that id.');
    const [applicant] = await tx.select().from(applicants).where(eq(applicants.id, proceeding.applicantId));
    const keys = personMatchKeys(input.linkageSecret, applicant as unknown as Person);
    const answer = await input.nrm.checkReturn({ agency: 'IMMIGRATION', returnId: proceeding.id, ...keys }, input.onBehalf);
    await tx
      .insert(returnChecks)
      .values({ returnId: proceeding.id, hit: answer.hit, alertId: answer.alertId, alertState: answer.alertState, checkedBy: input.by });
    await tx.update(returnProceedings).set({ screened: true }).where(eq(returnProceedings.id, proceeding.id));
  });
}

/**
 * Moves a PLANNED return to CARRIED_OUT. A return that was checked is
 * checked again first (the alert's state now, and anything registered
 * since). Blocked (`INVALID_STATE` with `reason`) when it was never checked
 * or its alert is not closed, unless `overrideReason` is given: then the
 * override (reason, what it overrode, who, when) is stored with the
 * execution. Any other state is `INVALID_STATE`; a refusal writes nothing.
 */
export async function executeReturn(
  db: ImmigrationDb,
  input: { returnId: string; by: string; overrideReason: string | null; nrm: NrmClient; onBehalf: OnBehalf | undefined; linkageSecret: string },
): Promise<void> {
  const [before] = await db.select().from(returnProceedings).where(eq(returnProceedings.id, input.returnId));
  if (!before) throw hubError('NOT_FOUND', 'No return proceeding with that id.');
  if (before.status !== 'PLANNED') throw hubError('INVALID_STATE', `A ${before.status} return cannot be executed.`, { reason: 'NOT_PLANNED' });
  const previous = await db.select().from(returnChecks).where(eq(returnChecks.returnId, input.returnId));
  if (previous.length) await checkReturnWithNrm(db, input);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(returnProceedings).where(eq(returnProceedings.id, input.returnId)).for('update');
    if (current?.status !== 'PLANNED') throw hubError('INVALID_STATE', `A ${current?.status} return cannot be executed.`, { reason: 'NOT_PLANNED' });
    const checks = await tx.select().from(returnChecks).where(eq(returnChecks.returnId, input.returnId)).orderBy(asc(returnChecks.checkedAt));
    const block = executionBlock(returnCheckStatus(checks));
    if (block && !input.overrideReason) {
      throw hubError(
        'INVALID_STATE',
        block === 'ALERT_OPEN'
          ? 'An alert on this return is open: close it, or record a reasoned override to execute.'
          : 'This return was never checked with the NRM: check it, or record a reasoned override to execute.',
        { reason: block },
      );
    }
    if (block) await tx.insert(returnOverrides).values({ returnId: input.returnId, reason: input.overrideReason!, blockedBy: block, by: input.by });
    await tx.update(returnProceedings).set({ status: 'CARRIED_OUT' }).where(eq(returnProceedings.id, input.returnId));
  });
}

/** One deadline row as the API shows it. */
export interface DeadlineRow {
  kind: 'REFLECTION_PERIOD_ENDS' | 'LIMITED_PERMIT_ENDS';
  victimId: string | null;
  recordId: string;
  dueOn: string;
}

/**
 * Reflection periods and limited permits for trafficking victims whose last
 * day falls within [today, today + withinDays], soonest first; optionally
 * only for some victim ids.
 */
export async function immigrationDeadlines(db: ImmigrationDb, today: string, to: string, victimIds?: readonly string[]): Promise<DeadlineRow[]> {
  const periods = await db
    .select({ recordId: reflectionPeriods.id, dueOn: reflectionPeriods.endsAt, victimId: applicants.victimId })
    .from(reflectionPeriods)
    .innerJoin(applicants, eq(applicants.id, reflectionPeriods.applicantId))
    .where(and(gte(reflectionPeriods.endsAt, today), lte(reflectionPeriods.endsAt, to), victimIds ? inArray(applicants.victimId, [...victimIds]) : undefined));
  const permits = await db
    .select({ recordId: residencePermits.id, dueOn: residencePermits.validUntil, victimId: applicants.victimId })
    .from(residencePermits)
    .innerJoin(applicants, eq(applicants.id, residencePermits.applicantId))
    .where(
      and(
        eq(residencePermits.kind, 'LIMITED_TRAFFICKING'),
        gte(residencePermits.validUntil, today),
        lte(residencePermits.validUntil, to),
        victimIds ? inArray(applicants.victimId, [...victimIds]) : undefined,
      ),
    );
  const rows: DeadlineRow[] = [
    ...periods.map((p) => ({ ...p, kind: 'REFLECTION_PERIOD_ENDS' as const })),
    ...permits.map((p) => ({ ...p, kind: 'LIMITED_PERMIT_ENDS' as const })),
  ];
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.recordId.localeCompare(b.recordId));
}
