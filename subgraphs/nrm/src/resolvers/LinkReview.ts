import type { NrmContext } from '../context.ts';
import type { LinkReviewRow } from '../db/schema.ts';
import { survivorOf } from './Victim.ts';

export const LinkReview = {
  registration: (review: LinkReviewRow, _: unknown, ctx: NrmContext) => ctx.loaders.registration.load(review.registrationId),
  victim: (review: LinkReviewRow, _: unknown, ctx: NrmContext) => survivorOf(review.victimId, ctx),
  candidate: (review: LinkReviewRow, _: unknown, ctx: NrmContext) => survivorOf(review.candidateVictimId, ctx),
};
