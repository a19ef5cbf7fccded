import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Prepared queries: the hot read paths (a list of victims resolved in every
 * subgraph) used to build their drizzle query anew on every request, and the
 * profiles showed a quarter of a subgraph's CPU spent compiling the same
 * relational SQL again and again. These helpers compile a query once per
 * database handle and run it with its ids as one parameter.
 */

/** `column = any($ids::type[])`: the ids go in as one placeholder, so the compiled statement does not depend on their number. */
export function anyOf(column: PgColumn, placeholder = 'ids'): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)}::${sql.raw(column.getSQLType())}[])`;
}

/**
 * A Postgres array literal (`{"a","b"}`) for `anyOf`'s placeholder. Each
 * element is quoted and escaped, so a value cannot break out of it; a value
 * that is not of the column's type fails the cast, as `IN (…)` did.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Caches a prepared query per database handle (`build` runs once for each):
 * a transaction is its own handle, so a query inside one is prepared on it.
 */
export function preparedPerDb<TDb extends object, TPrepared>(build: (db: TDb) => TPrepared): (db: TDb) => TPrepared {
  const cache = new WeakMap<TDb, TPrepared>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
