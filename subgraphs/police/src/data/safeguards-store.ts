import { and, desc, eq, gte, isNotNull, isNull, lte, max, notInArray, or, sql } from 'drizzle-orm';
import { possiblyChildOn, recordScreening, type NrmClient, type OnBehalf, type ScreeningInput, type ScreeningRow } from '@nrm-hub/kit';
import { caseRoles, custodyStays, investigations, persons, screenings } from '../db/schema.ts';
import { openCaseRoles, TRAFFICKING_OFFENCES } from '../rules/safeguards.ts';
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

/**
 * Registered persons who are VICTIM in an investigation prosecuted as (else
 * investigated as) another offence than §257/§258, with their records; the
 * `first` with the most recently opened such case first. The rule itself
 * (`classificationMismatch`) decides on each role.
 */
export async function personsWithClassificationMismatch(db: PoliceDb, first: number) {
  const rows = await db
    .select({ personId: caseRoles.personId, latest: max(investigations.openedAt) })
    .from(caseRoles)
    .innerJoin(investigations, eq(investigations.id, caseRoles.investigationId))
    .innerJoin(persons, eq(persons.id, caseRoles.personId))
    .where(
      and(
        eq(caseRoles.role, 'VICTIM'),
        isNotNull(persons.victimId),
        notInArray(sql`coalesce(${investigations.prosecutedAs}, ${investigations.offence})`, [...TRAFFICKING_OFFENCES]),
      ),
    )
    .groupBy(caseRoles.personId)
    .orderBy(desc(max(investigations.openedAt)), caseRoles.personId)
    .limit(first);
  if (!rows.length) return [];
  const found = await personsWithRecords(db, { ids: rows.map((r) => r.personId) });
  const order = new Map(rows.map((r, i) => [r.personId, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
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
