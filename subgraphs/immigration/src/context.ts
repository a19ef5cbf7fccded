import type { IncomingMessage } from 'node:http';
import { groupedLoader, httpNrmClient, type NrmClient } from '@nrm-hub/kit';
import { applicantsWithRecords, type ImmigrationDb } from './data/applicant-store.ts';

/** Per-request state of the immigration subgraph. */
export interface ImmigrationContext {
  db: ImmigrationDb;
  requestId: string;
  nrm: NrmClient;
  linkageSecret: string;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: ImmigrationDb) {
  return {
    applicantsByVictim: groupedLoader((ids: readonly string[]) => applicantsWithRecords(db, { victimIds: ids }), (a) => a.victimId as string),
  };
}

/** Builds the context factory; loaders are fresh per request. */
export function contextFactory(settings: { nrm: NrmClient; linkageSecret: string }) {
  return (db: ImmigrationDb) =>
    async (_req: IncomingMessage, requestId: string): Promise<ImmigrationContext> => ({
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
