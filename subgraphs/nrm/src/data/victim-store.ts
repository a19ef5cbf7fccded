import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { hubError, type Db } from '@nrm-hub/kit';
import * as schema from '../db/schema.ts';
import { matchKeys, referrals, registrations, victims, type ReferralRow, type RegistrationRow, type VictimRow } from '../db/schema.ts';

export type NrmDb = Db<typeof schema>;

/** A registration request as the NRM receives it (see `NrmRegistrationInput`). */
export interface RegistrationRequest {
  agency: string;
  agencyRecordId: string;
  idempotencyKey: string;
  identifierHashes: string[];
  status: string;
  decidedBy: string;
  exploitationTypes: string[];
  decidedOn: string;
  gender: string;
  birthYear?: number | null;
  citizenships: string[];
}

export interface RegistrationAnswer {
  victimId: string;
  matchedExisting: boolean;
  matchScore: number;
}

/**
 * Registers a potential victim. Idempotent per (agency, idempotency key):
 * an advisory lock serialises concurrent retries of the same request, and a
 * retry returns the first answer. A hit on any identifier hash joins the
 * existing victim; otherwise a new victim is created.
 */
export async function register(db: NrmDb, req: RegistrationRequest): Promise<RegistrationAnswer> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${req.agency}|${req.idempotencyKey}`}))`);
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.agency, req.agency), eq(registrations.idempotencyKey, req.idempotencyKey)));
    if (existing) {
      return { victimId: existing.victimId, matchedExisting: existing.matchedExisting, matchScore: existing.matchScore };
    }
    let victimId: string | undefined;
    if (req.identifierHashes.length > 0) {
      const [hit] = await tx
        .select({ victimId: registrations.victimId })
        .from(matchKeys)
        .innerJoin(registrations, eq(registrations.id, matchKeys.registrationId))
        .where(and(eq(matchKeys.kind, 'ID_HASH'), inArray(matchKeys.value, req.identifierHashes)))
        .orderBy(asc(registrations.registeredAt))
        .limit(1);
      victimId = hit?.victimId;
    }
    const matchedExisting = victimId !== undefined;
    if (!victimId) {
      const [created] = await tx.insert(victims).values({}).returning({ id: victims.id });
      victimId = created!.id;
    }
    const [registration] = await tx
      .insert(registrations)
      .values({
        victimId,
        agency: req.agency,
        agencyRecordId: req.agencyRecordId,
        idempotencyKey: req.idempotencyKey,
        status: req.status,
        decidedBy: req.decidedBy,
        exploitationTypes: req.exploitationTypes,
        decidedOn: req.decidedOn,
        gender: req.gender,
        birthYear: req.birthYear ?? null,
        citizenships: req.citizenships,
        matchedExisting,
        matchScore: 1,
      })
      .returning({ id: registrations.id });
    const uniqueHashes = [...new Set(req.identifierHashes)];
    if (uniqueHashes.length > 0) {
      await tx.insert(matchKeys).values(uniqueHashes.map((value) => ({ registrationId: registration!.id, kind: 'ID_HASH', value })));
    }
    return { victimId, matchedExisting, matchScore: 1 };
  });
}

/** Victims by id, for a loader. */
export function victimsByIds(db: NrmDb, ids: readonly string[]): Promise<VictimRow[]> {
  return db.select().from(victims).where(inArray(victims.id, [...ids]));
}

/** A page of victims in id order. */
export function listVictims(db: NrmDb, first: number, after?: string | null): Promise<VictimRow[]> {
  return db
    .select()
    .from(victims)
    .where(after ? gt(victims.id, after) : undefined)
    .orderBy(asc(victims.id))
    .limit(first);
}

/** Registrations of many victims, oldest first, for a loader. */
export function registrationsOfVictims(db: NrmDb, victimIds: readonly string[]): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(registrations)
    .where(inArray(registrations.victimId, [...victimIds]))
    .orderBy(asc(registrations.registeredAt));
}

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
  input: { victimId: string; fromAgency: string; target: string; idempotencyKey: string },
): Promise<ReferralRow> {
  return db.transaction(async (tx) => {
    const [victim] = await tx.select({ id: victims.id }).from(victims).where(eq(victims.id, input.victimId));
    if (!victim) throw hubError('NOT_FOUND', 'No victim with that id.');
    const [inserted] = await tx
      .insert(referrals)
      .values({ ...input, state: 'SENT' })
      .onConflictDoNothing({ target: referrals.idempotencyKey })
      .returning();
    if (inserted) return inserted;
    const [first] = await tx.select().from(referrals).where(eq(referrals.idempotencyKey, input.idempotencyKey));
    if (!first || first.victimId !== input.victimId || first.target !== input.target) {
      throw hubError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different referral.');
    }
    return first;
  });
}

const NEXT_STATES: Record<string, readonly string[]> = {
  SENT: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['COMPLETED'],
  DECLINED: [],
  COMPLETED: [],
};

/** Moves a referral along SENT → ACCEPTED/DECLINED, ACCEPTED → COMPLETED; other moves are `INVALID_STATE`. */
export async function updateReferralState(db: NrmDb, referralId: string, state: string): Promise<ReferralRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(referrals).where(eq(referrals.id, referralId)).for('update');
    if (!current) throw hubError('NOT_FOUND', 'No referral with that id.');
    if (current.state === state) return current;
    if (!NEXT_STATES[current.state]?.includes(state)) {
      throw hubError('INVALID_STATE', `A ${current.state} referral cannot become ${state}.`);
    }
    const now = new Date();
    const [updated] = await tx
      .update(referrals)
      .set(state === 'COMPLETED' ? { state, completedAt: now } : { state, answeredAt: now })
      .where(eq(referrals.id, referralId))
      .returning();
    return updated!;
  });
}
