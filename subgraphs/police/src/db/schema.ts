import { relations, sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { decisionColumns, personColumns, screeningColumns } from '@nrm-hub/kit';
export { registrationRequests } from '@nrm-hub/kit';
export { auditLog } from '@nrm-hub/kit';

/** Persons the police recorded; `victimId` once registered with the NRM. */
export const persons = pgTable(
  'persons',
  {
    id: uuid().primaryKey(),
    victimId: uuid(),
    ...personColumns(),
    ...decisionColumns(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.victimId)],
);

/** Investigations. */
export const investigations = pgTable('investigations', {
  id: uuid()
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  reference: text().notNull().unique(),
  policeDistrict: text().notNull(),
  offence: text().notNull(),
  prosecutedAs: text(),
  status: text().notNull().default('OPEN'),
  openedAt: date().notNull(),
  convictedAt: date(),
});

/** A person's role in an investigation. */
export const caseRoles = pgTable(
  'case_roles',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    investigationId: uuid()
      .notNull()
      .references(() => investigations.id),
    role: text().notNull(),
  },
  (t) => [unique().on(t.personId, t.investigationId, t.role)],
);

/** Custody and prison stays. */
export const custodyStays = pgTable(
  'custody_stays',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    kind: text().notNull(),
    facility: text().notNull(),
    startedAt: date().notNull(),
    endedAt: date(),
  },
  (t) => [index().on(t.personId)],
);

/** Compensation orders paid (or owed) by traffickers to victims. */
export const compensationOrders = pgTable(
  'compensation_orders',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    investigationId: uuid()
      .notNull()
      .references(() => investigations.id),
    amountNok: integer().notNull(),
    orderedAt: date().notNull(),
    paidAt: date(),
  },
  (t) => [index().on(t.personId)],
);

/** Trafficking-indicator screenings the police did (in an investigation, custody or prison); the outcome is computed by the kit's rule. */
export const screenings = pgTable('screenings', screeningColumns(), (t) => [
  index().on(t.subjectId),
  foreignKey({ columns: [t.subjectId], foreignColumns: [persons.id] }),
]);

export const personsRelations = relations(persons, ({ many }) => ({
  screenings: many(screenings),
  caseRoles: many(caseRoles),
  custodyStays: many(custodyStays),
  compensationOrders: many(compensationOrders),
}));
export const caseRolesRelations = relations(caseRoles, ({ one }) => ({
  person: one(persons, { fields: [caseRoles.personId], references: [persons.id] }),
  investigation: one(investigations, { fields: [caseRoles.investigationId], references: [investigations.id] }),
}));
export const custodyStaysRelations = relations(custodyStays, ({ one }) => ({
  person: one(persons, { fields: [custodyStays.personId], references: [persons.id] }),
}));
export const compensationOrdersRelations = relations(compensationOrders, ({ one }) => ({
  person: one(persons, { fields: [compensationOrders.personId], references: [persons.id] }),
  investigation: one(investigations, { fields: [compensationOrders.investigationId], references: [investigations.id] }),
}));

export const screeningsRelations = relations(screenings, ({ one }) => ({
  person: one(persons, { fields: [screenings.subjectId], references: [persons.id] }),
}));

export type PersonRow = typeof persons.$inferSelect;
export type InvestigationRow = typeof investigations.$inferSelect;
export type CustodyStayRow = typeof custodyStays.$inferSelect;
export type CompensationOrderRow = typeof compensationOrders.$inferSelect;
