import { possiblyChildOn, recordScreening, type ScreeningInput, type ScreeningRow } from '@nrm-hub/kit';
import { screenings } from '../db/schema.ts';
import { clientById, type NgoDb } from './client-store.ts';

/**
 * Records a screening of a client of the organisation (else `NOT_FOUND`,
 * nothing written); `ownClient` refuses another organisation's client (with
 * the same `NOT_FOUND`) inside the same transaction, before anything is written.
 */
export function recordNgoScreening(
  db: NgoDb,
  input: ScreeningInput,
  screenedBy: string,
  ownClient: (tx: NgoDb, organisationId: string) => Promise<void>,
): Promise<ScreeningRow> {
  return db.transaction(async (tx) => {
    const client = await clientById(tx, input.subjectId);
    if (client) await ownClient(tx, client.organisationId);
    const subject = client && { ...client, child: (day: string) => possiblyChildOn(day, client.birthDate, client.birthYear) };
    return recordScreening(tx, screenings, input, subject, screenedBy);
  });
}
