import { eq, inArray } from 'drizzle-orm';
import { decisionValues, type Db, type Person, type StatusDecision } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';
import { persons, type PersonRow } from '../db/schema.ts';

export type PoliceDb = Db<typeof schema>;

/** Inserts the police's record of a registered person (inside the registration transaction). */
export async function insertPerson(
  tx: PoliceDb,
  recordId: string,
  victimId: string,
  person: Person,
  decision: StatusDecision,
): Promise<void> {
  await tx.insert(persons).values({
    id: recordId,
    victimId,
    ...person,
    ...decisionValues(decision),
  });
}

/** A person with everything the police hold on them, loaded in one statement. */
export type PersonWithRecords = Awaited<ReturnType<typeof personsWithRecords>>[number];

/**
 * Persons with their case roles (and investigations), custody stays and
 * compensation orders. drizzle's relational query compiles this into a single
 * SQL statement, so a list of victims costs one round trip.
 */
export function personsWithRecords(db: PoliceDb, where: { victimIds?: readonly string[]; ids?: readonly string[] }) {
  return db.query.persons.findMany({
    where: where.victimIds ? inArray(persons.victimId, [...where.victimIds]) : inArray(persons.id, [...(where.ids ?? [])]),
    with: {
      caseRoles: { with: { investigation: true } },
      custodyStays: true,
      screenings: { orderBy: (s, { asc }) => [asc(s.screenedOn), asc(s.recordedAt)] },
      compensationOrders: { with: { investigation: true } },
    },
    orderBy: (p, { asc }) => [asc(p.recordedAt)],
  });
}

/** One person row, or null. */
export async function personById(db: PoliceDb, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}
