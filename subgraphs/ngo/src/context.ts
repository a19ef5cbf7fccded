import type { IncomingMessage } from 'node:http';
import { groupedLoader, httpNrmClient, type NrmClient } from '@nrm-hub/kit';
import { clientsWithRecords, type NgoDb } from './data/client-store.ts';

/** Per-request state of the NGO subgraph. */
export interface NgoContext {
  db: NgoDb;
  requestId: string;
  nrm: NrmClient;
  linkageSecret: string;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: NgoDb) {
  return {
    clientsByVictim: groupedLoader((ids: readonly string[]) => clientsWithRecords(db, { victimIds: ids }), (c) => c.victimId as string),
  };
}

/** Builds the context factory; loaders are fresh per request. */
export function contextFactory(settings: { nrm: NrmClient; linkageSecret: string }) {
  return (db: NgoDb) =>
    async (_req: IncomingMessage, requestId: string): Promise<NgoContext> => ({
      db,
      requestId,
      nrm: settings.nrm,
      linkageSecret: settings.linkageSecret,
      loaders: createLoaders(db),
    });
}

/** Settings from the agency configuration. */
export function defaultSettings(config: { NRM_URL: string; LINKAGE_SECRET: string }) {
  return { nrm: httpNrmClient(config.NRM_URL), linkageSecret: config.LINKAGE_SECRET };
}
