import DataLoader from 'dataloader';

/**
 * A per-request loader of rows per (window, victim id): `load({ days, id })`.
 * The keys of one tick are grouped by window and each group fetched with one
 * call for all its ids, so a list of victims asking for the same window
 * (`Victim.immigrationDeadlines(withinDays: 30)`) costs one SQL statement.
 * Create it in the context function, never at module scope.
 */
export function windowLoader<V>(
  fetch: (days: number, ids: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string | null,
): DataLoader<{ days: number; id: string }, V[], string> {
  return new DataLoader<{ days: number; id: string }, V[], string>(
    async (keys) => {
      const byDays = new Map<number, string[]>();
      for (const k of keys) byDays.set(k.days, [...(byDays.get(k.days) ?? []), k.id]);
      const results = new Map<string, V[]>();
      for (const [days, ids] of byDays) {
        for (const row of await fetch(days, ids)) {
          const key = `${days}|${keyOf(row)}`;
          results.set(key, [...(results.get(key) ?? []), row]);
        }
      }
      return keys.map((k) => results.get(`${k.days}|${k.id}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.days}|${k.id}` },
  );
}
