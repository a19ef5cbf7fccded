import { sql } from 'drizzle-orm';
import type { NrmDb } from './db.ts';

/**
 * Serialises matching: two registrations of one person arriving together
 * must not both create a victim. Every writer of registrations takes it
 * (registration, withdrawal, merge, split, link review decisions), and so
 * does the rebuild of the statistics summary, which relies on it.
 */
const MATCHING_LOCK = 0x4e524d01;

/** Takes the registry-wide matching lock for the rest of the transaction. */
export async function lockMatching(tx: NrmDb): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${MATCHING_LOCK})`);
}
