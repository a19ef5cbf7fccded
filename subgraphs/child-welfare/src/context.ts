import type { IncomingMessage } from 'node:http';
import { groupedLoader, httpNrmClient, type NrmClient } from '@nrm-hub/kit';
import { casesWithRecords, type ChildWelfareDb } from './data/case-store.ts';

/** Per-request state of the child welfare subgraph. */
export interface ChildWelfareContext {
  db: ChildWelfareDb;
  requestId: string;
  nrm: NrmClient;
  linkageSecret: string;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: ChildWelfareDb) {
  return {
    casesByVictim: groupedLoader((ids: readonly string[]) => casesWithRecords(db, { victimIds: ids }), (c) => c.victimId as string),
  };
}

/** Builds the context factory; loaders are fresh per request. */
export function contextFactory(settings: { nrm: NrmClient; linkageSecret: string }) {
  return (db: ChildWelfareDb) =>
    async (_req: IncomingMessage, requestId: string): Promise<ChildWelfareContext> => ({
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
