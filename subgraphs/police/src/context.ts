import type { IncomingMessage } from 'node:http';
import { agencyRequestBase, auditTrailLoader, groupedLoader, type AgencyRequestBase, type AgencySettings } from '@nrm-hub/kit';
import { personsWithRecords, type PoliceDb } from './data/person-store.ts';

/** Per-request state of the police subgraph. */
export interface PoliceContext extends AgencyRequestBase {
  db: PoliceDb;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: PoliceDb) {
  return {
    auditTrail: auditTrailLoader(db),
    personsByVictim: groupedLoader((ids: readonly string[]) => personsWithRecords(db, { victimIds: ids }), (p) => p.victimId as string),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export function contextFactory(settings: AgencySettings) {
  return (db: PoliceDb) =>
    async (req: IncomingMessage, requestId: string): Promise<PoliceContext> => ({
      ...(await agencyRequestBase(settings, req, requestId)),
      db,
      loaders: createLoaders(db),
    });
}
