import { loadVictimRecords, victimReference, type VictimReference } from '@nrm-hub/kit';
import type { ImmigrationContext } from '../context.ts';

export const Victim = {
  __resolveReference: victimReference,
  immigrationAuditTrail: (victim: { id: string }, _: unknown, ctx: ImmigrationContext) => ctx.loaders.auditTrail.load(victim.id),
  /** Records stored under the victim's id or any id merged into it, in one batch. */
  immigration: (victim: VictimReference, _: unknown, ctx: ImmigrationContext) => loadVictimRecords(ctx.loaders.applicantsByVictim, victim),
};
