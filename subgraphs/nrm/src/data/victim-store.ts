import { and, asc, eq, getTableColumns, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { anyOf, arrayLiteral, badInput, hubError, insertOnce, preparedPerDb, type Db } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';
import {
  linkReviews,
  lshBuckets,
  matchKeys,
  referrals,
  registrations,
  victimEvents,
  victims,
  type ReferralRow,
  type RegistrationRow,
  type VictimEventRow,
  type VictimRow,
} from '../db/schema.ts';
import { bothCertain, decideMatch, insertBuckets, type VictimScore } from './matching.ts';
import { lockMatching } from './matching-lock.ts';
import { withSummaryOf } from './statistics-store.ts';

export type NrmDb = Db<typeof schema>;

/** A registration request as the NRM receives it (see `NrmRegistrationInput`), its CLK decoded. */
export interface RegistrationRequest {
  agency: string;
  /** The registering user's agency claim (`ngo:rosa`), from the service credential. */
  registeredBy?: string | null;
  agencyRecordId: string;
  idempotencyKey: string;
  identifierHashes: string[];
  /** The CLK, 128 bytes. */
  clk: Uint8Array;
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
  /** 1 for an identifier hit or a new person; the model's posterior probability for a CLK match. */
  matchScore: number;
  /** The link review opened for an uncertain match, if any. */
  reviewId: string | null;
  /** True when this was a retry answered from the first registration (nothing written). */
  replayed: boolean;
}

/** Who a merge of two victims a registration matched with certainty is recorded as decided by. */
export const AUTOMATIC_DECIDER = 'nrm-matching';

export { lockMatching };

/** The `registrations` row of a request filed under `victimId` (the id it is issued, too). */
export function registrationRow(req: RegistrationRequest, victimId: string, match: { matchedExisting: boolean; matchScore: number }) {
  return {
    victimId,
    issuedVictimId: victimId,
    agency: req.agency,
    registeredBy: req.registeredBy ?? null,
    agencyRecordId: req.agencyRecordId,
    idempotencyKey: req.idempotencyKey,
    status: req.status,
    decidedBy: req.decidedBy,
    exploitationTypes: req.exploitationTypes,
    decidedOn: req.decidedOn,
    gender: req.gender,
    birthYear: req.birthYear ?? null,
    citizenships: req.citizenships,
    clk: req.clk,
    ...match,
  };
}

/**
 * Registers a potential victim. Idempotent per (agency, idempotency key):
 * an advisory lock serialises concurrent retries of the same request, and a
 * retry returns the first answer. Then, under the matching lock:
 *
 * 1. a hit on any identifier hash joins that registration's victim (score 1);
 * 2. otherwise the CLK comparisons with the LSH candidates decide (see
 *    `data/matching.ts`): a match joins that victim (score = Dice); an
 *    uncertain match gets a new victim and an OPEN link review against the
 *    candidate; otherwise a new victim (score 1).
 */
export async function register(db: NrmDb, req: RegistrationRequest): Promise<RegistrationAnswer> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${req.agency}|${req.idempotencyKey}`}))`);
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.agency, req.agency), eq(registrations.idempotencyKey, req.idempotencyKey)));
    if (existing) {
      const [review] = await tx.select({ id: linkReviews.id }).from(linkReviews).where(eq(linkReviews.registrationId, existing.id));
      return {
        victimId: existing.issuedVictimId,
        matchedExisting: existing.matchedExisting,
        matchScore: existing.matchScore,
        reviewId: review?.id ?? null,
        replayed: true,
      };
    }
    await lockMatching(tx);
    let victimId: string | undefined;
    let matchScore = 1;
    let review: VictimScore | null = null;
    // A second victim above the bar: merged into the joined one when both are certain, else a review for the pair.
    let alsoMatched: VictimScore | null = null;
    const uniqueHashes = [...new Set(req.identifierHashes)];
    if (uniqueHashes.length > 0) {
      const [hit] = await tx
        .select({ victimId: registrations.victimId })
        .from(matchKeys)
        .innerJoin(registrations, eq(registrations.id, matchKeys.registrationId))
        .where(and(eq(matchKeys.kind, 'ID_HASH'), inArray(matchKeys.value, uniqueHashes)))
        .orderBy(asc(registrations.registeredAt))
        .limit(1);
      victimId = hit?.victimId;
    }
    if (!victimId) {
      const decision = await decideMatch(tx, req.clk);
      if (decision.kind === 'MATCH') {
        victimId = decision.best!.victimId;
        matchScore = decision.best!.probability;
        alsoMatched = decision.second ?? null;
      } else if (decision.kind === 'REVIEW') {
        review = decision.best!;
      }
    }
    const matchedExisting = victimId !== undefined;
    if (!victimId) {
      const [created] = await tx.insert(victims).values({}).returning({ id: victims.id });
      victimId = created!.id;
    }
    // The statistics summary follows in this transaction: the joined victim's counts out, then in again with the new registration.
    const filedUnder = victimId;
    const registrationId = await withSummaryOf(tx, matchedExisting ? [filedUnder] : [], async () => {
      const [registration] = await tx
        .insert(registrations)
        .values(registrationRow(req, filedUnder, { matchedExisting, matchScore }))
        .returning({ id: registrations.id });
      return { result: registration!.id, after: [filedUnder] };
    });
    if (uniqueHashes.length > 0) {
      await tx.insert(matchKeys).values(uniqueHashes.map((value) => ({ registrationId, kind: 'ID_HASH', value })));
    }
    await insertBuckets(tx, registrationId, req.clk);
    let reviewId: string | null = null;
    if (review) {
      const [opened] = await tx
        .insert(linkReviews)
        .values({ registrationId, victimId, candidateVictimId: review.victimId, score: review.probability })
        .returning({ id: linkReviews.id });
      reviewId = opened!.id;
    }
    if (alsoMatched) {
      if (bothCertain({ kind: 'MATCH', best: { victimId, probability: matchScore, weight: 0, fields: [] }, second: alsoMatched })) {
        await mergeWithin(tx, { survivorId: victimId, mergedId: alsoMatched.victimId, decidedBy: AUTOMATIC_DECIDER });
      } else {
        // The registration joined one victim and resembles another as much: the coordinating unit decides.
        await tx.insert(linkReviews).values({ registrationId, victimId, candidateVictimId: alsoMatched.victimId, score: alsoMatched.probability });
      }
    }
    return { victimId, matchedExisting, matchScore, reviewId, replayed: false };
  });
}

