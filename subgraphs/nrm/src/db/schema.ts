import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
export { auditLog } from '@nrm-hub/kit';

/** `bytea` as a `Uint8Array` on both drivers (postgres.js gives a Buffer, PGlite a Uint8Array). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The canonical pseudonymous victims. No name, birth date or identity number
 * is stored here. A victim merged into another keeps its row, pointing at the
 * survivor, so ids that agencies stored keep resolving.
 */
export const victims = pgTable(
  'victims',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The surviving victim this one was merged into; always a victim that is not merged itself. */
    mergedInto: uuid().references((): AnyPgColumn => victims.id),
    mergedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.mergedInto)],
);

/** Each agency's registration of a potential victim, with its own status decision. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** The victim the registration belongs to now (moves on merge and split). */
    victimId: uuid()
      .notNull()
      .references(() => victims.id),
    /** The victim id handed to the agency when it registered; never changes. */
    issuedVictimId: uuid()
      .notNull()
      .references(() => victims.id),
    agency: text().notNull(),
    /**
     * The registering user's agency claim (e.g. `ngo:rosa`), from the service credential: an NGO's registration is shown only to
     * that organisation. Null for registrations from before it was recorded (then no NGO sees it).
     */
    registeredBy: text(),
    agencyRecordId: uuid().notNull(),
    idempotencyKey: text().notNull(),
    status: text().notNull(),
    decidedBy: text().notNull(),
    exploitationTypes: text().array().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    gender: text().notNull(),
    birthYear: integer(),
    citizenships: text().array().notNull(),
    /** The agency's Bloom-filter encoding (CLK) of the person, 128 bytes; not reversible without the linkage secret. */
    clk: bytes().notNull(),
    matchedExisting: boolean().notNull(),
    matchScore: doublePrecision().notNull(),
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A 4-byte number for the blocking index (`lsh_buckets`), so a bucket's members are read as one packed list. */
    seq: integer().notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [uniqueIndex().on(t.agency, t.idempotencyKey), index().on(t.victimId), uniqueIndex().on(t.seq)],
);

/** Match keys of a registration: keyed hashes computed by the agency. */
export const matchKeys = pgTable(
  'match_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id),
    kind: text().notNull(),
    value: text().notNull(),
  },
  (t) => [index().on(t.kind, t.value)],
);

/**
 * The blocking index: each registration's keys (MinHash bands of the name
 * segment, birth date, year or day/month with a name band; see
 * `rules/blocking.ts`). Candidates for a new registration are the
 * registrations sharing a key, each bucket's members read as one packed list
 * through the primary-key index (index-only). Registrations are referred to by
 * their 4-byte `seq`.
 */
export const lshBuckets = pgTable(
  'lsh_buckets',
  {
    bucket: bigint({ mode: 'number' }).notNull(),
    /** The registration's `seq`. */
    registrationSeq: integer()
      .notNull()
      .references(() => registrations.seq),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.registrationSeq] })],
);

/**
 * Uncertain matches for a coordinating-unit user to decide: the registration
 * got a new victim, which may be the same person as the candidate victim.
 */
export const linkReviews = pgTable(
  'link_reviews',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id),
    /** The victim created for the registration. */
    victimId: uuid()
      .notNull()
      .references(() => victims.id),
    /** The already registered victim it resembles. */
    candidateVictimId: uuid()
      .notNull()
      .references(() => victims.id),
    score: doublePrecision().notNull(),
    /** The match weight (log2 odds, prior and name frequency included) that opened the review; null for reviews opened before it was kept. */
    matchWeight: doublePrecision(),
    /** The decision's explanation: each compared field's level and weight (`FieldWeight[]`). Levels and numbers only, never a name or a date. */
    fields: jsonb().$type<{ field: string; level: string; weight: number }[]>(),
    /** OPEN, CONFIRMED (merged) or REJECTED (kept apart). */
    state: text().notNull().default('OPEN'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.state, t.createdAt)],
);

/** Merge and split history: which registrations moved, which victim ids were redirected, who decided and when. */
export const victimEvents = pgTable(
  'victim_events',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** MERGE or SPLIT. */
    kind: text().notNull(),
    /** MERGE: the survivor; SPLIT: the victim split. */
    victimId: uuid()
      .notNull()
      .references(() => victims.id),
    /** MERGE: the victim merged away; SPLIT: the victim that received the registrations. */
    otherVictimId: uuid()
      .notNull()
      .references(() => victims.id),
    registrationIds: uuid().array().notNull(),
    /** Victim ids that now resolve to a different victim. */
    redirectedIds: uuid().array().notNull(),
    reviewId: uuid().references(() => linkReviews.id),
    decidedBy: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.victimId), index().on(t.otherVictimId)],
);

