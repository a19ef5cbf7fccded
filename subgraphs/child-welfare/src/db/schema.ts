import { relations, sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decisionColumns, personColumns, screeningColumns } from '@nrm-hub/kit';
export { registrationRequests } from '@nrm-hub/kit';
export { auditLog } from '@nrm-hub/kit';

/** Child cases; the id is the record id from the registration flow, `victimId` the NRM's id. */
export const childCases = pgTable(
  'child_cases',
  {
    id: uuid().primaryKey(),
    victimId: uuid(),
    ...personColumns(),
    ...decisionColumns(),
    municipality: text().notNull(),
    ageAssessment: text().notNull(),
    unaccompanied: boolean().notNull(),
    guardianName: text(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.victimId)],
);

/** Placements (institution, foster care, emergency), planned for at most six months. */
export const placements = pgTable(
  'placements',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    caseId: uuid()
      .notNull()
      .references(() => childCases.id),
    kind: text().notNull(),
    startedAt: date().notNull(),
    plannedEndAt: date().notNull(),
    endedAt: date(),
  },
  (t) => [index().on(t.caseId), index().on(t.plannedEndAt)],
);

/** Measures the Child Welfare Service took for a child. */
export const measures = pgTable(
  'measures',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    caseId: uuid()
      .notNull()
      .references(() => childCases.id),
    kind: text().notNull(),
    takenAt: date().notNull(),
  },
  (t) => [index().on(t.caseId)],
);

/** Trafficking-indicator screenings child welfare did; the outcome is computed by the kit's rule (children need no means element). */
export const screenings = pgTable('screenings', screeningColumns(), (t) => [
  index().on(t.subjectId),
  foreignKey({ columns: [t.subjectId], foreignColumns: [childCases.id] }),
]);
export const screeningsRelations = relations(screenings, ({ one }) => ({
  childCase: one(childCases, { fields: [screenings.subjectId], references: [childCases.id] }),
}));

export const childCasesRelations = relations(childCases, ({ many }) => ({
  screenings: many(screenings),
  placements: many(placements),
  measures: many(measures),
}));
export const placementsRelations = relations(placements, ({ one }) => ({
  childCase: one(childCases, { fields: [placements.caseId], references: [childCases.id] }),
}));
export const measuresRelations = relations(measures, ({ one }) => ({
  childCase: one(childCases, { fields: [measures.caseId], references: [childCases.id] }),
}));

export type ChildCaseRow = typeof childCases.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;
export type MeasureRow = typeof measures.$inferSelect;