/**
 * Compensation for an agency whose own record could not be stored: removes
 * the registration filed under (agency, idempotency key) with its match
 * keys, buckets and link reviews, and the victim it created when nothing
 * else refers to that victim. A retry with the same key then registers
 * afresh. False when there is no such registration; `INVALID_STATE` when it
 * was already moved by a merge or split (a person decided on it).
 */
export async function withdrawRegistration(db: NrmDb, agency: string, idempotencyKey: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${agency}|${idempotencyKey}`}))`);
    await lockMatching(tx);
    const [row] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.agency, agency), eq(registrations.idempotencyKey, idempotencyKey)));
    if (!row) return false;
    const [event] = await tx
      .select({ id: victimEvents.id })
      .from(victimEvents)
      .where(sql`${row.id} = any(${victimEvents.registrationIds})`)
      .limit(1);
    const [decided] = await tx
      .select({ id: linkReviews.id })
      .from(linkReviews)
      .where(and(eq(linkReviews.registrationId, row.id), sql`${linkReviews.state} <> 'OPEN'`))
      .limit(1);
    if (event || decided) throw hubError('INVALID_STATE', 'The registration was already merged or split; it cannot be withdrawn.');
    await tx.delete(linkReviews).where(eq(linkReviews.registrationId, row.id));
    await tx.delete(lshBuckets).where(eq(lshBuckets.registrationId, row.id));
    await tx.delete(matchKeys).where(eq(matchKeys.registrationId, row.id));
    await withSummaryOf(tx, [row.victimId], async () => ({ result: await tx.delete(registrations).where(eq(registrations.id, row.id)) }));
    if (!row.matchedExisting) {
      // The victim this registration created goes too, unless something else now refers to it.
      const victimId = row.issuedVictimId;
      const [used] = await tx.execute(sql`
        select 1 from registrations where victim_id = ${victimId} or issued_victim_id = ${victimId}
        union all select 1 from referrals where victim_id = ${victimId}
        union all select 1 from link_reviews where victim_id = ${victimId} or candidate_victim_id = ${victimId}
        union all select 1 from victims where merged_into = ${victimId}
        union all select 1 from victim_events where victim_id = ${victimId} or other_victim_id = ${victimId}
        limit 1`).then((r): unknown[] => (Array.isArray(r) ? (r as unknown[]) : (r as { rows: unknown[] }).rows));
      if (!used) await tx.delete(victims).where(eq(victims.id, victimId));
    }
    return true;
  });
}

