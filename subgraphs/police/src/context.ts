import type { IncomingMessage } from 'node:http';
import { groupedLoader, httpNrmClient, type NrmClient } from '@nrm-hub/kit';
import { personsWithRecords, type PoliceDb } from './data/person-store.ts';

/** Per-request state of the police subgraph. */
export interface PoliceContext {
  db: PoliceDb;
  requestId: string;
  nrm: NrmClient;
  linkageSecret: string;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: PoliceDb) {
  return {
    personsByVictim: groupedLoader((ids: readonly string[]) => personsWithRecords(db, { victimIds: ids }), (p) => p.victimId as string),
  };
}

/** Builds the context factory; loaders are fresh per request. */
export function contextFactory(settings: { nrm: NrmClient; linkageSecret: string }) {
  return (db: PoliceDb) =>
    async (_req: IncomingMessage, requestId: string): Promise<PoliceContext> => ({
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
