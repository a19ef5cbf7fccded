import { and, asc, desc, eq, gt, lt, or } from 'drizzle-orm';
import { hubError } from '@nrm-hub/kit';
import { linkReviews, type LinkReviewRow } from '../db/schema.ts';
import { lockMatching } from './matching-lock.ts';
import { mergeWithin } from './merge-store.ts';
import { type NrmDb } from './db.ts';

/** A page of link reviews in one state, most likely the same person first (score descending, then id); `after` is the previous page's last id. */
export async function listLinkReviews(db: NrmDb, state: string, first: number, after?: string | null): Promise<LinkReviewRow[]> {
  let cursor;
  if (after) {
    const [last] = await db.select({ score: linkReviews.score, id: linkReviews.id }).from(linkReviews).where(eq(linkReviews.id, after));
    if (!last) return [];
    cursor = or(lt(linkReviews.score, last.score), and(eq(linkReviews.score, last.score), gt(linkReviews.id, last.id)));
  }
  return db
    .select()
    .from(linkReviews)
    .where(and(eq(linkReviews.state, state), cursor))
    .orderBy(desc(linkReviews.score), asc(linkReviews.id))
    .limit(first);
}

/**
 * Decides an OPEN link review, recording who and when. CONFIRMED merges the
 * registration's victim into the candidate victim (unless they are one
 * already); REJECTED keeps them apart. Deciding again the same way returns
 * the review unchanged; the other way is `INVALID_STATE`.
 */
export function decideLinkReview(db: NrmDb, input: { id: string; decision: 'CONFIRMED' | 'REJECTED'; decidedBy: string }): Promise<LinkReviewRow> {
  return db.transaction(async (tx) => {
    await lockMatching(tx);
    const [review] = await tx.select().from(linkReviews).where(eq(linkReviews.id, input.id)).for('update');
    if (!review) throw hubError('NOT_FOUND', 'No link review with that id.');
    if (review.state === input.decision) return review;
    if (review.state !== 'OPEN') throw hubError('INVALID_STATE', `A ${review.state} link review cannot become ${input.decision}.`);
    const [decided] = await tx
      .update(linkReviews)
      .set({ state: input.decision, decidedBy: input.decidedBy, decidedAt: new Date() })
      .where(eq(linkReviews.id, input.id))
      .returning();
    if (input.decision === 'CONFIRMED') {
      try {
        await mergeWithin(tx, { survivorId: review.candidateVictimId, mergedId: review.victimId, decidedBy: input.decidedBy, reviewId: review.id });
      } catch (error) {
        // Merged already by other means: confirming only records the decision.
        if ((error as { extensions?: { code?: string } }).extensions?.code !== 'INVALID_STATE') throw error;
      }
    }
    return decided!;
  });
}
