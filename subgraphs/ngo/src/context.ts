import type { IncomingMessage } from 'node:http';
import { agencyRequestBase, auditTrailLoader, groupedLoader, type AgencyRequestBase, type AgencySettings } from '@nrm-hub/kit';
import { clientsWithRecords, type NgoDb } from './data/client-store.ts';

/** Per-request state of the NGO subgraph. */
export interface NgoContext extends AgencyRequestBase {
  db: NgoDb;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: NgoDb) {
  return {
    auditTrail: auditTrailLoader(db),
    clientsByVictim: groupedLoader((ids: readonly string[]) => clientsWithRecords(db, { victimIds: ids }), (c) => c.victimId as string),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export function contextFactory(settings: AgencySettings) {
  return (db: NgoDb) =>
    async (req: IncomingMessage, requestId: string): Promise<NgoContext> => ({
      ...(await agencyRequestBase(settings, req, requestId)),
      db,
      loaders: createLoaders(db),
    });
}
