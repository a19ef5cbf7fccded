import type { IncomingMessage } from 'node:http';
import {
  auditTrailLoader,
  errorSummary,
  groupedLoader,
  requestBase,
  rowLoader,
  userOrServiceVerifier,
  type RequestBase,
  type TokenVerifier,
} from '@nrm-hub/kit';
import { eventsOfVictims, mergedIdsOf, registrationsByIds, registrationsOfVictims, victimsByIds } from './data/victim-store.ts';
import { referralsOfVictims } from './data/referral-store.ts';
import { type NrmDb } from './data/db.ts';
import { alertsByIds, alertsOfVictims, eventsOfAlerts } from './data/safeguards-store.ts';
import { matchingMaintenance, type MatchingMaintenance } from './data/maintenance.ts';
import { statisticsSummaryReady } from './data/statistics-store.ts';

/** Per-request state of the NRM subgraph. */
export interface NrmContext extends RequestBase {
  db: NrmDb;
  loaders: ReturnType<typeof createLoaders>;
  /** Shared by all requests on this database: vacuums the matching tables every so many registrations. */
  maintenance: MatchingMaintenance;
  /** The NRM's clock (injectable for tests): who counts as a child comes from it. */
  now: () => Date;
}

function createLoaders(db: NrmDb) {
  return {
    victim: rowLoader(
      (ids: readonly string[]) => victimsByIds(db, ids),
      (v) => v.id,
    ),
    auditTrail: auditTrailLoader(db),
    registration: rowLoader(
      (ids: readonly string[]) => registrationsByIds(db, ids),
      (r) => r.id,
    ),
    registrations: groupedLoader(
      (ids: readonly string[]) => registrationsOfVictims(db, ids),
      (r) => r.victimId,
    ),
    referrals: groupedLoader(
      (ids: readonly string[]) => referralsOfVictims(db, ids),
      (r) => r.victimId,
    ),
    mergedInto: groupedLoader(
      (ids: readonly string[]) => mergedIdsOf(db, ids),
      (v) => v.mergedInto as string,
    ),
    eventsAsVictim: groupedLoader(
      (ids: readonly string[]) => eventsOfVictims(db, ids, 'victimId'),
      (e) => e.victimId,
    ),
    eventsAsOther: groupedLoader(
      (ids: readonly string[]) => eventsOfVictims(db, ids, 'otherVictimId'),
      (e) => e.otherVictimId,
    ),
    alert: rowLoader(
      (ids: readonly string[]) => alertsByIds(db, ids),
      (a) => a.id,
    ),
    alertsByVictim: groupedLoader(
      (ids: readonly string[]) => alertsOfVictims(db, ids),
      (a) => a.victimId,
    ),
    alertEvents: groupedLoader(
      (ids: readonly string[]) => eventsOfAlerts(db, ids),
      (e) => e.alertId,
    ),
  };
}

/** Builds the context factory: the caller is verified and loaders are fresh per request. */
export function contextFactory(settings: {
  verifier: TokenVerifier;
  /** Verifier of the agency subgraphs' service credentials (`SERVICE_JWKS`); without it every service call is refused. */
  serviceVerifier?: TokenVerifier;
  /** New registrations between two maintenance runs of the matching tables (default `MAINTENANCE_EVERY`). */
  maintenanceEvery?: number;
  /** The clock; the real one when omitted. */
  clock?: () => Date;
}) {
  const verifier = userOrServiceVerifier(settings.verifier, settings.serviceVerifier);
  return (db: NrmDb) => {
    const maintenance = matchingMaintenance(db, settings.maintenanceEvery);
    // A statistics summary from before (or by an older definition) is rebuilt now rather than on the first statistics query.
    statisticsSummaryReady(db).catch((error: unknown) => console.error(`[nrm] statistics summary not ready: ${errorSummary(error)}`));
    return async (req: IncomingMessage, requestId: string): Promise<NrmContext> => ({
      ...(await requestBase(verifier, req, requestId)),
      db,
      loaders: createLoaders(db),
      maintenance,
      now: settings.clock ?? (() => new Date()),
    });
  };
}
