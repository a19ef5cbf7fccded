import { addDays, agencyContextFactory, auditTrailLoader, groupedLoader, todayOf, windowLoader, type AgencyContext, type AgencySettings } from '@nrm-hub/kit';
import { applicantsWithRecords, type ImmigrationDb } from './data/applicant-store.ts';
import { immigrationDeadlines } from './data/safeguards-store.ts';

/** Per-request state of the immigration subgraph. */
export type ImmigrationContext = AgencyContext<ImmigrationDb, ReturnType<typeof createLoaders>>;

function createLoaders(db: ImmigrationDb, now: () => Date) {
  const today = todayOf(now);
  return {
    /** Deadlines per (window in days, victim id), one statement per window. */
    deadlines: windowLoader(
      (days, ids) => immigrationDeadlines(db, today, addDays(today, days), ids),
      (d) => d.victimId,
    ),
    auditTrail: auditTrailLoader(db),
    applicantsByVictim: groupedLoader(
      (ids: readonly string[]) => applicantsWithRecords(db, { victimIds: ids }),
      (a) => a.victimId as string,
    ),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export const contextFactory = (settings: AgencySettings) => agencyContextFactory(settings, createLoaders);
