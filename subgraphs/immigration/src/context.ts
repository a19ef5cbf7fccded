import type { IncomingMessage } from 'node:http';
import { agencyRequestBase, auditTrailLoader, groupedLoader, type AgencyRequestBase, type AgencySettings } from '@nrm-hub/kit';
import { applicantsWithRecords, type ImmigrationDb } from './data/applicant-store.ts';

/** Per-request state of the immigration subgraph. */
export interface ImmigrationContext extends AgencyRequestBase {
  db: ImmigrationDb;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: ImmigrationDb) {
  return {
    auditTrail: auditTrailLoader(db),
    applicantsByVictim: groupedLoader((ids: readonly string[]) => applicantsWithRecords(db, { victimIds: ids }), (a) => a.victimId as string),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export function contextFactory(settings: AgencySettings) {
  return (db: ImmigrationDb) =>
    async (req: IncomingMessage, requestId: string): Promise<ImmigrationContext> => ({
      ...(await agencyRequestBase(settings, req, requestId)),
      db,
      loaders: createLoaders(db),
    });
}
