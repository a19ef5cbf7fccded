import { errorSummary, log } from '@nrm-hub/kit';
import { sql } from 'drizzle-orm';
import { lshBuckets, matchKeys, registrations } from '../db/schema.ts';
import type { NrmDb } from './db.ts';
import { refitIfDue } from './match-model-store.ts';

/** New registrations between two maintenance runs of the matching tables. */
export const MAINTENANCE_EVERY = 1000;

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

/** New registrations between two checks whether the match model is due a refit (`refitIfDue`). */
export const REFIT_CHECK_EVERY = 25;

/**
 * Background upkeep of matching: `maintainMatchingTables` after every `every` new registrations,
 * and every `REFIT_CHECK_EVERY` a check whether the registry has grown enough to fit its match
 * model again (`match-model-store.ts`). One run at a time.
 */
export interface MatchingMaintenance {
  /** Counts one new registration; starts a run when one is due and none is running. */
  registered(): void;
  /** Resolves when no run is in progress (for shutdown and tests). */
  idle(): Promise<void>;
  /** Completed vacuum runs so far. */
  readonly runs: number;
  /** Models fitted and stored so far by this process. */
  readonly refits: number;
}

export function matchingMaintenance(db: NrmDb, every = MAINTENANCE_EVERY, refitCheckEvery = REFIT_CHECK_EVERY): MatchingMaintenance {
  let since = 0;
  let sinceCheck = 0;
  let runs = 0;
  let refits = 0;
  // Registry size at this process's last fit attempt (stored or not).
  let triedAt = 0;
  let running: Promise<void> | null = null;
  const start = (what: string, job: () => Promise<void>) => {
    running = job()
      .catch((error: unknown) => {
        // Maintenance affects speed and the model's fit, never a decision already made: a failed run is reported and retried later.
        console.error(`[nrm] ${what} failed: ${errorSummary(error)}`);
      })
      .finally(() => {
        running = null;
      });
  };
  return {
    registered() {
      since += 1;
      sinceCheck += 1;
      if (running) return;
      if (since >= every) {
        since = 0;
        start('maintenance of the matching tables', async () => {
          await maintainMatchingTables(db);
          runs += 1;
        });
      } else if (sinceCheck >= refitCheckEvery) {
        sinceCheck = 0;
        start('refit of the match model', async () => {
          const attempt = await refitIfDue(db, triedAt);
          if (!attempt) return;
          triedAt = attempt.size;
          const fitted = attempt.model;
          if (!fitted) return;
          refits += 1;
          log.info(
            { fittedOn: fitted.fittedOn, matchesPerRegistration: Number(fitted.matchesPerRegistration.toFixed(4)) },
            'match model fitted to the registry',
          );
        });
      }
    },
    idle: () => running ?? Promise.resolve(),
    get runs() {
      return runs;
    },
    get refits() {
      return refits;
    },
  };
}
