import type DataLoader from 'dataloader';

/**
 * A `Victim` entity as an agency subgraph receives it: the NRM's id and,
 * through `@requires(fields: "mergedIds")`, the ids of victims the NRM merged
 * into it. An agency stored whichever id the NRM handed out at registration,
 * so its records for this person may sit under any of them.
 */
export interface VictimReference {
  id: string;
  mergedIds?: readonly string[] | null;
}

/** The entity an agency subgraph resolves from a `Victim` representation: its id and the ids the NRM supplied, if any. */
export function victimReference(ref: VictimReference): VictimReference {
  return { id: ref.id, mergedIds: ref.mergedIds ?? [] };
}

/** The entity's own id and every id merged into it, without repeats. */
export function victimIdsOf(victim: VictimReference): string[] {
  return [...new Set([victim.id, ...(victim.mergedIds ?? [])])];
}

/**
 * Loads an agency's records for a victim under all its ids through the
 * per-request grouped loader (`loadMany`), so a list of victims, merged or
 * not, still costs one batch (one SQL statement).
 */
export async function loadVictimRecords<V>(loader: DataLoader<string, V[]>, victim: VictimReference): Promise<V[]> {
  const lists = await loader.loadMany(victimIdsOf(victim));
  return lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
}
