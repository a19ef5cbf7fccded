import type { NrmContext } from '../context.ts';
import type { VictimRow } from '../db/schema.ts';

const STATUS_RANK: Record<string, number> = { ACTUAL: 3, POSSIBLE: 2, NOT_A_VICTIM: 1 };

export const Victim = {
  __resolveReference: (ref: { id: string }, ctx: NrmContext) => ctx.loaders.victim.load(ref.id),
  registrations: (victim: VictimRow, _: unknown, ctx: NrmContext) => ctx.loaders.registrations.load(victim.id),
  highestStatus: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const regs = await ctx.loaders.registrations.load(victim.id);
    return regs.reduce((best, r) => ((STATUS_RANK[r.status] ?? 0) > (STATUS_RANK[best] ?? 0) ? r.status : best), 'NOT_A_VICTIM');
  },
  registeringAgencies: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const regs = await ctx.loaders.registrations.load(victim.id);
    return [...new Set(regs.map((r) => r.agency))];
  },
  referrals: (victim: VictimRow, _: unknown, ctx: NrmContext) => ctx.loaders.referrals.load(victim.id),
  firstRegisteredAt: (victim: VictimRow) => victim.createdAt,
};
