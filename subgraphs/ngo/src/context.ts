import { agencyContextFactory, auditTrailLoader, groupedLoader, type AgencyContext, type AgencySettings } from '@nrm-hub/kit';
import { clientsWithRecords, type NgoDb } from './data/client-store.ts';

/** Per-request state of the NGO subgraph. */
export type NgoContext = AgencyContext<NgoDb, ReturnType<typeof createLoaders>>;

function createLoaders(db: NgoDb, _now: () => Date) {
  return {
    auditTrail: auditTrailLoader(db),
    clientsByVictim: groupedLoader(
      (ids: readonly string[]) => clientsWithRecords(db, { victimIds: ids }),
      (c) => c.victimId as string,
    ),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export const contextFactory = (settings: AgencySettings) => agencyContextFactory(settings, createLoaders);
