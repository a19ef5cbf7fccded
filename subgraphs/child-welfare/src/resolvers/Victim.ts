import { loadVictimRecords, victimReference, type VictimReference } from '@nrm-hub/kit';
import type { ChildWelfareContext } from '../context.ts';

export const Victim = {
  __resolveReference: victimReference,
  childWelfareAuditTrail: (victim: { id: string }, _: unknown, ctx: ChildWelfareContext) => ctx.loaders.auditTrail.load(victim.id),
  /** Records stored under the victim's id or any id merged into it, in one batch. */
  childWelfare: (victim: VictimReference, _: unknown, ctx: ChildWelfareContext) => loadVictimRecords(ctx.loaders.casesByVictim, victim),
};
