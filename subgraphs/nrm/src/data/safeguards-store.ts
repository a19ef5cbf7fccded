import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { hubError } from '@nrm-hub/kit';
import { alertEvents, alerts, matchKeys, openCaseRoles, registrations, victims, type AlertRow, type VictimRow } from '../db/schema.ts';
import { decideMatch } from './matching.ts';
import type { NrmDb } from './db.ts';

/** Statuses of a registered potential victim. */
const POTENTIAL_VICTIM = ['POSSIBLE', 'ACTUAL'];

/** Records the police's open-case roles for a victim id (replacing the previous ones). */
export async function setOpenCaseRoles(db: NrmDb, victimId: string, roles: string[]): Promise<void> {
  await db
    .insert(openCaseRoles)
    .values({ victimId, roles })
    .onConflictDoUpdate({ target: openCaseRoles.victimId, set: { roles, updatedAt: new Date() } });
}

/** A return check as the NRM receives it: UDI's opaque proceeding id and the person's match keys. */
export interface ReturnCheckRequest {
  agency: string;
  returnId: string;
  identifierHashes: string[];
  clk: Uint8Array;
}

/** What a return check found about one victim. */
interface Finding {
  victimId: string;
  reasons: string[];
  contactAgencies: string[];
}

/** The victims (as they resolve now) whose registrations share an identifier hash with, or match by CLK, the keys. */
async function matchingVictims(db: NrmDb, identifierHashes: string[], clk: Uint8Array): Promise<string[]> {
  const ids = new Set<string>();
  if (identifierHashes.length) {
    const rows = await db
      .selectDistinct({ victimId: registrations.victimId })
      .from(matchKeys)
      .innerJoin(registrations, eq(registrations.id, matchKeys.registrationId))
      .where(and(eq(matchKeys.kind, 'ID_HASH'), inArray(matchKeys.value, [...new Set(identifierHashes)])));
    for (const r of rows) ids.add(r.victimId);
  }
  const decision = await decideMatch(db, clk);
  // Before a return, a second victim above the bar counts too: better one alert too many than a victim deported unseen.
  if (decision.kind === 'MATCH') for (const v of [decision.best, decision.second]) if (v) ids.add(v.victimId);
  return [...ids].sort();
}

const REGISTERED = 'REGISTERED_POTENTIAL_VICTIM';
/** Stored only: a registration as a potential victim by an NGO (shown as `REGISTERED` to the coordinating unit). */
const REGISTERED_BY_NGO = 'REGISTERED_POTENTIAL_VICTIM_BY_NGO';
/** Shown instead of what an NGO's registration says, to anyone but the coordinating unit. */
const ASK_COORDINATING_UNIT = 'ASK_COORDINATING_UNIT';

/**
 * An alert's reasons and contacts as a viewer may see them. The coordinating unit sees everything. Anyone else
 * sees nothing an NGO's registration says (that the person is an NGO's client, and its status decision): its part
 * becomes `ASK_COORDINATING_UNIT` and the NGO is not named. Alerts stored before the NGO's part was kept apart
 * name the NGO among the contacts: then their `REGISTERED_POTENTIAL_VICTIM` may be the NGO's alone, and is read so.
 */
export function alertAsSeenBy(
  alert: Pick<AlertRow, 'reasons' | 'contactAgencies'>,
  coordinatingUnit: boolean,
): { reasons: string[]; contactAgencies: string[] } {
  if (coordinatingUnit) {
    return { reasons: [...new Set(alert.reasons.map((r) => (r === REGISTERED_BY_NGO ? REGISTERED : r)))], contactAgencies: alert.contactAgencies };
  }
  const legacyNgo = alert.contactAgencies.includes('NGO') && !alert.reasons.includes(REGISTERED_BY_NGO);
  const reasons = alert.reasons.flatMap((r) => (r === REGISTERED_BY_NGO || (legacyNgo && r === REGISTERED) ? [ASK_COORDINATING_UNIT] : [r]));
  return { reasons: [...new Set(reasons)], contactAgencies: alert.contactAgencies.filter((a) => a !== 'NGO') };
}

/**
 * What the NRM knows about each matching victim that matters before a
 * return: registrations as a potential victim (POSSIBLE or ACTUAL; contact
 * those agencies) and roles in open police trafficking cases (contact the
 * police), looked up under the victim id and every id merged into it.
 */
async function findings(db: NrmDb, victimIds: string[]): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const victimId of victimIds) {
    const merged = await db.select({ id: victims.id }).from(victims).where(eq(victims.mergedInto, victimId));
    const cluster = [victimId, ...merged.map((m) => m.id)];
    const regs = await db
      .select({ agency: registrations.agency })
      .from(registrations)
      .where(and(inArray(registrations.victimId, cluster), inArray(registrations.status, POTENTIAL_VICTIM)));
    const roles = await db.select({ roles: openCaseRoles.roles }).from(openCaseRoles).where(inArray(openCaseRoles.victimId, cluster));
    const openRoles = new Set(roles.flatMap((r) => r.roles));
    const reasons: string[] = [];
    const contact = new Set<string>();
    // An NGO's registration is the NGO's client's, shown only to that organisation and the coordinating unit: kept
    // apart (`BY_NGO`), so that the alert tells anyone else only to ask the coordinating unit (`alertAsSeenBy`).
    if (regs.some((r) => r.agency !== 'NGO')) reasons.push(REGISTERED);
    if (regs.some((r) => r.agency === 'NGO')) reasons.push(REGISTERED_BY_NGO);
    for (const r of regs) contact.add(r.agency);
    if (openRoles.has('VICTIM')) reasons.push('OPEN_CASE_VICTIM');
    if (openRoles.has('WITNESS')) reasons.push('OPEN_CASE_WITNESS');
    if (openRoles.size) contact.add('POLICE');
    if (reasons.length) out.push({ victimId, reasons, contactAgencies: [...contact].sort() });
  }
  return out;
}

