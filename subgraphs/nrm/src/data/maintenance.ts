import { errorSummary } from '@nrm-hub/kit';
import { sql } from 'drizzle-orm';
import { lshBuckets, matchKeys, registrations } from '../db/schema.ts';
import type { NrmDb } from './db.ts';

/** New registrations between two maintenance runs of the matching tables. */
export const MAINTENANCE_EVERY = 1000;

/** The NRM fits its own match model once its registry holds this many registrations. */
export const REFIT_FROM = 300;
/** ...and again whenever the registry has grown by this factor since the last fit. */
export const REFIT_GROWTH = 1.25;

/** True when a registry of `size` registrations, last fitted at `fittedAt` (0: never), is due a refit. */
export function shouldRefit(size: number, fittedAt: number): boolean {
  return size >= REFIT_FROM && size >= fittedAt * REFIT_GROWTH;
}

/**
 * Vacuums and analyses the tables matching reads on every registration.
 *
 * Matching looks candidates up in `lsh_buckets` through its primary key,
 * which holds every column the lookup needs, so Postgres can answer from the
 * index alone, but only for heap pages the visibility map marks all-visible,
 * and only VACUUM marks them. Without it each candidate costs a heap page
 * read, scattered over the whole table, and the cost per registration grows
 * with the registry (measured: the LSH lookup at 100,000 registrations took
 * 7.6 ms before and 3.3 ms after). ANALYZE gives the planner row counts, so
 * it keeps choosing index lookups as the tables grow. Embedded PGlite runs no
 * autovacuum, so the NRM does it itself; on a Postgres server it only comes
 * earlier than autovacuum would. The tables are append-only, so each run
 * visits only the pages written since the last one.
 */
export async function maintainMatchingTables(db: NrmDb): Promise<void> {
  await db.execute(sql`vacuum (analyze) ${lshBuckets}, ${registrations}, ${matchKeys}`);
}

/** Runs `maintainMatchingTables` after every `every` new registrations, in the background. */
export interface MatchingMaintenance {
  /** Counts one new registration; starts a run when `every` have accumulated and none is running. */
  registered(): void;
  /** Resolves when no run is in progress (for shutdown and tests). */
  idle(): Promise<void>;
  /** Completed runs so far. */
  readonly runs: number;
}

export function matchingMaintenance(db: NrmDb, every = MAINTENANCE_EVERY): MatchingMaintenance {
  let since = 0;
  let runs = 0;
  let running: Promise<void> | null = null;
  return {
    registered() {
      since += 1;
      if (since < every || running) return;
      since = 0;
      running = maintainMatchingTables(db)
        .then(() => {
          runs += 1;
        })
        .catch((error: unknown) => {
          // Maintenance only affects speed: a failed run is reported and retried after the next `every` registrations.
          console.error(`[nrm] maintenance of the matching tables failed: ${errorSummary(error)}`);
        })
        .finally(() => {
          running = null;
        });
    },
    idle: () => running ?? Promise.resolve(),
    get runs() {
      return runs;
    },
  };
}
