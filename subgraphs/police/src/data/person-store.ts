import { eq } from 'drizzle-orm';
import { decisionValues, anyOf, arrayLiteral, preparedPerDb, type Db, type Person, type StatusDecision } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';
import { persons, type PersonRow } from '../db/schema.ts';

export type PoliceDb = Db<typeof schema>;

/** Inserts the police's record of a registered person (inside the registration transaction). */
export async function insertPerson(tx: PoliceDb, recordId: string, victimId: string, person: Person, decision: StatusDecision): Promise<void> {
  await tx.insert(persons).values({
    id: recordId,
    victimId,
    ...person,
    ...decisionValues(decision),
  });
}

/** A person with everything the police hold on them, loaded in one statement. */
export type PersonWithRecords = Awaited<ReturnType<typeof personsWithRecords>>[number];

function personsWithRecordsQuery(db: PoliceDb, key: 'victimId' | 'id') {
  return db.query.persons
    .findMany({
      where: anyOf(persons[key]),
      with: {
        caseRoles: { with: { investigation: true } },
        custodyStays: true,
        screenings: { orderBy: (s, { asc }) => [asc(s.screenedOn), asc(s.recordedAt)] },
        compensationOrders: { with: { investigation: true } },
      },
      orderBy: (p, { asc }) => [asc(p.recordedAt)],
    })
    .prepare(`police_persons_by_${key}`);
}
const personsWithRecordsByVictimId = preparedPerDb((db: PoliceDb) => personsWithRecordsQuery(db, 'victimId'));
const personsWithRecordsById = preparedPerDb((db: PoliceDb) => personsWithRecordsQuery(db, 'id'));

/**
 * Persons with their case roles (and investigations), custody stays and
 * compensation orders. drizzle's relational query compiles this into a single
 * SQL statement, so a list of victims costs one round trip.
 */
export function personsWithRecords(db: PoliceDb, where: { victimIds?: readonly string[]; ids?: readonly string[] }) {
  // Prepared once per database handle: compiling this relational query was a quarter of the subgraph's CPU per request.
  return where.victimIds
    ? personsWithRecordsByVictimId(db).execute({ ids: arrayLiteral(where.victimIds) })
    : personsWithRecordsById(db).execute({ ids: arrayLiteral(where.ids ?? []) });
}

/** One person row, or null. */
export async function personById(db: PoliceDb, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}
