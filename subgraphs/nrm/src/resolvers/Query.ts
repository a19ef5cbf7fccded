import { aboutVictims, badInput, checkUuid, registeringAgency } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { listLinkReviews } from '../data/link-review-store.ts';
import { listVictims, type VictimListFilter } from '../data/victim-store.ts';
import { survivorOf } from './Victim.ts';

function checkFirst(first: number): number {
  if (first < 1 || first > 500) throw badInput('first', 'must be between 1 and 500');
  return first;
}

/** The filter's year must be a calendar year the NRM can hold (as `statistics(year)`). */
function checkFilter(filter: VictimListFilter | null | undefined): VictimListFilter | null {
  if (!filter) return null;
  if (filter.year !== null && filter.year !== undefined && (filter.year < 1990 || filter.year > 2100))
    throw badInput('filter.year', 'must be between 1990 and 2100');
  return filter;
}

export const Query = {
  victim: (_: unknown, args: { id: string }, ctx: NrmContext) => survivorOf(checkUuid(args.id, 'id'), ctx),
  /** The victim row itself, merged or not: audit records stay under the id that was read. */
  auditVictim: (_: unknown, args: { id: string }, ctx: NrmContext) => ctx.loaders.victim.load(checkUuid(args.id, 'id')),
  victims: (_: unknown, args: { first: number; after?: string | null; filter?: VictimListFilter | null }, ctx: NrmContext) =>
    listVictims(ctx.db, checkFirst(args.first), args.after ? checkUuid(args.after, 'after') : null, checkFilter(args.filter), {
      coordinatingUnit: ctx.viewer?.agencyKind === 'coordinating-unit',
      agencyClaim: ctx.viewer?.agency ?? '',
      ownAgency: registeringAgency(ctx.viewer),
    }),
  // A review is about both victims it would join: its reads are logged under the candidate as well.
  linkReviews: async (_: unknown, args: { state: string; first: number; after?: string | null }, ctx: NrmContext) =>
    (await listLinkReviews(ctx.db, args.state, checkFirst(args.first), args.after ? checkUuid(args.after, 'after') : null)).map((r) =>
      aboutVictims(r, [r.candidateVictimId]),
    ),
};
