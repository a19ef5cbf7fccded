import { relations, sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decisionColumns, personColumns, screeningColumns } from '@nrm-hub/kit';
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
  id: uuid()
    .primaryKey()
    .default(sql`gen_random_uuid()`),
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
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
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
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    applicantId: uuid()
      .notNull()
      .references(() => applicants.id),
    outcome: text().notNull(),
    decidedAt: date().notNull(),
  },
  (t) => [index().on(t.applicantId)],
);

/**
 * Return (deportation) proceedings. `screened` is true once the NRM return
 * check has run for the proceeding (set by the check, never typed in), so
 * SQL can count screened returns: `count(*) filter (where screened)`.
 */
export const returnProceedings = pgTable(
  'return_proceedings',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
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

/** Trafficking-indicator screenings UDI did; the outcome is computed by the kit's rule. */
export const screenings = pgTable('screenings', screeningColumns(), (t) => [
  index().on(t.subjectId),
  foreignKey({ columns: [t.subjectId], foreignColumns: [applicants.id] }),
]);

/** Each NRM check of a return proceeding (match keys sent, the answer kept): whether it hit and the alert it raised. */
export const returnChecks = pgTable(
  'return_checks',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    returnId: uuid()
      .notNull()
      .references(() => returnProceedings.id),
    checkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    hit: boolean().notNull(),
    alertId: uuid(),
    alertState: text(),
    checkedBy: text().notNull(),
  },
  (t) => [index().on(t.returnId)],
);

/** A caseworker's reasoned override to execute a return that is unchecked or has an open alert (at most one per return). */
export const returnOverrides = pgTable('return_overrides', {
  id: uuid()
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  returnId: uuid()
    .notNull()
    .unique()
    .references(() => returnProceedings.id),
  reason: text().notNull(),
  blockedBy: text().notNull(),
  by: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const screeningsRelations = relations(screenings, ({ one }) => ({
  applicant: one(applicants, { fields: [screenings.subjectId], references: [applicants.id] }),
}));
export const returnChecksRelations = relations(returnChecks, ({ one }) => ({
  proceeding: one(returnProceedings, { fields: [returnChecks.returnId], references: [returnProceedings.id] }),
}));
export const returnOverridesRelations = relations(returnOverrides, ({ one }) => ({
  proceeding: one(returnProceedings, { fields: [returnOverrides.returnId], references: [returnProceedings.id] }),
}));

export const applicantsRelations = relations(applicants, ({ many }) => ({
  screenings: many(screenings),
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
export const returnProceedingsRelations = relations(returnProceedings, ({ one, many }) => ({
  applicant: one(applicants, { fields: [returnProceedings.applicantId], references: [applicants.id] }),
  checks: many(returnChecks),
  override: one(returnOverrides, { fields: [returnProceedings.id], references: [returnOverrides.returnId] }),
}));

export type ApplicantRow = typeof applicants.$inferSelect;
export type ReflectionPeriodRow = typeof reflectionPeriods.$inferSelect;
export type ResidencePermitRow = typeof residencePermits.$inferSelect;
export type AsylumDecisionRow = typeof asylumDecisions.$inferSelect;
export type ReturnProceedingRow = typeof returnProceedings.$inferSelect;
