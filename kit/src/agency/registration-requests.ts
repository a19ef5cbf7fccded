import { boolean, doublePrecision, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Idempotency record of each registration request an agency handled. Every
 * agency schema re-exports this table so its migrations create it.
 */
export const registrationRequests = pgTable('registration_requests', {
  idempotencyKey: text().primaryKey(),
  requestHash: text().notNull(),
  recordId: uuid().notNull(),
  victimId: uuid().notNull(),
  matchedExisting: boolean().notNull(),
  matchScore: doublePrecision().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type RegistrationRequestRow = typeof registrationRequests.$inferSelect;
