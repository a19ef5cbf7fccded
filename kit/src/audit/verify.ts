import DataLoader from 'dataloader';
import { arrayOverlaps, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../runtime/database.ts';
import { AUDIT_GENESIS_HASH, auditHash, auditLog, type AuditRow } from './log.ts';

/** Why a chain is broken at a record. */
export type AuditBreak = 'changed' | 'removed' | 'reordered';

/** The outcome of `verifyAuditChain`. */
export type AuditVerification =
  { ok: true; records: number; head: { seq: number; hash: string } | null } | { ok: false; records: number; seq: number; reason: AuditBreak; detail: string };

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
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
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
  return db
    .select()
    .from(auditLog)
    .where(arrayOverlaps(auditLog.victimIds, [...victimIds]))
    .orderBy(asc(auditLog.seq));
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