/**
 * Checks a person in return proceedings against the registry. A hit raises
 * one alert for the proceeding (`RETURN_CHECK_HIT`, for the asking agency
 * and the coordinating unit), or returns the alert already raised for it;
 * a repeated check never raises a second one. Returns whether it was a hit
 * and the proceeding's alert, if any.
 */
export async function checkReturn(
  db: NrmDb,
  req: ReturnCheckRequest,
  caller: { by: string; agency: string },
): Promise<{ hit: boolean; alert: AlertRow | null }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`return|${req.agency}|${req.returnId}`}))`);
    const found = await findings(tx, await matchingVictims(tx, req.identifierHashes, req.clk));
    const [existing] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.raisedFor, req.agency), eq(alerts.subjectRef, req.returnId), eq(alerts.kind, 'RETURN_CHECK_HIT')));
    const first = found[0];
    if (existing || !first) return { hit: found.length > 0, alert: existing ?? null };
    const [alert] = await tx
      .insert(alerts)
      .values({
        kind: 'RETURN_CHECK_HIT',
        victimId: first.victimId,
        reasons: [...new Set(found.flatMap((f) => f.reasons))],
        contactAgencies: [...new Set(found.flatMap((f) => f.contactAgencies))].sort(),
        raisedFor: req.agency,
        subjectRef: req.returnId,
      })
      .returning();
    await tx.insert(alertEvents).values({ alertId: alert!.id, action: 'RAISED', ...caller });
    return { hit: true, alert: alert! };
  });
}

/** Which alerts a viewer may see: the coordinating unit all, an agency those raised for it. */
export type AlertAudience = { all: true } | { all: false; agency: string };

const visibleTo = (audience: AlertAudience) => (audience.all ? undefined : eq(alerts.raisedFor, audience.agency));

/** Alerts by state and kind (either optional), oldest first. */
export function listAlerts(db: NrmDb, audience: AlertAudience, filter: { state?: string | null; kind?: string | null; first: number }): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(visibleTo(audience), filter.state ? eq(alerts.state, filter.state) : undefined, filter.kind ? eq(alerts.kind, filter.kind) : undefined))
    .orderBy(asc(alerts.raisedAt))
    .limit(filter.first);
}

/** Alerts of many victims, for a loader. */
export function alertsOfVictims(db: NrmDb, victimIds: readonly string[]): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(inArray(alerts.victimId, [...victimIds]))
    .orderBy(asc(alerts.raisedAt));
}

/** Alerts by id, for a loader. */
export function alertsByIds(db: NrmDb, ids: readonly string[]): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(inArray(alerts.id, [...ids]));
}

/** The history of alerts, for a loader. */
export function eventsOfAlerts(db: NrmDb, alertIds: readonly string[]) {
  return db
    .select()
    .from(alertEvents)
    .where(inArray(alertEvents.alertId, [...alertIds]))
    .orderBy(asc(alertEvents.at));
}

const NEXT: Record<string, readonly string[]> = { OPEN: ['ACKNOWLEDGED', 'CLOSED'], ACKNOWLEDGED: ['CLOSED'], CLOSED: [] };

/**
 * Moves an alert OPEN → ACKNOWLEDGED → CLOSED (or OPEN → CLOSED) in the name
 * of the caller (token subject), with an event in its history. An alert the
 * caller may not see is `NOT_FOUND`; any other move is `INVALID_STATE`; both
 * write nothing.
 */
export async function moveAlert(
  db: NrmDb,
  input: { alertId: string; to: 'ACKNOWLEDGED' | 'CLOSED'; by: string; agency: string; note?: string | null },
  audience: AlertAudience,
): Promise<AlertRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.id, input.alertId), visibleTo(audience)))
      .for('update');
    if (!current) throw hubError('NOT_FOUND', 'No alert with that id.');
    if (!NEXT[current.state]?.includes(input.to)) throw hubError('INVALID_STATE', `A ${current.state} alert cannot become ${input.to}.`);
    const now = new Date();
    const [updated] = await tx
      .update(alerts)
      .set(
        input.to === 'ACKNOWLEDGED'
          ? { state: input.to, acknowledgedBy: input.by, acknowledgedAt: now }
          : { state: input.to, closedBy: input.by, closedAt: now, closeNote: input.note ?? null },
      )
      .where(eq(alerts.id, input.alertId))
      .returning();
    await tx.insert(alertEvents).values({ alertId: input.alertId, action: input.to, by: input.by, agency: input.agency, note: input.note ?? null, at: now });
    return updated!;
  });
}

/**
 * Victims who are children or possibly so (not merged away): registered by
 * child welfare, or with a registration whose birth year makes them under 18
 * in `year` (the year they turn 18 counts: possibly under 18). Oldest first.
 */
export function childVictims(db: NrmDb, year: number, first: number): Promise<VictimRow[]> {
  const child = db
    .select({ victimId: registrations.victimId })
    .from(registrations)
    .where(or(eq(registrations.agency, 'CHILD_WELFARE'), gte(registrations.birthYear, year - 18)));
  return db
    .select()
    .from(victims)
    .where(and(isNull(victims.mergedInto), inArray(victims.id, child)))
    .orderBy(asc(victims.createdAt))
    .limit(first);
}
