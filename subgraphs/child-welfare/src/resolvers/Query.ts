import { checkUuid } from '@nrm-hub/kit';
import type { ChildWelfareContext } from '../context.ts';
import { casesWithRecords } from '../data/case-store.ts';

export const Query = {
  childCase: async (_: unknown, args: { id: string }, ctx: ChildWelfareContext) =>
    (await casesWithRecords(ctx.db, { ids: [checkUuid(args.id, 'id')] }))[0] ?? null,
};
