import type { NrmContext } from '../context.ts';
import type { RegistrationRow, VictimRow } from '../db/schema.ts';
import { maySeeReferral, maySeeRegistration, withheldReferral, withheldRegistration } from '../rules/access.ts';

const STATUS_RANK: Record<string, number> = { ACTUAL: 3, POSSIBLE: 2, NOT_A_VICTIM: 1 };

/** The victim an id resolves to now: itself, or the survivor it was merged into. */
export async function survivorOf(id: string, ctx: NrmContext): Promise<VictimRow | null> {
  const row = await ctx.loaders.victim.load(id);
  return row?.mergedInto ? ctx.loaders.victim.load(row.mergedInto) : row;
}

/** The victim's registrations the caller may see (see `maySeeRegistration`). */
async function visibleRegistrations(victim: VictimRow, ctx: NrmContext): Promise<RegistrationRow[]> {
  const regs = await ctx.loaders.registrations.load(victim.id);
  return regs.filter((r) => maySeeRegistration(ctx.viewer, r));
}

export const Victim = {
  __resolveReference: (ref: { id: string }, ctx: NrmContext) => survivorOf(ref.id, ctx),
  registrations: async (victim: VictimRow, _: unknown, ctx: NrmContext) =>
    (await ctx.loaders.registrations.load(victim.id)).map((r) => (maySeeRegistration(ctx.viewer, r) ? r : withheldRegistration())),
  /**
   * The person's merge cluster for data protection: the survivor first (merges are flat, so one level is all there is), then every
   * victim merged into it. The rows themselves, merged away or not, so each trail is looked up under its own id.
   */
  mergeCluster: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const root = victim.mergedInto ? await ctx.loaders.victim.load(victim.mergedInto) : victim;
    if (!root) return [victim];
    return [root, ...(await ctx.loaders.mergedInto.load(root.id))];
  },
  nrmAuditTrail: (victim: VictimRow, _: unknown, ctx: NrmContext) => ctx.loaders.auditTrail.load(victim.id),
  highestStatus: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const regs = await visibleRegistrations(victim, ctx);
    // Nothing the caller may see: withheld, not NOT_A_VICTIM (which no one decided).
    if (regs.length === 0) return withheldRegistration();
    return regs.reduce((best, r) => ((STATUS_RANK[r.status] ?? 0) > (STATUS_RANK[best] ?? 0) ? r.status : best), 'NOT_A_VICTIM');
  },
  registeringAgencies: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const regs = await visibleRegistrations(victim, ctx);
    return [...new Set(regs.map((r) => r.agency))];
  },
  referrals: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    // Referrals sent under a merged-away id belong to the survivor too.
    const merged = await ctx.loaders.mergedInto.load(victim.id);
    const lists = await ctx.loaders.referrals.loadMany([victim.id, ...merged.map((m) => m.id)]);
    return lists
      .flatMap((l) => {
        if (l instanceof Error) throw l;
        return l;
      })
      .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
      .map((r) => (maySeeReferral(ctx.viewer, r) ? r : withheldReferral()));
  },
  /** The victim's creation, which dates its first registration: withheld when the caller may not see that one (an NGO's). */
  firstRegisteredAt: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const [first] = await ctx.loaders.registrations.load(victim.id);
    return first && !maySeeRegistration(ctx.viewer, first) ? withheldRegistration() : victim.createdAt;
  },
  mergedIds: async (victim: VictimRow, _: unknown, ctx: NrmContext) => (await ctx.loaders.mergedInto.load(victim.id)).map((m) => m.id),
  history: async (victim: VictimRow, _: unknown, ctx: NrmContext) => {
    const [asVictim, asOther] = await Promise.all([ctx.loaders.eventsAsVictim.load(victim.id), ctx.loaders.eventsAsOther.load(victim.id)]);
    return [...asVictim, ...asOther].sort((a, b) => a.at.getTime() - b.at.getTime());
  },
};
