import { agencyContextFactory, auditTrailLoader, groupedLoader, type AgencyContext, type AgencySettings } from '@nrm-hub/kit';
import { personsWithRecords, type PoliceDb } from './data/person-store.ts';

/** Per-request state of the police subgraph. */
export type PoliceContext = AgencyContext<PoliceDb, ReturnType<typeof createLoaders>>;

function createLoaders(db: PoliceDb, _now: () => Date) {
  return {
    auditTrail: auditTrailLoader(db),
    personsByVictim: groupedLoader(
      (ids: readonly string[]) => personsWithRecords(db, { victimIds: ids }),
      (p) => p.victimId as string,
    ),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export const contextFactory = (settings: AgencySettings) => agencyContextFactory(settings, createLoaders);