/** Follows a victim id to the victim it resolves to now (itself, or the survivor it was merged into). */
export async function resolveVictim(db: NrmDb, id: string): Promise<VictimRow | null> {
  const [row] = await db.select().from(victims).where(eq(victims.id, id));
  if (!row?.mergedInto) return row ?? null;
  const [survivor] = await db.select().from(victims).where(eq(victims.id, row.mergedInto));
  return survivor ?? null;
}

/**
 * Merges one victim into another (both resolved to their survivors first).
 * Every registration of the merged victim moves to the survivor; the merged
 * id and the ids merged into it before now resolve to the survivor, so the
 * ids agencies stored keep working. Open link reviews between the two close
 * as confirmed. Recorded in `victim_events`. `INVALID_STATE` when both are
 * already one victim.
 */
export function mergeVictims(db: NrmDb, input: MergeInput): Promise<VictimRow> {
  return db.transaction((tx) => mergeWithin(tx, input));
}

/** What a merge needs: the two victims, who decided, and the link review it settles, if any. */
export interface MergeInput {
  survivorId: string;
  mergedId: string;
  decidedBy: string;
  reviewId?: string | null;
}

/** `mergeVictims` inside a transaction the caller holds. */
export async function mergeWithin(tx: NrmDb, input: MergeInput): Promise<VictimRow> {
  await lockMatching(tx);
  const survivor = await resolveVictim(tx, input.survivorId);
  const merged = await resolveVictim(tx, input.mergedId);
  if (!survivor || !merged) throw hubError('NOT_FOUND', 'No victim with that id.');
  if (survivor.id === merged.id) throw hubError('INVALID_STATE', 'These ids already name the same victim.');
  const now = new Date();
  const moved = await withSummaryOf(tx, [survivor.id, merged.id], async () => ({
    result: await tx.update(registrations).set({ victimId: survivor.id }).where(eq(registrations.victimId, merged.id)).returning({ id: registrations.id }),
  }));
  const redirected = await tx
    .update(victims)
    .set({ mergedInto: survivor.id, mergedAt: now })
    .where(or(eq(victims.id, merged.id), eq(victims.mergedInto, merged.id)))
    .returning({ id: victims.id });
  await tx.insert(victimEvents).values({
    kind: 'MERGE',
    victimId: survivor.id,
    otherVictimId: merged.id,
    registrationIds: moved.map((r) => r.id),
    redirectedIds: redirected.map((v) => v.id),
    reviewId: input.reviewId ?? null,
    decidedBy: input.decidedBy,
    at: now,
  });
  const cluster = [survivor.id, ...(await mergedIdsOf(tx, [survivor.id])).map((v) => v.id)];
  await tx
    .update(linkReviews)
    .set({ state: 'CONFIRMED', decidedBy: input.decidedBy, decidedAt: now })
    .where(and(eq(linkReviews.state, 'OPEN'), inArray(linkReviews.victimId, cluster), inArray(linkReviews.candidateVictimId, cluster)));
  return survivor;
}

/**
 * Splits registrations off a victim (resolved to its survivor). The
 * registrations move to one victim: when they are exactly the registrations
 * once issued under ids merged into this victim, the earliest of those ids
 * comes back as a victim of its own (so the agencies' stored ids follow
 * their records); otherwise a new victim. Merged-away ids whose issued
 * registrations all move are redirected to it. Every registration is kept;
 * the split is recorded in `victim_events`. A registration issued under the
 * split victim's own id keeps showing under that id in its agency's view
 * until the agency re-points its record.
 */
