// Merge and split: joining two victims into one and taking registrations back out, recorded as victim events.
import { and, eq, inArray, or } from 'drizzle-orm';
import { badInput, hubError } from '@nrm-hub/kit';
import { linkReviews, registrations, victimEvents, victims, type VictimRow } from '../db/schema.ts';
import { lockMatching } from './matching-lock.ts';
import { mergedIdsOf } from './victim-store.ts';
import { withSummaryOf } from './statistics-store.ts';
import { type NrmDb } from './db.ts';

/** Follows a victim id to the victim it resolves to now (itself, or the survivor it was merged into). */
export async function resolveVictim(db: NrmDb, id: string): Promise<VictimRow | null> {
  const [row] = await db.select().from(victims).where(eq(victims.id, id));
  if (!row?.mergedInto) return row ?? null;
  const [survivor] = await db.select().from(victims).where(eq(victims.id, row.mergedInto));
  return survivor ?? null;
}

/**
 * Merges one victim into another (both resolved to their survivors first).
 * Every registration of the merged victim moves to the survivor; the merged
 * id and the ids merged into it before now resolve to the survivor, so the
 * ids agencies stored keep working. Open link reviews between the two close
 * as confirmed. Recorded in `victim_events`. `INVALID_STATE` when both are
 * already one victim.
 */
export function mergeVictims(db: NrmDb, input: MergeInput): Promise<VictimRow> {
  return db.transaction((tx) => mergeWithin(tx, input));
}

/** What a merge needs: the two victims, who decided, and the link review it settles, if any. */
export interface MergeInput {
  survivorId: string;
  mergedId: string;
  decidedBy: string;
  reviewId?: string | null;
}

/** `mergeVictims` inside a transaction the caller holds. */
export async function mergeWithin(tx: NrmDb, input: MergeInput): Promise<VictimRow> {
  await lockMatching(tx);
  const survivor = await resolveVictim(tx, input.survivorId);
  const merged = await resolveVictim(tx, input.mergedId);
  if (!survivor || !merged) throw hubError('NOT_FOUND', 'No victim with that id.');
  if (survivor.id === merged.id) throw hubError('INVALID_STATE', 'These ids already name the same victim.');
  const now = new Date();
  const moved = await withSummaryOf(tx, [survivor.id, merged.id], async () => ({
    result: await tx.update(registrations).set({ victimId: survivor.id }).where(eq(registrations.victimId, merged.id)).returning({ id: registrations.id }),
  }));
  const redirected = await tx
    .update(victims)
    .set({ mergedInto: survivor.id, mergedAt: now })
    .where(or(eq(victims.id, merged.id), eq(victims.mergedInto, merged.id)))
    .returning({ id: victims.id });
  await tx.insert(victimEvents).values({
    kind: 'MERGE',
    victimId: survivor.id,
    otherVictimId: merged.id,
    registrationIds: moved.map((r) => r.id),
    redirectedIds: redirected.map((v) => v.id),
    reviewId: input.reviewId ?? null,
    decidedBy: input.decidedBy,
    at: now,
  });
  const cluster = [survivor.id, ...(await mergedIdsOf(tx, [survivor.id])).map((v) => v.id)];
  await tx
    .update(linkReviews)
    .set({ state: 'CONFIRMED', decidedBy: input.decidedBy, decidedAt: now })
    .where(and(eq(linkReviews.state, 'OPEN'), inArray(linkReviews.victimId, cluster), inArray(linkReviews.candidateVictimId, cluster)));
  return survivor;
}

/**
 * Splits registrations off a victim (resolved to its survivor). The
 * registrations move to one victim: when they are exactly the registrations
 * once issued under ids merged into this victim, the earliest of those ids
 * comes back as a victim of its own (so the agencies' stored ids follow
 * their records); otherwise a new victim. Merged-away ids whose issued
 * registrations all move are redirected to it. Every registration is kept;
 * the split is recorded in `victim_events`. A registration issued under the
 * split victim's own id keeps showing under that id in its agency's view
 * until the agency re-points its record.
 */
export async function splitVictim(db: NrmDb, input: { victimId: string; registrationIds: string[]; decidedBy: string }): Promise<VictimRow> {
  return db.transaction(async (tx) => {
    await lockMatching(tx);
    const victim = await resolveVictim(tx, input.victimId);
    if (!victim) throw hubError('NOT_FOUND', 'No victim with that id.');
    const own = await tx.select().from(registrations).where(eq(registrations.victimId, victim.id));
    const moving = new Set(input.registrationIds);
    if (moving.size === 0) throw badInput('registrationIds', 'must name at least one registration');
    if ([...moving].some((id) => !own.some((r) => r.id === id))) {
      throw badInput('registrationIds', 'each must be a registration of this victim');
    }
    if (moving.size === own.length) throw hubError('INVALID_STATE', 'A split must leave at least one registration with the victim.');
    const merged = await mergedIdsOf(tx, [victim.id]);
    const issuedBy = (victimId: string) => own.filter((r) => r.issuedVictimId === victimId);
    const followers = merged.filter((m) => {
      const issued = issuedBy(m.id);
      return issued.length > 0 && issued.every((r) => moving.has(r.id));
    });
    const movingRows = own.filter((r) => moving.has(r.id));
    const revivable = movingRows.every((r) => followers.some((m) => m.id === r.issuedVictimId));
    const now = new Date();
    let target: VictimRow;
    if (revivable && followers.length > 0) {
      const earliest = [...followers].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!;
      [target] = (await tx.update(victims).set({ mergedInto: null, mergedAt: null }).where(eq(victims.id, earliest.id)).returning()) as [VictimRow];
    } else {
      [target] = (await tx.insert(victims).values({}).returning()) as [VictimRow];
    }
    const redirect = followers.map((m) => m.id).filter((id) => id !== target.id);
    if (redirect.length > 0) {
      await tx.update(victims).set({ mergedInto: target.id, mergedAt: now }).where(inArray(victims.id, redirect));
    }
    await withSummaryOf(tx, [victim.id, target.id], async () => ({
      result: await tx
        .update(registrations)
        .set({ victimId: target.id })
        .where(inArray(registrations.id, [...moving])),
    }));
    await tx.insert(victimEvents).values({
      kind: 'SPLIT',
      victimId: victim.id,
      otherVictimId: target.id,
      registrationIds: [...moving],
      redirectedIds: followers.map((m) => m.id),
      decidedBy: input.decidedBy,
      at: now,
    });
    return target;
  });
}
