import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import DataLoader from 'dataloader';
import { arrayOverlaps, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Viewer } from './auth.ts';
import { appendAuditBatched } from './audit-batcher.ts';
import type { Db } from './database.ts';
import { errorSummary } from './log-safe.ts';

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

/** Marks the appender's statements so `StatementCounter` can keep them apart from resolving. */
export const AUDIT_APPEND_MARK = '/* audit-append */';

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
    const last = rowsOf<{ seq: string | number; hash: string }>(
      await tx.execute(sql`${mark} select seq, hash from audit_log order by seq desc limit 1`),
    )[0];
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

/**
 * Collects, during one request, the personal-data fields served and the
 * victims they concern. `enforceAuthDirectives` fills it; the subgraph
 * server writes it as one record when the response is sent.
 */
export class AuditCollector {
  private readonly fields = new Set<string>();
  private readonly victimIds = new Set<string>();

  /** Notes a served field (`Type.field`) and, when known, the victim it is about. */
  record(field: string, victimId?: unknown): void {
    this.fields.add(field);
    if (typeof victimId === 'string' && victimId.length > 0 && victimId.length <= 100) this.victimIds.add(victimId);
  }

  /** True when the request served no personal data (nothing to write). */
  get empty(): boolean {
    return this.fields.size === 0;
  }

  /** The entry for this request, or null when nothing personal was served. */
  entry(request: { requestId: string; viewer: Viewer | null; operation: string | null; at?: Date }): AuditEntry | null {
    if (this.empty) return null;
    // Directives refuse every audited field to an anonymous caller, so a viewer is always there.
    if (!request.viewer) throw new Error('Audited fields were served without a verified caller');
    const v = request.viewer;
    return {
      at: request.at ?? new Date(),
      requestId: request.requestId,
      subject: v.subject,
      agency: v.agency,
      roles: [...v.roles].sort(),
      purpose: v.purpose,
      operation: request.operation,
      victimIds: [...this.victimIds].sort(),
      fields: [...this.fields].sort(),
    };
  }
}

/** Why a chain is broken at a record. */
export type AuditBreak = 'changed' | 'removed' | 'reordered';

/** The outcome of `verifyAuditChain`. */
export type AuditVerification =
  | { ok: true; records: number; head: { seq: number; hash: string } | null }
  | { ok: false; records: number; seq: number; reason: AuditBreak; detail: string };

const PAGE = 1000;

/**
 * Walks the whole log in `seq` order, recomputing every hash and checking
 * every link, and reports the first break:
 * - `removed`: a gap in `seq`, or a record that links to a record no longer there;
 * - `reordered`: a record whose content is intact but that sits at another position than it was written at;
 * - `changed`: a record whose content no longer matches its hash (or whose predecessor was rewritten with a fresh hash).
 * Removing the newest records leaves a shorter valid chain; compare `head`
 * with a copy kept elsewhere to detect that.
 */
export async function verifyAuditChain<TSchema extends Record<string, unknown>>(db: Db<TSchema>): Promise<AuditVerification> {
  let prevHash = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  let records = 0;
  const [{ maxSeq } = { maxSeq: 0 }] = await db.select({ maxSeq: sql<number>`coalesce(max(${auditLog.seq}), 0)`.mapWith(Number) }).from(auditLog);
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(PAGE);
    for (const row of page) {
      const broken = (reason: AuditBreak, detail: string): AuditVerification => ({ ok: false, records, seq: row.seq, reason, detail });
      if (row.seq !== expectedSeq) {
        const missing = row.seq - 1 > expectedSeq ? `${expectedSeq}–${row.seq - 1}` : `${expectedSeq}`;
        return broken('removed', `record(s) ${missing} missing before seq ${row.seq}`);
      }
      const intact = auditHash(row) === row.hash;
      if (intact && row.prevHash === prevHash) {
        records += 1;
        prevHash = row.hash;
        expectedSeq += 1;
        continue;
      }
      if (!intact) {
        // Intact content at another seq means the record was moved, not edited.
        for (let s = 1; s <= maxSeq + 1; s++) {
          if (s !== row.seq && auditHash({ ...row, seq: s }) === row.hash) {
            return broken('reordered', `the record written as seq ${s} is at seq ${row.seq}`);
          }
        }
        return broken('changed', `its content no longer matches its hash`);
      }
      const [linked] = await db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.hash, row.prevHash)).limit(1);
      if (linked) return broken('reordered', `it follows seq ${linked.seq} in the chain, not seq ${row.seq - 1}`);
      if (row.prevHash === AUDIT_GENESIS_HASH) return broken('reordered', `it was written as the first record`);
      return broken(
        row.seq === 1 ? 'removed' : 'changed',
        row.seq === 1 ? 'the records before it were removed' : `seq ${row.seq - 1} was rewritten (its hash differs from the one this record links to)`,
      );
    }
    if (page.length < PAGE) break;
  }
  return { ok: true, records, head: records > 0 ? { seq: expectedSeq - 1, hash: prevHash } : null };
}