export async function splitVictim(
  db: NrmDb,
  input: { victimId: string; registrationIds: string[]; decidedBy: string },
): Promise<VictimRow> {
  return db.transaction(async (tx) => {
    await lockMatching(tx);
    const victim = await resolveVictim(tx, input.victimId);
    if (!victim) throw hubError('NOT_FOUND', 'No victim with that id.');
    const own = await tx.select().from(registrations).where(eq(registrations.victimId, victim.id));
    const moving = new Set(input.registrationIds);
    if (moving.size === 0) throw badInput('registrationIds', 'must name at least one registration');
    if ([...moving].some((id) => !own.some((r) => r.id === id))) {
      throw badInput('registrationIds', 'each must be a registration of this victim');
    }
    if (moving.size === own.length) throw hubError('INVALID_STATE', 'A split must leave at least one registration with the victim.');
    const merged = await mergedIdsOf(tx, [victim.id]);
    const issuedBy = (victimId: string) => own.filter((r) => r.issuedVictimId === victimId);
    const followers = merged.filter((m) => {
      const issued = issuedBy(m.id);
      return issued.length > 0 && issued.every((r) => moving.has(r.id));
    });
    const movingRows = own.filter((r) => moving.has(r.id));
    const revivable = movingRows.every((r) => followers.some((m) => m.id === r.issuedVictimId));
    const now = new Date();
    let target: VictimRow;
    if (revivable && followers.length > 0) {
      const earliest = [...followers].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!;
      [target] = (await tx
        .update(victims)
        .set({ mergedInto: null, mergedAt: null })
        .where(eq(victims.id, earliest.id))
        .returning()) as [VictimRow];
    } else {
      [target] = (await tx.insert(victims).values({}).returning()) as [VictimRow];
    }
    const redirect = followers.map((m) => m.id).filter((id) => id !== target.id);
    if (redirect.length > 0) {
      await tx.update(victims).set({ mergedInto: target.id, mergedAt: now }).where(inArray(victims.id, redirect));
    }
    await withSummaryOf(tx, [victim.id, target.id], async () => ({
      result: await tx.update(registrations).set({ victimId: target.id }).where(inArray(registrations.id, [...moving])),
    }));
    await tx.insert(victimEvents).values({
      kind: 'SPLIT',
      victimId: victim.id,
      otherVictimId: target.id,
      registrationIds: [...moving],
      redirectedIds: followers.map((m) => m.id),
      decidedBy: input.decidedBy,
      at: now,
    });
    return target;
  });
}

/** Victims merged into any of the given victims, for a loader. */
export function mergedIdsOf(db: NrmDb, victimIds: readonly string[]): Promise<VictimRow[]> {
  return db
    .select()
    .from(victims)
    .where(inArray(victims.mergedInto, [...victimIds]))
    .orderBy(asc(victims.createdAt));
}

/** Merge and split events naming any of the given victims in one role, oldest first, for a loader. */
export function eventsOfVictims(db: NrmDb, victimIds: readonly string[], role: 'victimId' | 'otherVictimId'): Promise<VictimEventRow[]> {
  return db
    .select()
    .from(victimEvents)
    .where(inArray(victimEvents[role], [...victimIds]))
    .orderBy(asc(victimEvents.at));
}

/** Registrations by id, for a loader. */
export function registrationsByIds(db: NrmDb, ids: readonly string[]): Promise<RegistrationRow[]> {
  return db.select().from(registrations).where(inArray(registrations.id, [...ids]));
}

/** Victims by id, for a loader. */
export function victimsByIds(db: NrmDb, ids: readonly string[]): Promise<VictimRow[]> {
  return victimsByIdsQuery(db).execute({ ids: arrayLiteral(ids) });
}
const victimsByIdsQuery = preparedPerDb((db: NrmDb) => db.select().from(victims).where(anyOf(victims.id)).prepare('nrm_victims_by_ids'));

/** `victims(filter)`: each condition optional; `ageGroup` is checked by the resolver's rules (see `VictimFilter`). */
export interface VictimListFilter {
  status?: string | null;
  ageGroup?: 'CHILD' | 'ADULT' | 'UNKNOWN' | null;
  year?: number | null;
  agency?: string | null;
}

/** Whose registrations a filter may read: every one the caller may see, and for the age group only its own agency's (all for the coordinating unit). */
export interface FilterViewer {
  coordinatingUnit: boolean;
  /** The caller's agency claim (`ngo:rosa` for NGO staff), matched against `registered_by` for NGO registrations. */
  agencyClaim: string;
  /** The caller's registering agency (POLICE, IMMIGRATION, CHILD_WELFARE, NGO), null for others. */
  ownAgency: string | null;
}

