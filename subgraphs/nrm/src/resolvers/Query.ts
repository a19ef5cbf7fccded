import { badInput, checkUuid } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { listVictims } from '../data/victim-store.ts';

export const Query = {
  victim: (_: unknown, args: { id: string }, ctx: NrmContext) => ctx.loaders.victim.load(checkUuid(args.id, 'id')),
  victims: (_: unknown, args: { first: number; after?: string | null }, ctx: NrmContext) => {
    if (args.first < 1 || args.first > 500) throw badInput('first', 'must be between 1 and 500');
    return listVictims(ctx.db, args.first, args.after ? checkUuid(args.after, 'after') : null);
  },
};
