import { addDays, agencyContextFactory, auditTrailLoader, groupedLoader, todayOf, windowLoader, type AgencyContext, type AgencySettings } from '@nrm-hub/kit';
import { casesWithRecords, type ChildWelfareDb } from './data/case-store.ts';
import { placementDeadlines } from './data/safeguards-store.ts';

/** Per-request state of the child welfare subgraph. */
export type ChildWelfareContext = AgencyContext<ChildWelfareDb, ReturnType<typeof createLoaders>>;

function createLoaders(db: ChildWelfareDb, now: () => Date) {
  const today = todayOf(now);
  return {
    /** Placement deadlines per (window in days, victim id), one statement per window. */
    deadlines: windowLoader(
      (days, ids) => placementDeadlines(db, today, addDays(today, days), ids),
      (d) => d.victimId,
    ),
    auditTrail: auditTrailLoader(db),
    casesByVictim: groupedLoader(
      (ids: readonly string[]) => casesWithRecords(db, { victimIds: ids }),
      (c) => c.victimId as string,
    ),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export const contextFactory = (settings: AgencySettings) => agencyContextFactory(settings, createLoaders);
