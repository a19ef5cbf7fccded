import { sql } from 'drizzle-orm';
import { AUDIT_GENESIS_HASH, auditHash, auditLog, type AuditEntry, type AuditRow } from './log.ts';
import { AUDIT_APPEND_MARK, type Db } from '../runtime/database.ts';
import { auditAppendDuration, auditBatchSize } from '../runtime/metrics.ts';

/** Most records one group commit writes; the rest wait for the next. */
export const AUDIT_BATCH_MAX = 256;

interface Pending {
  entry: AuditEntry;
  resolve: (row: AuditRow) => void;
  reject: (error: unknown) => void;
}

interface Batcher {
  queue: Pending[];
  flushing: boolean;
}

// One batcher per database handle (a subgraph process has one).
const batchers = new WeakMap<object, Batcher>();

const LOCK_KEY = sql`hashtext('nrm-hub:audit_log')`;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Appends a batch of records in one transaction, in the given order, under
 * the same advisory lock and chain rule as `appendAudit` (seq = last + 1,
 * prevHash = the record before), with one multi-row INSERT. All or nothing.
 */
export async function appendAuditBatch<TSchema extends Record<string, unknown>>(db: Db<TSchema>, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  return db.transaction(async (tx) => {
    const mark = sql.raw(AUDIT_APPEND_MARK);
    await tx.execute(sql`${mark} select pg_advisory_xact_lock(${LOCK_KEY})`);
    const last = rowsOf<{ seq: string | number; hash: string }>(await tx.execute(sql`${mark} select seq, hash from audit_log order by seq desc limit 1`))[0];
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last ? last.hash : AUDIT_GENESIS_HASH;
    const rows: AuditRow[] = entries.map((entry) => {
      seq += 1;
      const partial = { ...entry, at: new Date(entry.at.getTime()), seq, prevHash };
      const row: AuditRow = { ...partial, hash: auditHash(partial) };
      prevHash = row.hash;
      return row;
    });
    await tx.execute(sql`${mark} ${tx.insert(auditLog).overridingSystemValue().values(rows).getSQL()}`);
    return rows;
  });
}

async function flush(db: Db<Record<string, unknown>>, batcher: Batcher): Promise<void> {
  batcher.flushing = true;
  try {
    while (batcher.queue.length > 0) {
      const batch = batcher.queue.splice(0, AUDIT_BATCH_MAX);
      const endTimer = auditAppendDuration.startTimer();
      auditBatchSize.observe(batch.length);
      try {
        const rows = await appendAuditBatch(
          db,
          batch.map((p) => p.entry),
        );
        endTimer();
        batch.forEach((p, i) => p.resolve(rows[i]!));
      } catch (error) {
        // Every request of a failed batch fails closed (its caller withholds the data).
        for (const p of batch) p.reject(error);
      }
    }
  } finally {
    batcher.flushing = false;
  }
}

/**
 * Group commit of audit records: appends `entry` together with every other
 * record this process is appending on the same database at about the same
 * time, in one transaction (lock, read the head, one INSERT of the whole
 * batch), instead of one transaction each queued behind the chain's lock.
 * While one batch is being written the next one collects. The promise
 * settles when the caller's record is committed, or rejects when its batch
 * failed, so a caller that awaits it before answering still withholds data
 * it could not log. Records from several processes on one database still
 * serialise on the advisory lock, so the chain stays one line.
 */
export function appendAuditBatched<TSchema extends Record<string, unknown>>(db: Db<TSchema>, entry: AuditEntry): Promise<AuditRow> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = { queue: [], flushing: false };
    batchers.set(db, batcher);
  }
  const b = batcher;
  return new Promise<AuditRow>((resolve, reject) => {
    b.queue.push({ entry, resolve, reject });
    // Start on the next turn so requests finishing in this one join the batch.
    if (!b.flushing) {
      b.flushing = true;
      setImmediate(() => void flush(db as Db<Record<string, unknown>>, b));
    }
  });
}
