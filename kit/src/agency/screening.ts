import { sql } from 'drizzle-orm';
import { boolean, date, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db } from '../runtime/database.ts';
import { checkIdempotencyKey, checkUuid, hubError } from '../runtime/errors.ts';
import { insertOnce, type IdempotentTable } from '../runtime/idempotent-insert.ts';
import { checkIndicators, screeningOutcome } from './indicators.ts';
import { checkEventDate } from '../guards/event-dates.ts';

/**
 * Indicator screenings as each agency's own data (police, UDI, child
 * welfare, NGOs): the columns of its `screenings` table, the write with its
 * checks, and the read view. The outcome is computed by the kit's indicator
 * rule (`indicators.ts`) when the screening is recorded, and stored so that
 * SQL can count screenings with indications; it is never taken from input.
 */

/** Columns of an agency's `screenings` table; `subjectId` is the agency's own record of the person. */
export function screeningColumns() {
  return {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    subjectId: uuid().notNull(),
    screenedOn: date().notNull(),
    context: text().notNull(),
    indicators: text().array().notNull(),
    child: boolean().notNull(),
    indications: boolean().notNull(),
    reasons: text().array().notNull(),
    screenedBy: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  };
}

/** A stored screening row (the shape `screeningColumns` gives). */
export interface ScreeningRow {
  id: string;
  idempotencyKey: string;
  subjectId: string;
  screenedOn: string;
  context: string;
  indicators: string[];
  child: boolean;
  indications: boolean;
  reasons: string[];
  screenedBy: string;
  recordedAt: Date;
}

/** The agency's record of the screened person, as the screening needs it. */
export interface ScreeningSubject {
  id: string;
  /** The NRM victim id on the record, if registered. */
  victimId: string | null;
  /** The agency's own status decision on the record. */
  status: string;
  /** Under 18, or possibly so, on the screening day. */
  child: (day: string) => boolean;
}

/** `ScreeningInput` as received. */
export interface ScreeningInput {
  idempotencyKey: string;
  subjectId: string;
  screenedOn: string;
  context: string;
  indicators: string[];
}

/** Checks a screening input at the edge; returns it normalised. Unknown indicators are `BAD_USER_INPUT`. */
export function checkScreeningInput(input: ScreeningInput, today: string): ScreeningInput {
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  const subjectId = checkUuid(input.subjectId, 'input.subjectId');
  checkEventDate(input.screenedOn, 'input.screenedOn', today, 0);
  return { ...input, idempotencyKey, subjectId, indicators: checkIndicators(input.indicators) };
}

/**
 * Whether a screening already stored under an idempotency key answers this request: the same person, day, context
 * and findings, recorded by the same user (the token's subject). Another user reusing the key would otherwise get
 * someone else's screening back from a write, which no audit record covers, and a retry with other findings would
 * be told they were recorded.
 */
function sameScreening(first: ScreeningRow, input: ScreeningInput, screenedBy: string): boolean {
  const sorted = (codes: readonly string[]) => [...codes].sort().join(',');
  return (
    first.subjectId === input.subjectId &&
    first.screenedOn === input.screenedOn &&
    first.context === input.context &&
    sorted(first.indicators) === sorted(input.indicators) &&
    first.screenedBy === screenedBy
  );
}

/** The answer to a screening of a person the agency holds no record of (NGO staff get it for another organisation's client too). */
export function unknownScreeningSubject() {
  return hubError('NOT_FOUND', 'Your agency holds no record of that person; record or register the person first.', { field: 'input.subjectId' });
}

/**
 * Records a screening inside the caller's transaction: the subject must be a
 * record the agency holds (else `NOT_FOUND`, nothing written), the outcome is
 * computed by the indicator rule, and the same idempotency key returns the
 * first screening to its writer's retry of the same screening (`sameScreening`;
 * anything else is `IDEMPOTENCY_KEY_REUSED`).
 */
export async function recordScreening<TTable extends IdempotentTable>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Db<any>,
  table: TTable,
  input: ScreeningInput,
  subject: ScreeningSubject | null,
  screenedBy: string,
): Promise<ScreeningRow> {
  if (!subject) throw unknownScreeningSubject();
  const child = subject.child(input.screenedOn);
  const outcome = screeningOutcome(input.indicators, child);
  const row = await insertOnce(tx, table, { ...input, child, indications: outcome.indications, reasons: outcome.reasons, screenedBy } as never, {
    sameRequest: (first) => sameScreening(first as unknown as ScreeningRow, input, screenedBy),
    what: 'screening',
  });
  return row as unknown as ScreeningRow;
}

const POTENTIAL_VICTIM = new Set(['POSSIBLE', 'ACTUAL']);

/**
 * A screening as the API shows it: the stored outcome, the element results
 * recomputed by the same rule, and the registration it offers: with
 * indications, registration with the NRM is offered unless the agency's
 * record is already registered as a potential victim, in which case it links
 * to that victim.
 */
export function screeningView(row: ScreeningRow, subject: Pick<ScreeningSubject, 'victimId' | 'status'>) {
  const outcome = screeningOutcome(row.indicators, row.child);
  const registered = subject.victimId !== null && POTENTIAL_VICTIM.has(subject.status);
  return {
    ...row,
    elements: outcome.elements,
    forcedLabourCount: outcome.forcedLabourCount,
    registration: { offered: row.indications && !registered, victimId: registered ? subject.victimId : null },
  };
}
