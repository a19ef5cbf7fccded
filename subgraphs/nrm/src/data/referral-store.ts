// Referrals: sent by an agency to a service, answered by the receiver, completed by either.
import { asc, eq, inArray } from 'drizzle-orm';
import { hubError, insertOnce } from '@nrm-hub/kit';
import { referrals, victims, type ReferralRow } from '../db/schema.ts';
import { type NrmDb } from './db.ts';

/** Referrals of many victims, oldest first, for a loader. */
export function referralsOfVictims(db: NrmDb, victimIds: readonly string[]): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(inArray(referrals.victimId, [...victimIds]))
    .orderBy(asc(referrals.sentAt));
}

/** Sends a referral; the same idempotency key returns the first referral. */
export async function sendReferral(
  db: NrmDb,
  input: { victimId: string; fromAgency: string; target: string; idempotencyKey: string; sentBy: string },
): Promise<ReferralRow> {
  return db.transaction(async (tx) => {
    const [victim] = await tx.select({ id: victims.id }).from(victims).where(eq(victims.id, input.victimId));
    if (!victim) throw hubError('NOT_FOUND', 'No victim with that id.');
    return insertOnce(
      tx,
      referrals,
      { ...input, state: 'SENT' },
      {
        // The sender too (`sentBy`, the caller's agency claim: each NGO its own): another agency, or another
        // organisation of the same kind, reusing the key must not get this sender's referral back.
        sameRequest: ['victimId', 'target', 'fromAgency', 'sentBy'],
        what: 'referral',
        message: 'This idempotency key was already used for a different referral.',
      },
    );
  });
}

const NEXT_STATES: Record<string, readonly string[]> = {
  SENT: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['COMPLETED'],
  DECLINED: [],
  COMPLETED: [],
};

/**
 * Moves a referral along SENT → ACCEPTED/DECLINED, ACCEPTED → COMPLETED;
 * other moves are `INVALID_STATE`. `authorise` sees the referral (locked)
 * and the state asked for, and throws when the caller may not make that move.
 */
export async function updateReferralState(
  db: NrmDb,
  referralId: string,
  state: string,
  authorise: (current: ReferralRow, state: string) => void,
  /** The caller's agency claim, recorded as `answeredBy` when they accept or decline. */
  by: string,
): Promise<ReferralRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(referrals).where(eq(referrals.id, referralId)).for('update');
    if (!current) throw hubError('NOT_FOUND', 'No referral with that id.');
    authorise(current, state);
    if (current.state === state) return current;
    if (!NEXT_STATES[current.state]?.includes(state)) {
      throw hubError('INVALID_STATE', `A ${current.state} referral cannot become ${state}.`);
    }
    const now = new Date();
    const [updated] = await tx
      .update(referrals)
      .set(state === 'COMPLETED' ? { state, completedAt: now } : { state, answeredAt: now, answeredBy: by })
      .where(eq(referrals.id, referralId))
      .returning();
    return updated!;
  });
}
