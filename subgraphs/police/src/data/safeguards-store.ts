import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { possiblyChildOn, recordScreening, type NrmClient, type OnBehalf, type ScreeningInput, type ScreeningRow } from '@nrm-hub/kit';
import { caseRoles, custodyStays, screenings } from '../db/schema.ts';
import { openCaseRoles } from '../rules/safeguards.ts';
import { personById, personsWithRecords, type PoliceDb } from './person-store.ts';

/** Records a screening of a person the police hold (else `NOT_FOUND`, nothing written). */
export function recordPoliceScreening(db: PoliceDb, input: ScreeningInput, screenedBy: string): Promise<ScreeningRow> {
  return db.transaction(async (tx) => {
    const person = await personById(tx, input.subjectId);
    const subject = person && { ...person, child: (day: string) => possiblyChildOn(day, person.birthDate, person.birthYear) };
    return recordScreening(tx, screenings, input, subject, screenedBy);
  });
}

/** Persons with an ongoing custody or prison stay on `day`, with their records. */
export async function personsInCustodyOn(db: PoliceDb, day: string) {
  const held = await db
    .selectDistinct({ personId: custodyStays.personId })
    .from(custodyStays)
    .where(and(lte(custodyStays.startedAt, day), or(isNull(custodyStays.endedAt), gte(custodyStays.endedAt, day))));
  return held.length ? personsWithRecords(db, { ids: held.map((h) => h.personId) }) : [];
}

/** Police person ids with a role in an investigation. */
export async function personIdsInInvestigation(db: PoliceDb, investigationId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ personId: caseRoles.personId }).from(caseRoles).where(eq(caseRoles.investigationId, investigationId));
  return rows.map((r) => r.personId);
}

/**
 * Tells the NRM each registered person's roles in open trafficking
 * investigations (`openCaseRoles`), from inside the caller's transaction:
 * if the NRM does not answer, the police write is rolled back too, so the
 * two never disagree. Only victim ids and roles leave the police.
 */
export async function syncOpenCaseRoles(tx: PoliceDb, nrm: NrmClient, onBehalf: OnBehalf | undefined, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  const persons = await personsWithRecords(tx, { ids: personIds });
  for (const person of persons) {
    if (!person.victimId) continue;
    await nrm.setOpenCaseRoles({ victimId: person.victimId, roles: openCaseRoles(person.caseRoles) }, onBehalf);
  }
}
