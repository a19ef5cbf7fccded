import { checkUuid } from '@nrm-hub/kit';
import type { ImmigrationContext } from '../context.ts';
import { applicantsWithRecords } from '../data/applicant-store.ts';

export const Query = {
  applicant: async (_: unknown, args: { id: string }, ctx: ImmigrationContext) =>
    (await applicantsWithRecords(ctx.db, { ids: [checkUuid(args.id, 'id')] }))[0] ?? null,
};