/** The newest record's position and hash (the chain's head), or null for an empty log. Keep a copy elsewhere to detect removal of the newest records. */
export async function auditHead<TSchema extends Record<string, unknown>>(db: Db<TSchema>): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return head ?? null;
}

/** Records written after `seq`, in order. */
export async function auditRecordsSince<TSchema extends Record<string, unknown>>(db: Db<TSchema>, seq: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
}

/** Records that concern any of the victims, oldest first, in one statement. */
export async function auditRecordsOfVictims<TSchema extends Record<string, unknown>>(db: Db<TSchema>, victimIds: readonly string[]): Promise<AuditRow[]> {
  if (victimIds.length === 0) return [];
  return db.select().from(auditLog).where(arrayOverlaps(auditLog.victimIds, [...victimIds])).orderBy(asc(auditLog.seq));
}

/**
 * A per-request loader of each victim's audit trail (one statement per
 * batch). Create it in the context function, never at module scope.
 */
export function auditTrailLoader<TSchema extends Record<string, unknown>>(db: Db<TSchema>): DataLoader<string, AuditRow[]> {
  return new DataLoader<string, AuditRow[]>(async (keys) => {
    const rows = await auditRecordsOfVictims(db, keys);
    const byVictim = new Map<string, AuditRow[]>(keys.map((k) => [k, []]));
    for (const row of rows) for (const id of row.victimIds) byVictim.get(id)?.push(row);
    return keys.map((k) => byVictim.get(k) ?? []);
  });
}

/** What the audit plugin needs from a subgraph's request context. */
export interface AuditedContext extends BaseContext {
  requestId: string;
  viewer: Viewer | null;
  audit: AuditCollector;
  // Any subgraph's schema: the audit table is the same in each.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Db<any>;
}

const GROUP_COMMIT = process.env.AUDIT_GROUP_COMMIT !== 'off';

/** Code of the error a client gets when its read could not be logged. */
export const AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE';

/**
 * Writes one audit record per request that served personal data, when the
 * response is about to be sent. Fails closed: if the record cannot be
 * written, the response loses its data and carries an `AUDIT_UNAVAILABLE`
 * error (HTTP 503) instead, since an unlogged read of personal data is not
 * allowed. The log line names only the error class and SQLSTATE code: driver
 * messages can quote values.
 */
export function auditPlugin<TContext extends AuditedContext>(subgraph: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          if (!contextValue?.audit || contextValue.audit.empty) return;
          try {
            const entry = contextValue.audit.entry({ requestId: contextValue.requestId, viewer: contextValue.viewer, operation: operationName ?? null });
            // Group commit: one transaction for the records of all requests finishing together
            // (`AUDIT_GROUP_COMMIT=off`: one transaction each, for comparing in benchmarks).
            if (entry) await (GROUP_COMMIT ? appendAuditBatched(contextValue.db, entry) : appendAudit(contextValue.db, entry));
          } catch (error) {
            console.error(`[${subgraph}] audit write failed: ${errorSummary(error)}; response withheld`);
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [{ message: 'The read could not be recorded in the audit log, so no data is returned.', extensions: { code: AUDIT_UNAVAILABLE } }],
              },
            };
            response.http.status = 503;
          }
        },
      };
    },
  };
}
