import { badInput, checkUuid } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { listLinkReviews } from '../data/link-review-store.ts';
import { listVictims } from '../data/victim-store.ts';
import { survivorOf } from './Victim.ts';

function checkFirst(first: number): number {
  if (first < 1 || first > 500) throw badInput('first', 'must be between 1 and 500');
  return first;
}

export const Query = {
  victim: (_: unknown, args: { id: string }, ctx: NrmContext) => survivorOf(checkUuid(args.id, 'id'), ctx),
  /** The victim row itself, merged or not: audit records stay under the id that was read. */
  auditVictim: (_: unknown, args: { id: string }, ctx: NrmContext) => ctx.loaders.victim.load(checkUuid(args.id, 'id')),
  victims: (_: unknown, args: { first: number; after?: string | null }, ctx: NrmContext) =>
    listVictims(ctx.db, checkFirst(args.first), args.after ? checkUuid(args.after, 'after') : null),
  linkReviews: (_: unknown, args: { state: string; first: number; after?: string | null }, ctx: NrmContext) =>
    listLinkReviews(ctx.db, args.state, checkFirst(args.first), args.after ? checkUuid(args.after, 'after') : null),
};
