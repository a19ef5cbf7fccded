import type { NrmContext } from '../context.ts';
import { currentModel, explainPair, registrySize, type VictimScore } from '../data/matching.ts';
import type { LinkReviewRow } from '../db/schema.ts';
import { survivorOf } from './Victim.ts';

const explanations = new WeakMap<LinkReviewRow, Promise<VictimScore | null>>();

/**
 * Why the review was opened: the decision's own explanation, kept with the review (levels and
 * weights, the name's frequency included, no plaintext). Reviews opened before it was kept are
 * explained again: the registration against the candidate's registrations under the current model.
 */
function explain(review: LinkReviewRow, ctx: NrmContext): Promise<Pick<VictimScore, 'weight' | 'fields'> | null> {
  if (review.matchWeight !== null && review.fields !== null)
    return Promise.resolve({ weight: review.matchWeight, fields: review.fields as VictimScore['fields'] });
  let explained = explanations.get(review);
  if (!explained) {
    explained = (async () => {
      const registration = await ctx.loaders.registration.load(review.registrationId);
      const candidate = await survivorOf(review.candidateVictimId, ctx);
      if (!registration || !candidate) return null;
      const others = (await ctx.loaders.registrations.load(candidate.id)).filter((r) => r.id !== registration.id).map((r) => r.clk);
      return explainPair(await currentModel(ctx.db), registration.clk, others, await registrySize(ctx.db));
    })();
    explanations.set(review, explained);
  }
  return explained;
}

export const LinkReview = {
  registration: (review: LinkReviewRow, _: unknown, ctx: NrmContext) => ctx.loaders.registration.load(review.registrationId),
  victim: (review: LinkReviewRow, _: unknown, ctx: NrmContext) => survivorOf(review.victimId, ctx),
  candidate: (review: LinkReviewRow, _: unknown, ctx: NrmContext) => survivorOf(review.candidateVictimId, ctx),
  matchWeight: async (review: LinkReviewRow, _: unknown, ctx: NrmContext) => Math.round(((await explain(review, ctx))?.weight ?? 0) * 100) / 100,
  fields: async (review: LinkReviewRow, _: unknown, ctx: NrmContext) =>
    ((await explain(review, ctx))?.fields ?? []).map((f) => ({
      field: f.field === 'citizenship' ? 'CITIZENSHIP' : f.field.toUpperCase(),
      level: f.level,
      weight: f.weight,
    })),
};
