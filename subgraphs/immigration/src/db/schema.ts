import { relations, sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decisionColumns, personColumns } from '@nrm-hub/kit';
export { registrationRequests } from '@nrm-hub/kit';
export { auditLog } from '@nrm-hub/kit';

/** Applicants UDI recorded; `id` is the record id of the registration flow, `victimId` the NRM's. */
export const applicants = pgTable(
  'applicants',
  {
    id: uuid().primaryKey(),
    victimId: uuid(),
    ...personColumns(),
    dufNumber: text(),
    eeaCitizen: boolean().notNull(),
    ...decisionColumns(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.victimId), index().on(t.dufNumber)],
);

/** Reflection periods: six months, not renewable, so at most one per applicant. */
export const reflectionPeriods = pgTable('reflection_periods', {
  id: uuid().primaryKey().default(sql`gen_random_uuid()`),
  idempotencyKey: text().notNull().unique(),
  applicantId: uuid()
    .notNull()
    .unique()
    .references(() => applicants.id),
  grantedAt: date().notNull(),
  endsAt: date().notNull(),
});

/** Residence permits (limited permit for trafficking victims, witness, humanitarian, protection). */
export const residencePermits = pgTable(
  'residence_permits',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    applicantId: uuid()
      .notNull()
      .references(() => applicants.id),
    kind: text().notNull(),
    grantedAt: date().notNull(),
    validUntil: date().notNull(),
  },
  (t) => [index().on(t.applicantId)],
);

/** Asylum decisions. */
export const asylumDecisions = pgTable(
  'asylum_decisions',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    applicantId: uuid()
      .notNull()
      .references(() => applicants.id),
    outcome: text().notNull(),
    decidedAt: date().notNull(),
  },
  (t) => [index().on(t.applicantId)],
);

/** Return (deportation) proceedings, with whether the person was screened for trafficking first. */
export const returnProceedings = pgTable(
  'return_proceedings',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    applicantId: uuid()
      .notNull()
      .references(() => applicants.id),
    departureDate: date().notNull(),
    screened: boolean().notNull(),
    status: text().notNull().default('PLANNED'),
  },
  (t) => [index().on(t.applicantId), index().on(t.departureDate)],
);

export const applicantsRelations = relations(applicants, ({ many }) => ({
  reflectionPeriods: many(reflectionPeriods),
  residencePermits: many(residencePermits),
  asylumDecisions: many(asylumDecisions),
  returnProceedings: many(returnProceedings),
}));
export const reflectionPeriodsRelations = relations(reflectionPeriods, ({ one }) => ({
  applicant: one(applicants, { fields: [reflectionPeriods.applicantId], references: [applicants.id] }),
}));
export const residencePermitsRelations = relations(residencePermits, ({ one }) => ({
  applicant: one(applicants, { fields: [residencePermits.applicantId], references: [applicants.id] }),
}));
export const asylumDecisionsRelations = relations(asylumDecisions, ({ one }) => ({
  applicant: one(applicants, { fields: [asylumDecisions.applicantId], references: [applicants.id] }),
}));
export const returnProceedingsRelations = relations(returnProceedings, ({ one }) => ({
  applicant: one(applicants, { fields: [returnProceedings.applicantId], references: [applicants.id] }),
}));

export type ApplicantRow = typeof applicants.$inferSelect;
export type ReflectionPeriodRow = typeof reflectionPeriods.$inferSelect;
export type ResidencePermitRow = typeof residencePermits.$inferSelect;
export type AsylumDecisionRow = typeof asylumDecisions.$inferSelect;
export type ReturnProceedingRow = typeof returnProceedings.$inferSelect;
