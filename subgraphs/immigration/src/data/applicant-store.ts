import { eq } from 'drizzle-orm';
import { decisionValues, isEeaCitizen, anyOf, arrayLiteral, preparedPerDb, type Db, type Person, type StatusDecision } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';
import { applicants, type ApplicantRow } from '../db/schema.ts';

export type ImmigrationDb = Db<typeof schema>;

/** Inserts UDI's record of a registered applicant (inside the registration transaction). */
export async function insertApplicant(tx: ImmigrationDb, recordId: string, victimId: string, person: Person, decision: StatusDecision): Promise<void> {
  await tx.insert(applicants).values({
    id: recordId,
    victimId,
    ...person,
    dufNumber: person.identifiers.find((i) => i.type === 'DUF_NUMMER')?.value ?? null,
    eeaCitizen: isEeaCitizen(person.citizenships),
    ...decisionValues(decision),
  });
}

/** An applicant with everything UDI holds on them, loaded in one statement. */
export type ApplicantWithRecords = Awaited<ReturnType<typeof applicantsWithRecords>>[number];

function applicantsWithRecordsQuery(db: ImmigrationDb, key: 'victimId' | 'id') {
  return db.query.applicants
    .findMany({
      where: anyOf(applicants[key]),
      with: {
        reflectionPeriods: { orderBy: (r, { asc }) => [asc(r.grantedAt)] },
        residencePermits: { orderBy: (r, { asc }) => [asc(r.grantedAt)] },
        asylumDecisions: { orderBy: (r, { asc }) => [asc(r.decidedAt)] },
        returnProceedings: {
          orderBy: (r, { asc }) => [asc(r.departureDate)],
          with: { checks: { orderBy: (c, { asc }) => [asc(c.checkedAt)] }, override: true },
        },
        screenings: { orderBy: (s, { asc }) => [asc(s.screenedOn), asc(s.recordedAt)] },
      },
      orderBy: (a, { asc }) => [asc(a.recordedAt)],
    })
    .prepare(`immigration_applicants_by_${key}`);
}
const applicantsWithRecordsByVictimId = preparedPerDb((db: ImmigrationDb) => applicantsWithRecordsQuery(db, 'victimId'));
const applicantsWithRecordsById = preparedPerDb((db: ImmigrationDb) => applicantsWithRecordsQuery(db, 'id'));

/**
 * Applicants with their reflection periods, residence permits, asylum
 * decisions and return proceedings. drizzle's relational query compiles this
 * into a single SQL statement, so a list of victims costs one round trip.
 */
export function applicantsWithRecords(db: ImmigrationDb, where: { victimIds?: readonly string[]; ids?: readonly string[] }) {
  // Prepared once per database handle: compiling this relational query was a quarter of the subgraph's CPU per request.
  return where.victimIds
    ? applicantsWithRecordsByVictimId(db).execute({ ids: arrayLiteral(where.victimIds) })
    : applicantsWithRecordsById(db).execute({ ids: arrayLiteral(where.ids ?? []) });
}

/** One applicant row, or null. */
export async function applicantById(db: ImmigrationDb, id: string): Promise<ApplicantRow | null> {
  const [row] = await db.select().from(applicants).where(eq(applicants.id, id));
  return row ?? null;
}
