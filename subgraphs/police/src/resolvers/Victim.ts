import { loadVictimRecords, victimReference, type VictimReference } from '@nrm-hub/kit';
import type { PoliceContext } from '../context.ts';

export const Victim = {
  __resolveReference: victimReference,
  policeAuditTrail: (victim: { id: string }, _: unknown, ctx: PoliceContext) => ctx.loaders.auditTrail.load(victim.id),
  /** Records stored under the victim's id or any id merged into it, in one batch. */
  police: (victim: VictimReference, _: unknown, ctx: PoliceContext) => loadVictimRecords(ctx.loaders.personsByVictim, victim),
};
