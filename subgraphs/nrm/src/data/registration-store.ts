// Registration: filing a registration under a victim (identifier hit, model match or a new id), its withdrawal.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { hubError } from '@nrm-hub/kit';
import { linkReviews, matchKeys, registrations, victimEvents, victims } from '../db/schema.ts';
import { bothCertain, decideMatch, deleteBuckets, insertBuckets, type VictimScore } from './matching.ts';
import { lockMatching } from './matching-lock.ts';
import { withSummaryOf } from './statistics-store.ts';
import { type NrmDb } from './db.ts';
import { mergeWithin } from './merge-store.ts';

/** A registration request as the NRM receives it (see `NrmRegistrationInput`), its CLK decoded. */
export interface DecodedRegistration {
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

/** The `registrations` row of a request filed under `victimId` (the id it is issued, too). */
export function registrationRow(req: DecodedRegistration, victimId: string, match: { matchedExisting: boolean; matchScore: number }) {
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
export async function register(db: NrmDb, req: DecodedRegistration): Promise<RegistrationAnswer> {
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
    const { id: registrationId, seq } = await withSummaryOf(tx, matchedExisting ? [filedUnder] : [], async () => {
      const [registration] = await tx
        .insert(registrations)
        .values(registrationRow(req, filedUnder, { matchedExisting, matchScore }))
        .returning({ id: registrations.id, seq: registrations.seq });
      return { result: registration!, after: [filedUnder] };
    });
    if (uniqueHashes.length > 0) {
      await tx.insert(matchKeys).values(uniqueHashes.map((value) => ({ registrationId, kind: 'ID_HASH', value })));
    }
    await insertBuckets(tx, seq, req.clk);
    let reviewId: string | null = null;
    if (review) {
      const [opened] = await tx
        .insert(linkReviews)
        .values({ registrationId, victimId, candidateVictimId: review.victimId, ...reviewScore(review) })
        .returning({ id: linkReviews.id });
      reviewId = opened!.id;
    }
    if (alsoMatched) {
      if (bothCertain({ kind: 'MATCH', best: { victimId, probability: matchScore, weight: 0, fields: [] }, second: alsoMatched })) {
        await mergeWithin(tx, { survivorId: victimId, mergedId: alsoMatched.victimId, decidedBy: AUTOMATIC_DECIDER });
      } else {
        // The registration joined one victim and resembles another as much: the coordinating unit decides.
        await tx.insert(linkReviews).values({ registrationId, victimId, candidateVictimId: alsoMatched.victimId, ...reviewScore(alsoMatched) });
      }
    }
    return { victimId, matchedExisting, matchScore, reviewId, replayed: false };
  });
}

/** What a link review keeps of the decision that opened it: the posterior, the match weight and each field's level and weight (no plaintext). */
function reviewScore(score: VictimScore): { score: number; matchWeight: number; fields: VictimScore['fields'] } {
  return { score: score.probability, matchWeight: score.weight, fields: score.fields };
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
    await deleteBuckets(tx, row.seq, row.clk);
    await tx.delete(matchKeys).where(eq(matchKeys.registrationId, row.id));
    await withSummaryOf(tx, [row.victimId], async () => ({ result: await tx.delete(registrations).where(eq(registrations.id, row.id)) }));
    if (!row.matchedExisting) {
      // The victim this registration created goes too, unless something else now refers to it.
      const victimId = row.issuedVictimId;
      const [used] = await tx
        .execute(
          sql`
        select 1 from registrations where victim_id = ${victimId} or issued_victim_id = ${victimId}
        union all select 1 from referrals where victim_id = ${victimId}
        union all select 1 from link_reviews where victim_id = ${victimId} or candidate_victim_id = ${victimId}
        union all select 1 from victims where merged_into = ${victimId}
        union all select 1 from victim_events where victim_id = ${victimId} or other_victim_id = ${victimId}
        limit 1`,
        )
        .then((r): unknown[] => (Array.isArray(r) ? (r as unknown[]) : (r as { rows: unknown[] }).rows));
      if (!used) await tx.delete(victims).where(eq(victims.id, victimId));
    }
    return true;
  });
}