/** Referrals between agencies and services. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    victimId: uuid()
      .notNull()
      .references(() => victims.id),
    fromAgency: text().notNull(),
    target: text().notNull(),
    state: text().notNull(),
    idempotencyKey: text().notNull().unique(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    /** The sender's verified agency claim (`ngo:rosa` for an NGO): which organisation may complete it as the sender. */
    sentBy: text(),
    /** The answering receiver's agency claim: which organisation may complete it as the receiver. */
    answeredBy: text(),
  },
  (t) => [index().on(t.victimId)],
);

/**
 * The national statistics' person and registration counts per year, kept up
 * to date in the same transaction as every change to registrations
 * (registration, withdrawal, merge, split, a confirmed link review), so the
 * statistics query reads a few hundred rows whatever the registry's size.
 * Each row is the sum over the persons of the year of their contribution
 * (see `data/statistics-store.ts`): `dimension` is a breakdown (`gender`,
 * `combo`, `NGO:ageGroup`, … or `registrations` by agency), `status` the
 * person's highest status. Rebuilt from the registrations by
 * `rebuildStatisticsSummary`.
 */
export const statisticsCounts = pgTable(
  'statistics_counts',
  {
    year: integer().notNull(),
    dimension: text().notNull(),
    key: text().notNull(),
    status: text().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.dimension, t.key, t.status] })],
);

/** When `statistics_counts` was last rebuilt, and by which definition of the figures (a newer one rebuilds at start). */
export const statisticsSummary = pgTable('statistics_summary', {
  id: integer().primaryKey(),
  version: integer().notNull(),
  rebuiltAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Match models the NRM fitted to its own registry (EM without labels, `fitModel`), newest last:
 * every replica decides with the newest (`data/match-model-store.ts`); before the first, with the
 * committed default. Kept, not overwritten, so a decision can be traced to the model it used.
 */
export const matchModels = pgTable('match_models', {
  id: uuid()
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  /** Registrations in the registry when it was fitted. */
  fittedOn: integer().notNull(),
  /** The model (`MatchModel`): m and u per field and level, matches per registration, rare-name factor. */
  model: jsonb().notNull(),
  fittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type VictimRow = typeof victims.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type LinkReviewRow = typeof linkReviews.$inferSelect;
export type VictimEventRow = typeof victimEvents.$inferSelect;

/**
 * Safeguards: what the police tell the NRM about open trafficking
 * investigations, per victim id: only the roles (VICTIM, WITNESS) the person
 * has in open §257/§258 cases; no reference, district or offence. An empty
 * list means none (kept, so the last update is known).
 */
export const openCaseRoles = pgTable('open_case_roles', {
  victimId: uuid().primaryKey(),
  roles: text().array().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Alerts raised by the safeguards (a return check that matched a registered
 * victim or an open-case victim or witness): one per agency record checked
 * (`raisedFor`, `subjectRef`), worked OPEN → ACKNOWLEDGED → CLOSED by named
 * users (token subjects). `reasons` and `contactAgencies` say why and whom to
 * call, never another agency's details.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text().notNull(),
    state: text().notNull().default('OPEN'),
    victimId: uuid()
      .notNull()
      .references(() => victims.id),
    reasons: text().array().notNull(),
    contactAgencies: text().array().notNull(),
    raisedFor: text().notNull(),
    subjectRef: uuid().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: text(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    closedBy: text(),
    closedAt: timestamp({ withTimezone: true }),
    closeNote: text(),
  },
  (t) => [uniqueIndex().on(t.raisedFor, t.subjectRef, t.kind), index().on(t.victimId), index().on(t.state)],
);

/** Every change to an alert, append-only: raised, acknowledged, closed, by whom (token subject) and when. */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    alertId: uuid()
      .notNull()
      .references(() => alerts.id),
    action: text().notNull(),
    by: text().notNull(),
    agency: text().notNull(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.alertId)],
);

export type AlertRow = typeof alerts.$inferSelect;
export type AlertEventRow = typeof alertEvents.$inferSelect;
