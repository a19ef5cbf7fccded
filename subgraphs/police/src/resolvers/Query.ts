import { badInput, checkUuid } from '@nrm-hub/kit';
import type { PoliceContext } from '../context.ts';
import { investigationById, listInvestigations } from '../data/investigation-store.ts';
import { personsWithRecords } from '../data/person-store.ts';

export const Query = {
  policePerson: async (_: unknown, args: { id: string }, ctx: PoliceContext) =>
    (await personsWithRecords(ctx.db, { ids: [checkUuid(args.id, 'id')] }))[0] ?? null,
  investigation: (_: unknown, args: { id: string }, ctx: PoliceContext) => investigationById(ctx.db, checkUuid(args.id, 'id')),
  investigations: (_: unknown, args: { first: number }, ctx: PoliceContext) => {
    if (args.first < 1 || args.first > 500) throw badInput('first', 'must be between 1 and 500');
    return listInvestigations(ctx.db, args.first);
  },
};
