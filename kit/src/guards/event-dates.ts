import { badInput } from '../runtime/errors.ts';

/**
 * Sane ranges for the dates a write records, checked at the edge of every
 * agency subgraph before anything is stored. A date outside them is a typing
 * or client error (0001-01-01, 9999-12-31) that would put a record into a
 * year that does not exist for the hub and into the national statistics.
 * Birth dates have their own checks (`normalisePerson`).
 */

/** Nothing the hub records happened before this day. */
export const EVENT_DATE_FLOOR = '1900-01-01';
/**
 * How far past today (UTC) an event date may be: Norway is ahead of UTC, so
 * a date that is today in Oslo can be tomorrow in UTC for an hour or two.
 */
export const EVENT_DATE_TOLERANCE_DAYS = 1;
/** How far ahead a planned date (a return's departure, a permit's end, a placement's planned end) may be. */
export const PLANNED_DATE_HORIZON_YEARS = 10;
/** Allowed clock skew for "not in the future" checks on client-supplied timestamps. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Today as an ISO date in UTC. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function plusDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function plusYears(isoDate: string, years: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * Checks the date of something that happened (opened, started, paid, decided, …): not before
 * `EVENT_DATE_FLOOR`, not after today plus `toleranceDays` (`EVENT_DATE_TOLERANCE_DAYS`; registration decisions
 * and screenings keep their stricter 0). Returns the date; throws `BAD_USER_INPUT` naming `field`, never the
 * value. `value` is a `Date` scalar (a valid YYYY-MM-DD); `today` the subgraph's day (`todayOf(ctx.now)`).
 */
export function checkEventDate(value: string, field: string, today: string = isoToday(), toleranceDays = EVENT_DATE_TOLERANCE_DAYS): string {
  if (value < EVENT_DATE_FLOOR) throw badInput(field, `must not be before ${EVENT_DATE_FLOOR}`);
  if (value > plusDays(today, toleranceDays)) throw badInput(field, 'must not be in the future');
  return value;
}

/** `checkEventDate` for an optional date: null and undefined pass as null. */
export function checkOptionalEventDate(value: string | null | undefined, field: string, today: string = isoToday()): string | null {
  return value == null ? null : checkEventDate(value, field, today);
}

/**
 * Checks a planned date (may lie ahead): not before `EVENT_DATE_FLOOR`, at most
 * `PLANNED_DATE_HORIZON_YEARS` years after today. Throws `BAD_USER_INPUT` naming `field`.
 */
export function checkPlannedDate(value: string, field: string, today: string = isoToday()): string {
  if (value < EVENT_DATE_FLOOR) throw badInput(field, `must not be before ${EVENT_DATE_FLOOR}`);
  if (value > plusYears(today, PLANNED_DATE_HORIZON_YEARS)) throw badInput(field, `must be at most ${PLANNED_DATE_HORIZON_YEARS} years ahead`);
  return value;
}

/**
 * Checks that `later` (ended, paid, convicted, …) is not before `earlier` (started, ordered, opened, …);
 * a missing `later` passes. Throws `BAD_USER_INPUT` naming `laterField` and the date it must follow.
 */
export function checkDateOrder(earlier: string, later: string | null | undefined, laterField: string, earlierName: string): void {
  if (later != null && later < earlier) throw badInput(laterField, `must not be before ${earlierName}`);
}

/**
 * Checks the time of something that happened (a `DateTime`): not before `EVENT_DATE_FLOOR`, not later than now
 * plus `CLOCK_SKEW_MS`. Null and undefined pass as null.
 */
export function checkEventTime(value: Date | null | undefined, field: string, now: Date = new Date()): Date | null {
  if (!value) return null;
  if (value.getTime() < Date.parse(`${EVENT_DATE_FLOOR}T00:00:00Z`)) throw badInput(field, `must not be before ${EVENT_DATE_FLOOR}`);
  if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput(field, 'must not be in the future');
  return value;
}
