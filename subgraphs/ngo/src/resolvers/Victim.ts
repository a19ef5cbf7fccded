import { shareBasis, withheld } from '../rules/consent.ts';
import { loadVictimRecords, victimReference, type VictimReference } from '@nrm-hub/kit';
import type { NgoContext } from '../context.ts';

export const Victim = {
  __resolveReference: victimReference,
  ngoAuditTrail: (victim: { id: string }, _: unknown, ctx: NgoContext) => ctx.loaders.auditTrail.load(victim.id),
  /** Each client record the viewer may not see becomes a FORBIDDEN error at its list position. */
  assistance: async (victim: VictimReference, _: unknown, ctx: NgoContext) => {
    const clients = await loadVictimRecords(ctx.loaders.clientsByVictim, victim);
    return clients.map((client) => (shareBasis(client, ctx.viewer) ? client : withheld()));
  },
};
