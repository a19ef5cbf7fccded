import { eq } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import { hubError } from './errors.ts';

/** A table whose rows each carry a unique `idempotencyKey` column. */
export type IdempotentTable = PgTable & { idempotencyKey: AnyPgColumn };

/** How `insertOnce` tells a retry from a reused key, and what to say when the key was reused. */
export interface InsertOnceOptions<TRow> {
  /**
   * When the row first stored under the key answers this request too: a test, or the fields that must
   * hold the same values in that row as in the values to insert (a missing value and null alike).
   */
  sameRequest: ((first: TRow) => boolean) | readonly (keyof TRow & string)[];
  /** The record in the error message: `This idempotency key was used for another <what>.` */
  what: string;
  /** A whole message instead of the one built from `what`, for callers whose clients know another wording. */
  message?: string;
}

/**
 * Inserts `values` into `table` once per idempotency key and returns the
 * row. Run it inside the caller's transaction. A retry with the same key
 * inserts nothing (`ON CONFLICT (idempotency_key) DO NOTHING`, so concurrent
 * retries store one row) and returns the first row when `sameRequest` accepts
 * it; otherwise, or when no row holds the key, it is an
 * `IDEMPOTENCY_KEY_REUSED` error. Deduplication by another column (a name, a
 * reference) or by several constraints at once does not fit here.
 */
export async function insertOnce<TTable extends IdempotentTable>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Db<any>,
  table: TTable,
  values: PgInsertValue<TTable> & { idempotencyKey: string },
  options: InsertOnceOptions<TTable['$inferSelect']>,
): Promise<TTable['$inferSelect']> {
  type Row = TTable['$inferSelect'];
  // drizzle cannot follow a generic table through insert and select; the rows are `table`'s.
  const [inserted] = (await tx.insert(table).values(values).onConflictDoNothing({ target: table.idempotencyKey }).returning()) as Row[];
  if (inserted) return inserted;
  const [first] = (await tx
    .select()
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: drizzle cannot narrow a generic table here
    .from(table as PgTable)
    .where(eq(table.idempotencyKey, values.idempotencyKey))) as Row[];
  const same = options.sameRequest;
  const fields = values as Record<string, unknown>;
  const answers = (row: Row) =>
    typeof same === 'function' ? same(row) : same.every((f) => ((row as Record<string, unknown>)[f] ?? null) === (fields[f] ?? null));
  if (!first || !answers(first)) {
    throw hubError('IDEMPOTENCY_KEY_REUSED', options.message ?? `This idempotency key was used for another ${options.what}.`);
  }
  return first;
}
