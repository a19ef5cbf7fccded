import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { AUDIT_APPEND_MARK, type Db } from '../runtime/database.ts';

/**
 * The append-only, hash-chained log of every read of personal data a
 * subgraph served. Every subgraph schema re-exports this table so that its
 * migrations create it; a custom migration beside it adds the trigger that
 * refuses UPDATE, DELETE and TRUNCATE. Each record's `hash` covers all its
 * other columns and `prevHash`, the hash of the record before it, so a
 * changed, removed or reordered record breaks the chain (`verifyAuditChain`).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Position in the chain: 1, 2, 3 … without gaps. The appender assigns last + 1 under a lock (`OVERRIDING SYSTEM VALUE`), so a gap means a removed record; a plain INSERT takes the unused identity and collides. */
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** When the response was sent; millisecond precision, as the hash covers it. */
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    requestId: text().notNull(),
    /** The token's subject. */
    subject: text().notNull(),
    /** The token's agency claim, e.g. `police` or `ngo:rosa`. */
    agency: text().notNull(),
    roles: text().array().notNull(),
    /** The case reference the reader gave; null only for reads that need none (the audit trail itself). */
    purpose: text(),
    /** The GraphQL operation name, when the request named one. */
    operation: text(),
    /** Pseudonymous NRM victim ids the read concerned (may be empty, e.g. an unregistered record). */
    victimIds: text().array().notNull(),
    /** Fields served, as `Type.field`, sorted. */
    fields: text().array().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull().unique(),
  },
  (t) => [index().using('gin', t.victimIds)],
);

export type AuditRow = typeof auditLog.$inferSelect;

/** What one request read, before it becomes a record. */
export interface AuditEntry {
  at: Date;
  requestId: string;
  subject: string;
  agency: string;
  roles: string[];
  purpose: string | null;
  operation: string | null;
  victimIds: string[];
  fields: string[];
}

/** `prevHash` of the first record. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Version tag inside every hashed serialisation; bump it only with a new chain format. */
const FORMAT = 'nrm-hub-audit/1';

/**
 * The record's hash: SHA-256 (hex) over a JSON array of every column except
 * `hash`, in a fixed order, with `at` as an ISO 8601 UTC string. JSON of an
 * array is canonical: no key order to disagree on, strings escaped one way.
 */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    FORMAT,
    row.seq,
    row.at.toISOString(),
    row.requestId,
    row.subject,
    row.agency,
    row.roles,
    row.purpose,
    row.operation,
    row.victimIds,
    row.fields,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

// One lock per database (each subgraph has its own): appends queue up behind it.
const LOCK_KEY = sql`hashtext('nrm-hub:audit_log')`;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Appends one record and returns it. The chain is serialised under
 * concurrency: a transaction takes an advisory lock, then (in a later
 * statement, so it sees every commit before the lock) reads the last record
 * and inserts the next with `seq = last + 1` and `prevHash = last.hash`.
 * Works on postgres.js and PGlite alike.
 */
export async function appendAudit<TSchema extends Record<string, unknown>>(db: Db<TSchema>, entry: AuditEntry): Promise<AuditRow> {
  return db.transaction(async (tx) => {
    const mark = sql.raw(AUDIT_APPEND_MARK);
    await tx.execute(sql`${mark} select pg_advisory_xact_lock(${LOCK_KEY})`);
    const last = rowsOf<{ seq: string | number; hash: string }>(await tx.execute(sql`${mark} select seq, hash from audit_log order by seq desc limit 1`))[0];
    const partial = {
      ...entry,
      at: new Date(entry.at.getTime()),
      seq: last ? Number(last.seq) + 1 : 1,
      prevHash: last ? last.hash : AUDIT_GENESIS_HASH,
    };
    const row: AuditRow = { ...partial, hash: auditHash(partial) };
    // `.getSQL()`: an embedded query builder would be parenthesised, which INSERT does not allow.
    await tx.execute(sql`${mark} ${tx.insert(auditLog).overridingSystemValue().values(row).getSQL()}`);
    return row;
  });
}
