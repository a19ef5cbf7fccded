import { badInput } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { listVictims } from '../data/victim-store.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a victim or referral id before it reaches SQL. */
export function checkUuid(value: string, field: string): string {
  if (!UUID_RE.test(value)) throw badInput(field, 'must be a UUID');
  return value.toLowerCase();
}

export const Query = {
  victim: (_: unknown, args: { id: string }, ctx: NrmContext) => ctx.loaders.victim.load(checkUuid(args.id, 'id')),
  victims: (_: unknown, args: { first: number; after?: string | null }, ctx: NrmContext) => {
    if (args.first < 1 || args.first > 500) throw badInput('first', 'must be between 1 and 500');
    return listVictims(ctx.db, args.first, args.after ? checkUuid(args.after, 'after') : null);
  },
};
