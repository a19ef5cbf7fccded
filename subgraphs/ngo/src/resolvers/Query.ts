import { badInput, checkUuid } from '@nrm-hub/kit';
import { noVisibleClient, shareBasis } from '../rules/consent.ts';
import type { NgoContext } from '../context.ts';
import { clientsWithRecords } from '../data/client-store.ts';
import { grantsForYear, listOrganisations } from '../data/organisation-store.ts';

export const Query = {
  ngoClient: async (_: unknown, args: { id: string }, ctx: NgoContext) => {
    const [client] = await clientsWithRecords(ctx.db, { ids: [checkUuid(args.id, 'id')] });
    // An unknown id and a record the viewer may not see get one answer: no existence oracle.
    if (!client || !shareBasis(client, ctx.viewer)) throw noVisibleClient();
    return client;
  },
  organisations: (_: unknown, _args: unknown, ctx: NgoContext) => listOrganisations(ctx.db),
  grants: (_: unknown, args: { year: number }, ctx: NgoContext) => {
    if (args.year < 1900 || args.year > 2100) throw badInput('year', 'must be between 1900 and 2100');
    return grantsForYear(ctx.db, args.year);
  },
};
