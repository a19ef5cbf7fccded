// Victim reads: lists, pages and the loaders of victims, registrations and merge events.
import { and, asc, eq, getTableColumns, gt, inArray, isNull, sql } from 'drizzle-orm';
import { anyOf, arrayLiteral, hubError, preparedPerDb } from '@nrm-hub/kit';
import { registrations, victimEvents, victims, type RegistrationRow, type VictimEventRow, type VictimRow } from '../db/schema.ts';
import { type NrmDb } from './db.ts';

/** Victims merged into any of the given victims, for a loader. */
export function mergedIdsOf(db: NrmDb, victimIds: readonly string[]): Promise<VictimRow[]> {
  return db
    .select()
    .from(victims)
    .where(inArray(victims.mergedInto, [...victimIds]))
    .orderBy(asc(victims.createdAt));
}

/** Merge and split events naming any of the given victims in one role, oldest first, for a loader. */
export function eventsOfVictims(db: NrmDb, victimIds: readonly string[], role: 'victimId' | 'otherVictimId'): Promise<VictimEventRow[]> {
  return db
    .select()
    .from(victimEvents)
    .where(inArray(victimEvents[role], [...victimIds]))
    .orderBy(asc(victimEvents.at));
}

/** Registrations by id, for a loader. */
export function registrationsByIds(db: NrmDb, ids: readonly string[]): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(registrations)
    .where(inArray(registrations.id, [...ids]));
}

/** Victims by id, for a loader. */
export function victimsByIds(db: NrmDb, ids: readonly string[]): Promise<VictimRow[]> {
  return victimsByIdsQuery(db).execute({ ids: arrayLiteral(ids) });
}
const victimsByIdsQuery = preparedPerDb((db: NrmDb) => db.select().from(victims).where(anyOf(victims.id)).prepare('nrm_victims_by_ids'));

/** `victims(filter)`: each condition optional; `ageGroup` is checked by the resolver's rules (see `VictimFilter`). */
export interface VictimListFilter {
  status?: string | null;
  ageGroup?: 'CHILD' | 'ADULT' | 'UNKNOWN' | null;
  year?: number | null;
  agency?: string | null;
}

/** Whose registrations a filter may read: every one the caller may see, and for the age group only its own agency's (all for the coordinating unit). */
export interface FilterViewer {
  coordinatingUnit: boolean;
  /** The caller's agency claim (`ngo:rosa` for NGO staff), matched against `registered_by` for NGO registrations. */
  agencyClaim: string;
  /** The caller's registering agency (POLICE, IMMIGRATION, CHILD_WELFARE, NGO), null for others. */
  ownAgency: string | null;
}

/**
 * A page of victims in id order; victims merged into another are left out.
 * With a filter, each victim is grouped with the registrations the viewer may
 * see (the rule of `maySeeRegistration`) and kept when they meet it.
 */
export function listVictims(db: NrmDb, first: number, after?: string | null, filter?: VictimListFilter | null, viewer?: FilterViewer): Promise<VictimRow[]> {
  const base = and(isNull(victims.mergedInto), after ? gt(victims.id, after) : undefined);
  const active = filter && (filter.status || filter.ageGroup || filter.year || filter.agency);
  if (!active) return after ? victimsPageAfter(db).execute({ first, after }) : victimsFirstPage(db).execute({ first });
  if (!viewer) throw hubError('FORBIDDEN', 'A filtered list needs a caller.');
  const visible = viewer.coordinatingUnit ? sql`true` : sql`(${registrations.agency} <> 'NGO' or ${registrations.registeredBy} = ${viewer.agencyClaim})`;
  const rank = sql`case ${registrations.status} when 'ACTUAL' then 3 when 'POSSIBLE' then 2 when 'NOT_A_VICTIM' then 1 end`;
  const conditions = [];
  if (filter.status)
    // A victim with no registration the viewer may see has no status for them: it meets no status filter.
    conditions.push(sql`max(${rank}) = ${({ ACTUAL: 3, POSSIBLE: 2, NOT_A_VICTIM: 1 } as Record<string, number>)[filter.status] ?? 0}`);
  if (filter.agency || filter.year) {
    const byAgency = filter.agency ? sql`${registrations.agency} = ${filter.agency}` : sql`true`;
    const inYear = filter.year ? sql`extract(year from ${registrations.decidedOn})::int = ${filter.year}` : sql`true`;
    conditions.push(sql`coalesce(bool_or(${byAgency} and ${inYear}), false)`);
  }
  if (filter.ageGroup) {
    const own = viewer.coordinatingUnit ? sql`true` : viewer.ownAgency ? sql`${registrations.agency} = ${viewer.ownAgency}` : sql`false`;
    const birthYear = sql`min(${registrations.birthYear}) filter (where ${own})`;
    const firstYear = sql`min(extract(year from ${registrations.decidedOn})::int) filter (where ${own})`;
    conditions.push(
      sql`(case when ${birthYear} is null then 'UNKNOWN' when ${firstYear} - ${birthYear} < 18 then 'CHILD' else 'ADULT' end) = ${filter.ageGroup}`,
    );
  }
  return db
    .select(getTableColumns(victims))
    .from(victims)
    .leftJoin(registrations, and(eq(registrations.victimId, victims.id), visible))
    .where(base)
    .groupBy(victims.id)
    .having(and(...conditions))
    .orderBy(asc(victims.id))
    .limit(first);
}

// Prepared once per database handle (the victim list opens every view).
const victimsFirstPage = preparedPerDb((db: NrmDb) =>
  db.select().from(victims).where(isNull(victims.mergedInto)).orderBy(asc(victims.id)).limit(sql.placeholder('first')).prepare('nrm_victims_first_page'),
);
const victimsPageAfter = preparedPerDb((db: NrmDb) =>
  db
    .select()
    .from(victims)
    .where(and(isNull(victims.mergedInto), gt(victims.id, sql.placeholder('after'))))
    .orderBy(asc(victims.id))
    .limit(sql.placeholder('first'))
    .prepare('nrm_victims_page_after'),
);

/** Registrations of many victims, oldest first, for a loader. */
export function registrationsOfVictims(db: NrmDb, victimIds: readonly string[]): Promise<RegistrationRow[]> {
  return registrationsOfVictimsQuery(db).execute({ ids: arrayLiteral(victimIds) });
}
const registrationsOfVictimsQuery = preparedPerDb((db: NrmDb) =>
  db.select().from(registrations).where(anyOf(registrations.victimId)).orderBy(asc(registrations.registeredAt)).prepare('nrm_registrations_of_victims'),
);
