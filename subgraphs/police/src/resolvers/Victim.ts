import type { PoliceContext } from '../context.ts';

export const Victim = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  police: (victim: { id: string }, _: unknown, ctx: PoliceContext) => ctx.loaders.personsByVictim.load(victim.id),
};
