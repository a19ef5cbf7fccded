import { eq } from 'drizzle-orm';
import { badInput, hubError, insertOnce } from '@nrm-hub/kit';
import { assistanceEpisodes, clients, consents, organisations } from '../db/schema.ts';
import type { NgoDb } from './client-store.ts';

async function requireClient(db: NgoDb, clientId: string): Promise<void> {
  const [c] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!c) throw hubError('NOT_FOUND', 'No NGO client record with that id.');
}

/** Records an assistance episode; the same idempotency key returns the first episode. */
export async function recordAssistance(
  db: NgoDb,
  input: { idempotencyKey: string; clientId: string; type: string; startedAt: string; endedAt?: string | null },
) {
  return db.transaction(async (tx) => {
    await requireClient(tx, input.clientId);
    return insertOnce(tx, assistanceEpisodes, input, {
      // `endedAt` may be set later by ngoEndAssistance, so a retry is matched on what the episode started with.
      sameRequest: ['clientId', 'type', 'startedAt'],
      what: 'assistance episode',
    });
  });
}

/** Ends an assistance episode; ending it again on the same day is a no-op. */
export async function endAssistance(db: NgoDb, input: { episodeId: string; endedAt: string }) {
  return db.transaction(async (tx) => {
    const [episode] = await tx.select().from(assistanceEpisodes).where(eq(assistanceEpisodes.id, input.episodeId)).for('update');
    if (!episode) throw hubError('NOT_FOUND', 'No assistance episode with that id.');
    if (input.endedAt < episode.startedAt) throw badInput('input.endedAt', 'must not be before startedAt');
    if (episode.endedAt === input.endedAt) return episode;
    if (episode.endedAt) throw hubError('INVALID_STATE', 'The assistance episode has already ended on another day.');
    const [row] = await tx.update(assistanceEpisodes).set({ endedAt: input.endedAt }).where(eq(assistanceEpisodes.id, input.episodeId)).returning();
    return row!;
  });
}

/** Records a client's consent; the same idempotency key returns the first consent. */
export async function recordConsent(db: NgoDb, input: { idempotencyKey: string; clientId: string; agency: string; purpose: string; givenAt?: Date | null }) {
  return db.transaction(async (tx) => {
    await requireClient(tx, input.clientId);
    return insertOnce(
      tx,
      consents,
      { ...input, givenAt: input.givenAt ?? undefined },
      {
        // `givenAt` defaults to the time of the first request, so a retry that leaves it out matches any.
        sameRequest: (first) =>
          first.clientId === input.clientId &&
          first.agency === input.agency &&
          first.purpose === input.purpose &&
          (!input.givenAt || first.givenAt.getTime() === input.givenAt.getTime()),
        what: 'consent',
      },
    );
  });
}

/** Withdraws a consent; withdrawing an already withdrawn consent returns it unchanged. */
export async function withdrawConsent(db: NgoDb, input: { consentId: string; withdrawnAt: Date }) {
  return db.transaction(async (tx) => {
    const [consent] = await tx.select().from(consents).where(eq(consents.id, input.consentId)).for('update');
    if (!consent) throw hubError('NOT_FOUND', 'No consent with that id.');
    if (consent.withdrawnAt) return consent;
    if (input.withdrawnAt < consent.givenAt) throw badInput('input.withdrawnAt', 'must not be before givenAt');
    const [row] = await tx.update(consents).set({ withdrawnAt: input.withdrawnAt }).where(eq(consents.id, input.consentId)).returning();
    return row!;
  });
}

/**
 * The name of the organisation whose client a record of `table` (an
 * assistance episode or a consent) belongs to, or null when there is no such
 * record.
 */
async function owningOrganisation(db: NgoDb, table: typeof assistanceEpisodes | typeof consents, id: string): Promise<string | null> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(table)
    .innerJoin(clients, eq(clients.id, table.clientId))
    .innerJoin(organisations, eq(organisations.id, clients.organisationId))
    .where(eq(table.id, id));
  return row?.name ?? null;
}

/** The name of the organisation whose client an assistance episode belongs to, or null when there is no such episode. */
export const organisationOfEpisode = (db: NgoDb, episodeId: string) => owningOrganisation(db, assistanceEpisodes, episodeId);

/** The name of the organisation whose client gave a consent, or null when there is no such consent. */
export const organisationOfConsent = (db: NgoDb, consentId: string) => owningOrganisation(db, consents, consentId);
