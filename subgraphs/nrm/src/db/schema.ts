import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The canonical pseudonymous victims. No name, birth date or identity number is stored here. */
export const victims = pgTable('victims', {
  id: uuid().primaryKey().default(sql`gen_random_uuid()`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Each agency's registration of a potential victim, with its own status decision. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    victimId: uuid().notNull().references(() => victims.id),
    agency: text().notNull(),
    agencyRecordId: uuid().notNull(),
    idempotencyKey: text().notNull(),
    status: text().notNull(),
    decidedBy: text().notNull(),
    exploitationTypes: text().array().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    gender: text().notNull(),
    birthYear: integer(),
    citizenships: text().array().notNull(),
    matchedExisting: boolean().notNull(),
    matchScore: doublePrecision().notNull(),
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.agency, t.idempotencyKey), index().on(t.victimId)],
);

/** Match keys of a registration: keyed hashes computed by the agency. */
export const matchKeys = pgTable(
  'match_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    registrationId: uuid().notNull().references(() => registrations.id),
    kind: text().notNull(),
    value: text().notNull(),
  },
  (t) => [index().on(t.kind, t.value)],
);

/** Referrals between agencies and services. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    victimId: uuid().notNull().references(() => victims.id),
    fromAgency: text().notNull(),
    target: text().notNull(),
    state: text().notNull(),
    idempotencyKey: text().notNull().unique(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.victimId)],
);

export type VictimRow = typeof victims.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
