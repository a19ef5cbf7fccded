import type { ChildWelfareContext } from '../context.ts';

export const Victim = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  childWelfare: (victim: { id: string }, _: unknown, ctx: ChildWelfareContext) => ctx.loaders.casesByVictim.load(victim.id),
};
