import { date, integer, jsonb, text } from 'drizzle-orm/pg-core';
import type { Identifier } from './person.ts';
import type { StatusDecision } from './registration.ts';

/**
 * Columns of a validated `Person`, for the agency table that records the
 * people it registers (police `persons`, immigration `applicants`, child
 * welfare `child_cases`, NGO `clients`). Spread into `pgTable`; each call
 * returns fresh column builders, as drizzle needs one builder per table.
 */
export function personColumns() {
  return {
    givenNames: text().notNull(),
    familyName: text().notNull(),
    aliases: text().array().notNull(),
    birthDate: date(),
    birthYear: integer(),
    gender: text().notNull(),
    citizenships: text().array().notNull(),
    identifiers: jsonb().$type<Identifier[]>().notNull(),
  };
}

/**
 * Columns of the agency's status decision on a person (`StatusDecision`
 * without `decidedOn`, which only the NRM keeps). Spread into `pgTable`; each
 * call returns fresh column builders, as drizzle needs one builder per table.
 */
export function decisionColumns() {
  return {
    status: text().notNull(),
    decidedBy: text().notNull(),
    exploitationTypes: text().array().notNull(),
  };
}

/** The values of `decisionColumns()` for one insert: the decision without `decidedOn`. */
export function decisionValues(decision: StatusDecision): Pick<StatusDecision, 'status' | 'decidedBy' | 'exploitationTypes'> {
  return { status: decision.status, decidedBy: decision.decidedBy, exploitationTypes: decision.exploitationTypes };
}
