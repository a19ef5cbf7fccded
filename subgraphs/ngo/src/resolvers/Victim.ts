import type { NgoContext } from '../context.ts';

export const Victim = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  assistance: (victim: { id: string }, _: unknown, ctx: NgoContext) => ctx.loaders.clientsByVictim.load(victim.id),
};
