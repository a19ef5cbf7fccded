import type { SQL } from 'drizzle-orm';
import type { Db } from './database.ts';

/**
 * Runs a raw SQL statement and returns its rows on both drivers (postgres.js
 * answers with an array, PGlite with `{ rows }`). For aggregate queries that
 * the query builder cannot express (grouping over unnested arrays, CTEs).
 */
export async function selectRows<T, TSchema extends Record<string, unknown> = Record<string, unknown>>(db: Db<TSchema>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** `[from, to)` of a calendar year as ISO dates, for `decided_on >= from and decided_on < to`. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}
