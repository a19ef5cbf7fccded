import { eq } from 'drizzle-orm';
import { decisionValues, anyOf, arrayLiteral, preparedPerDb, type Db, type Person, type StatusDecision } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';
import { clients, type ClientRow } from '../db/schema.ts';

export type NgoDb = Db<typeof schema>;

/** Inserts the organisation's record of a registered client (inside the registration transaction). */
export async function insertClient(
  tx: NgoDb,
  recordId: string,
  victimId: string,
  organisationId: string,
  person: Person,
  decision: StatusDecision,
): Promise<void> {
  await tx.insert(clients).values({
    id: recordId,
    victimId,
    organisationId,
    ...person,
    ...decisionValues(decision),
  });
}

/** A client with everything the organisation holds on them, loaded in one statement. */
export type ClientWithRecords = Awaited<ReturnType<typeof clientsWithRecords>>[number];

function clientsWithRecordsQuery(db: NgoDb, key: 'victimId' | 'id') {
  return db.query.clients
    .findMany({
      where: anyOf(clients[key]),
      with: {
        organisation: true,
        assistanceEpisodes: { orderBy: (e, { asc }) => [asc(e.startedAt), asc(e.id)] },
        consents: { orderBy: (c, { asc }) => [asc(c.givenAt), asc(c.id)] },
        screenings: { orderBy: (s, { asc }) => [asc(s.screenedOn), asc(s.recordedAt)] },
      },
      orderBy: (c, { asc }) => [asc(c.recordedAt)],
    })
    .prepare(`ngo_clients_by_${key}`);
}
const clientsWithRecordsByVictimId = preparedPerDb((db: NgoDb) => clientsWithRecordsQuery(db, 'victimId'));
const clientsWithRecordsById = preparedPerDb((db: NgoDb) => clientsWithRecordsQuery(db, 'id'));

/**
 * Clients with their organisation, assistance episodes and consents.
 * drizzle's relational query compiles this into a single SQL statement, so a
 * list of victims costs one round trip.
 */
export function clientsWithRecords(db: NgoDb, where: { victimIds?: readonly string[]; ids?: readonly string[] }) {
  // Prepared once per database handle: compiling this relational query was a quarter of the subgraph's CPU per request.
  return where.victimIds
    ? clientsWithRecordsByVictimId(db).execute({ ids: arrayLiteral(where.victimIds) })
    : clientsWithRecordsById(db).execute({ ids: arrayLiteral(where.ids ?? []) });
}

/** One client row, or null. */
export async function clientById(db: NgoDb, id: string): Promise<ClientRow | null> {
  const [row] = await db.select().from(clients).where(eq(clients.id, id));
  return row ?? null;
}
