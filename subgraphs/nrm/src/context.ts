import type { IncomingMessage } from 'node:http';
import { groupedLoader, rowLoader } from '@nrm-hub/kit';
import { referralsOfVictims, registrationsOfVictims, victimsByIds, type NrmDb } from './data/victim-store.ts';

/** Per-request state of the NRM subgraph. */
export interface NrmContext {
  db: NrmDb;
  requestId: string;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: NrmDb) {
  return {
    victim: rowLoader((ids: readonly string[]) => victimsByIds(db, ids), (v) => v.id),
    registrations: groupedLoader((ids: readonly string[]) => registrationsOfVictims(db, ids), (r) => r.victimId),
    referrals: groupedLoader((ids: readonly string[]) => referralsOfVictims(db, ids), (r) => r.victimId),
  };
}

/** Builds the context for one request: fresh loaders, never shared between requests. */
export function createContext(db: NrmDb) {
  return async (_req: IncomingMessage, requestId: string): Promise<NrmContext> => ({
    db,
    requestId,
    loaders: createLoaders(db),
  });
}