/**
 * A page of victims in id order; victims merged into another are left out.
 * With a filter, each victim is grouped with the registrations the viewer may
 * see (the rule of `maySeeRegistration`) and kept when they meet it.
 */
export function listVictims(db: NrmDb, first: number, after?: string | null, filter?: VictimListFilter | null, viewer?: FilterViewer): Promise<VictimRow[]> {
  const base = and(isNull(victims.mergedInto), after ? gt(victims.id, after) : undefined);
  const active = filter && (filter.status || filter.ageGroup || filter.year || filter.agency);
  if (!active) return after ? victimsPageAfter(db).execute({ first, after }) : victimsFirstPage(db).execute({ first });
  if (!viewer) throw hubError('FORBIDDEN', 'A filtered list needs a caller.');
  const visible = viewer.coordinatingUnit
    ? sql`true`
    : sql`(${registrations.agency} <> 'NGO' or ${registrations.registeredBy} = ${viewer.agencyClaim})`;
  const rank = sql`case ${registrations.status} when 'ACTUAL' then 3 when 'POSSIBLE' then 2 when 'NOT_A_VICTIM' then 1 end`;
  const conditions = [];
  if (filter.status) conditions.push(sql`coalesce(max(${rank}), 1) = ${({ ACTUAL: 3, POSSIBLE: 2, NOT_A_VICTIM: 1 } as Record<string, number>)[filter.status] ?? 0}`);
  if (filter.agency || filter.year) {
    const byAgency = filter.agency ? sql`${registrations.agency} = ${filter.agency}` : sql`true`;
    const inYear = filter.year ? sql`extract(year from ${registrations.decidedOn})::int = ${filter.year}` : sql`true`;
    conditions.push(sql`coalesce(bool_or(${byAgency} and ${inYear}), false)`);
  }
  if (filter.ageGroup) {
    const own = viewer.coordinatingUnit ? sql`true` : viewer.ownAgency ? sql`${registrations.agency} = ${viewer.ownAgency}` : sql`false`;
    const birthYear = sql`min(${registrations.birthYear}) filter (where ${own})`;
    const firstYear = sql`min(extract(year from ${registrations.decidedOn})::int) filter (where ${own})`;
    conditions.push(
      sql`(case when ${birthYear} is null then 'UNKNOWN' when ${firstYear} - ${birthYear} < 18 then 'CHILD' else 'ADULT' end) = ${filter.ageGroup}`,
    );
  }
  return db
    .select(getTableColumns(victims))
    .from(victims)
    .leftJoin(registrations, and(eq(registrations.victimId, victims.id), visible))
    .where(base)
    .groupBy(victims.id)
    .having(and(...conditions))
    .orderBy(asc(victims.id))
    .limit(first);
}

// Prepared once per database handle (the victim list opens every view).
const victimsFirstPage = preparedPerDb((db: NrmDb) =>
  db.select().from(victims).where(isNull(victims.mergedInto)).orderBy(asc(victims.id)).limit(sql.placeholder('first')).prepare('nrm_victims_first_page'),
);
const victimsPageAfter = preparedPerDb((db: NrmDb) =>
  db
    .select()
    .from(victims)
    .where(and(isNull(victims.mergedInto), gt(victims.id, sql.placeholder('after'))))
    .orderBy(asc(victims.id))
    .limit(sql.placeholder('first'))
    .prepare('nrm_victims_page_after'),
);

/** Registrations of many victims, oldest first, for a loader. */
export function registrationsOfVictims(db: NrmDb, victimIds: readonly string[]): Promise<RegistrationRow[]> {
  return registrationsOfVictimsQuery(db).execute({ ids: arrayLiteral(victimIds) });
}
const registrationsOfVictimsQuery = preparedPerDb((db: NrmDb) =>
  db.select().from(registrations).where(anyOf(registrations.victimId)).orderBy(asc(registrations.registeredAt)).prepare('nrm_registrations_of_victims'),
);

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
    return insertOnce(tx, referrals, { ...input, state: 'SENT' }, {
      sameRequest: (first) => first.victimId === input.victimId && first.target === input.target,
      what: 'referral',
      message: 'This idempotency key was already used for a different referral.',
    });
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
      .set(state === 'COMPLETED' ? { state, completedAt: now } : { state, answeredAt: now })
      .where(eq(referrals.id, referralId))
      .returning();
    return updated!;
  });
}
