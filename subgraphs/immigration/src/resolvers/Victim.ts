import type { ImmigrationContext } from '../context.ts';

export const Victim = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  immigration: (victim: { id: string }, _: unknown, ctx: ImmigrationContext) => ctx.loaders.applicantsByVictim.load(victim.id),
};
