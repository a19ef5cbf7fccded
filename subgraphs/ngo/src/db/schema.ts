import { relations, sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decisionColumns, personColumns, screeningColumns } from '@nrm-hub/kit';
export { registrationRequests } from '@nrm-hub/kit';
export { auditLog } from '@nrm-hub/kit';

/** NGOs and municipal crisis centres that assist clients; the name is unique. */
export const organisations = pgTable('organisations', {
  id: uuid()
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text().notNull().unique(),
  kind: text().notNull(),
});

/** Clients an organisation assists; `id` is the record id of the registration flow. */
export const clients = pgTable(
  'clients',
  {
    id: uuid().primaryKey(),
    victimId: uuid(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    ...personColumns(),
    ...decisionColumns(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.victimId), index().on(t.organisationId)],
);

/** A client's consent to share their data with one agency for one purpose. */
export const consents = pgTable(
  'consents',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    agency: text().notNull(),
    purpose: text().notNull(),
    givenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.clientId)],
);

/** Assistance a client received (shelter, legal aid, health care, ...). */
export const assistanceEpisodes = pgTable(
  'assistance_episodes',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    type: text().notNull(),
    startedAt: date().notNull(),
    endedAt: date(),
  },
  (t) => [index().on(t.clientId)],
);

/** Public grants an organisation received in a year. */
export const grants = pgTable(
  'grants',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    idempotencyKey: text().notNull().unique(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    amountNok: bigint({ mode: 'number' }).notNull(),
    grantor: text().notNull(),
  },
  (t) => [index().on(t.year), index().on(t.organisationId)],
);

export const organisationsRelations = relations(organisations, ({ many }) => ({
  clients: many(clients),
  grants: many(grants),
}));
/** Trafficking-indicator screenings an organisation did of its clients; the outcome is computed by the kit's rule. */
export const screenings = pgTable('screenings', screeningColumns(), (t) => [
  index().on(t.subjectId),
  foreignKey({ columns: [t.subjectId], foreignColumns: [clients.id] }),
]);
export const screeningsRelations = relations(screenings, ({ one }) => ({
  client: one(clients, { fields: [screenings.subjectId], references: [clients.id] }),
}));

export const clientsRelations = relations(clients, ({ one, many }) => ({
  screenings: many(screenings),
  organisation: one(organisations, { fields: [clients.organisationId], references: [organisations.id] }),
  assistanceEpisodes: many(assistanceEpisodes),
  consents: many(consents),
}));
export const consentsRelations = relations(consents, ({ one }) => ({
  client: one(clients, { fields: [consents.clientId], references: [clients.id] }),
}));
export const assistanceEpisodesRelations = relations(assistanceEpisodes, ({ one }) => ({
  client: one(clients, { fields: [assistanceEpisodes.clientId], references: [clients.id] }),
}));
export const grantsRelations = relations(grants, ({ one }) => ({
  organisation: one(organisations, { fields: [grants.organisationId], references: [organisations.id] }),
}));

export type OrganisationRow = typeof organisations.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type AssistanceEpisodeRow = typeof assistanceEpisodes.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;
