import type { NrmContext } from '../context.ts';
import type { ReferralRow } from '../db/schema.ts';

export const Referral = {
  victim: (referral: ReferralRow, _: unknown, ctx: NrmContext) => ctx.loaders.victim.load(referral.victimId),
};
