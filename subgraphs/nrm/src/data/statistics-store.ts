import { eq, sql } from 'drizzle-orm';
import { EEA_COUNTRIES as EEA_MEMBERS, selectRows, yearRange } from '@nrm-hub/kit';
import { statisticsCounts, statisticsSummary } from '../db/schema.ts';
import { lockMatching } from './matching-lock.ts';
import type { NrmDb } from './db.ts';

/**
 * All SQL behind the NRM's national statistics. A person counts in a year
 * when at least one of its registrations was decided that year; everything
 * about the person (status, gender, age, citizenship, exploitation, the
 * agencies that know them) comes from those registrations. Victims are the
 * NRM's deduplicated persons: registrations move to the surviving victim on a
 * merge, so `registrations.victim_id` is the person. Every figure is an
 * aggregate computed in the database; nothing loops over persons in
 * JavaScript.
 *
 * The statistics query reads the year's counts from a summary table
 * (`statistics_counts`) that every change to registrations keeps up to date
 * in its own transaction (`withSummaryOf`), so its cost does not grow with
 * the registry; `countsFromRegistrations` computes the same counts from
 * scratch (the reference the tests and the benchmark compare with, and what
 * `rebuildStatisticsSummary` writes).
 */

/** EEA states other than Norway (EU 27, Iceland, Liechtenstein), ISO 3166-1 alpha-2. */
export const EEA_COUNTRIES = [...EEA_MEMBERS].filter((c) => c !== 'NO');

/** Age bands on the decision day (from the birth year), children first. */
export const AGE_BANDS = ['0-11', '12-17', '18-24', '25-34', '35-44', '45-54', '55+', 'UNKNOWN'] as const;

/** Registering agencies, in the order the SQL joins them into combinations (`NGO+POLICE`). */
export const AGENCIES = ['CHILD_WELFARE', 'IMMIGRATION', 'NGO', 'POLICE'] as const;

/**
 * One count of a year: persons by one dimension and the highest status, or
 * (dimension `registrations`) the registrations one agency made, by the
 * highest status of the person they belong to.
 */
export interface DimensionCount {
  dimension: string;
  key: string;
  status: string;
  count: number;
}

/** A year's counts: persons by dimension × status, and registrations and persons per registering agency. */
export interface YearCounts {
  persons: DimensionCount[];
  registrations: { agency: string; registrations: number; persons: number }[];
}

/**
 * Which registrations a computation covers: those decided in one calendar
 * year (the from-scratch figures of that year), every registration of some
 * victims (their contribution to the summary, all years), or everything (a
 * rebuild).
 */
type Scope = { year: number } | { victimIds: readonly string[] } | { all: true };

function scopeFilter(scope: Scope) {
  if ('year' in scope) {
    const { from, to } = yearRange(scope.year);
    return sql`decided_on >= ${from}::date and decided_on < ${to}::date`;
  }
  if ('victimIds' in scope)
    return sql`victim_id in (${sql.join(
      scope.victimIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
  return sql`true`;
}

/** A timestamp as 20 characters that sort as it does (UTC, microseconds), for picking a row by `min` of a text key. */
const sortable = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYYMMDDHH24MISSUS')`);

/**
 * The persons of each year in scope (one row per victim and year in which
 * at least one of its registrations was decided) with the facts statistics
 * break down by, in one pass over the registrations. Victims are the NRM's
 * deduplicated persons: registrations move to the surviving victim on a
 * merge, so `registrations.victim_id` is the person. Every fact is a pure
 * function of the person's registrations that year, ties broken by value, so
 * a person's contribution is the same whenever it is computed (the summary
 * subtracts exactly what it once added):
 *
 * - status: the highest (ACTUAL over POSSIBLE over the rest), and who decided
 *   it: the earliest decision with that status (then the earliest registered);
 * - gender: the first registered that is not UNKNOWN; age: the year minus
 *   the earliest birth year; country: the first citizenship of the first
 *   registration that has one;
 * - exploitation: the union of the types (one, `MULTIPLE` or `NONE`);
 * - the registering agencies (`combo`), and registrations per agency.
 *
 * The "first by" picks are `min` over a fixed-width sort key followed by the
 * value (no ordered aggregates: those sort once per person).
 */
function personFacts(scope: Scope) {
  const eea = sql.raw(EEA_COUNTRIES.map((c) => `'${c}'`).join(','));
  const has = (a: string) => sql.raw(`case when bool_or(agency = '${a}') then '${a}' end`);
  const perAgency = sql.raw(AGENCIES.map((a, i) => `count(*) filter (where agency = '${a}')::int as reg${i}`).join(', '));
  return sql`
    reg as (
      select victim_id, extract(year from decided_on)::int as year, agency, status, decided_by, decided_on, gender, birth_year, citizenships,
             exploitation_types, case status when 'ACTUAL' then 3 when 'POSSIBLE' then 2 else 1 end as rank, ${sortable('registered_at')} as at
      from registrations where ${scopeFilter(scope)}
    ),
    p as (
      select victim_id, year,
        concat_ws('+', ${sql.join(AGENCIES.map(has), sql`, `)}) as combo,
        bool_or(agency = 'NGO') as by_ngo,
        bool_or(agency <> 'NGO') as by_government,
        substr(min(((4 - rank)::text || status) collate "C"), 2) as status,
        substr(min(((4 - rank)::text || to_char(decided_on, 'YYYYMMDD') || at || decided_by) collate "C"), 30) as decided_by,
        substr(min(((gender = 'UNKNOWN')::int::text || at || gender) collate "C"), 22) as gender,
        year - min(birth_year) as age,
        substr(min((at || citizenships[1]) collate "C") filter (where cardinality(citizenships) > 0), 21) as country,
        min(x.lo) as ex_lo, max(x.hi) as ex_hi,
        ${perAgency}
      from reg left join lateral (select min(e) as lo, max(e) as hi from unnest(reg.exploitation_types) as e) as x on true
      group by victim_id, year
    ),
    f as (
      select p.*,
        case when age is null then 'UNKNOWN' when age < 12 then '0-11' when age < 18 then '12-17' when age < 25 then '18-24'
             when age < 35 then '25-34' when age < 45 then '35-44' when age < 55 then '45-54' else '55+' end as age_band,
        case when age is null then 'UNKNOWN' when age < 18 then 'CHILD' else 'ADULT' end as age_group,
        case when country is null then 'UNKNOWN' when country = 'NO' then 'NO' when country in (${eea}) then 'EEA' else 'NON_EEA' end as area,
        coalesce(country, 'UNKNOWN') as country_key,
        case when ex_lo is null then 'NONE' when ex_lo = ex_hi then ex_lo else 'MULTIPLE' end as exploitation
      from p
    )`;
}

/**
 * Every count of the years in scope, `(year, dimension, key, status, count)`,
 * in one statement: persons by each dimension × highest status, by agency
 * combination, by identifying sector (NGO, government) × age group and ×
 * citizenship area (grouping sets over one pass), and registrations per
 * agency. Additive over persons: the counts of a set of victims are the sum
 * of each one's.
 */
function countsQuery(scope: Scope) {
  const regs = sql.raw(AGENCIES.map((a, i) => `('${a}', g.reg${i})`).join(', '));
  const regSums = sql.raw(AGENCIES.map((_, i) => `sum(reg${i})::int as reg${i}`).join(', '));
  return sql`with ${personFacts(scope)},
    g as (
      select year, status,
        case when grouping(by_ngo) = 0 then (case when grouping(age_group) = 0 then 'NGO:ageGroup' else 'NGO:area' end)
             when grouping(by_government) = 0 then (case when grouping(age_group) = 0 then 'GOVERNMENT:ageGroup' else 'GOVERNMENT:area' end)
             when grouping(gender) = 0 then 'gender' when grouping(age_band) = 0 then 'ageBand' when grouping(age_group) = 0 then 'ageGroup'
             when grouping(area) = 0 then 'area' when grouping(country_key) = 0 then 'country' when grouping(exploitation) = 0 then 'exploitation'
             when grouping(decided_by) = 0 then 'decidedBy' when grouping(combo) = 0 then 'combo' else '' end as dimension,
        coalesce(gender, age_band, age_group, area, country_key, exploitation, decided_by, combo) as key,
        coalesce(by_ngo, by_government, true) as counted,
        count(*)::int as count, ${regSums}
      from f
      group by year, status, grouping sets (
        (gender), (age_band), (age_group), (area), (country_key), (exploitation), (decided_by), (combo),
        (by_ngo, age_group), (by_ngo, area), (by_government, age_group), (by_government, area), ())
    )
    select year, dimension, key, status, count from g where dimension <> '' and counted
    union all
    select g.year, 'registrations', r.agency, g.status, r.count from g cross join lateral (values ${regs}) as r(agency, count)
    where g.dimension = '' and r.count > 0`;
}

/** Splits a year's rows into person counts and per-agency registrations and persons (persons known to an agency = the combinations with it). */
function yearCounts(rows: readonly DimensionCount[]): YearCounts {
  const persons = rows.filter((r) => r.dimension !== 'registrations');
  const registrations = AGENCIES.map((agency) => ({
    agency,
    registrations: rows.filter((r) => r.dimension === 'registrations' && r.key === agency).reduce((s, r) => s + r.count, 0),
    persons: persons.filter((r) => r.dimension === 'combo' && r.key.split('+').includes(agency)).reduce((s, r) => s + r.count, 0),
  })).filter((r) => r.registrations > 0);
  return { persons, registrations };
}

/**
 * A year's counts computed from scratch over the registrations (plain SQL
 * over the base tables, one statement). The statistics query reads the
 * summary instead (`summaryCounts`); this is the reference it must equal,
 * and what a rebuild writes.
 */
export async function countsFromRegistrations(db: NrmDb, year: number): Promise<YearCounts> {
  return yearCounts(await selectRows<DimensionCount>(db, sql`select dimension, key, status, count from (${countsQuery({ year })}) as c`));
}

/** A year's counts as the summary table holds them: a primary-key range of a few hundred rows. */
export async function summaryCounts(db: NrmDb, year: number): Promise<YearCounts> {
  return yearCounts(
    await selectRows<DimensionCount>(db, sql`select dimension, key, status, count from ${statisticsCounts} where year = ${year} and count <> 0`),
  );
}

/** Adds (`sign` 1) or subtracts (−1) the counts of registrations in scope to the summary. */
async function addToSummary(tx: NrmDb, scope: Scope, sign: 1 | -1): Promise<void> {
  await tx.execute(sql`
    insert into ${statisticsCounts} (year, dimension, key, status, count)
    select year, dimension, key, status, ${sign}::int * count from (${countsQuery(scope)}) as c
    on conflict (year, dimension, key, status) do update set count = ${statisticsCounts}.count + excluded.count`);
}

/**
 * Keeps the summary equal to the registrations across a change that touches
 * only the registrations of `victimIds` (moving them between these victims,
 * adding or removing some): subtracts those victims' counts before the
 * change and adds them back after it, in the caller's transaction. The
 * caller holds the matching lock (`lockMatching`), which every writer of
 * registrations and the rebuild take, so no two deltas interleave. `after`
 * may name victims the change created. Cost: the registrations of these
 * victims, through the `victim_id` index.
 */
export async function withSummaryOf<T>(tx: NrmDb, victimIds: readonly string[], change: () => Promise<{ result: T; after?: readonly string[] }>): Promise<T> {
  const before = [...new Set(victimIds)];
  if (before.length > 0) await addToSummary(tx, { victimIds: before }, -1);
  const { result, after = [] } = await change();
  const now = [...new Set([...before, ...after])];
  if (now.length > 0) await addToSummary(tx, { victimIds: now }, 1);
  await tx.execute(sql`delete from ${statisticsCounts} where count = 0`);
  return result;
}

/**
 * The definition of the summary's counts. Raise it whenever `countsQuery`
 * changes what it counts: at start the NRM then rebuilds the summary
 * (`ensureStatisticsSummary`).
 */
export const STATISTICS_SUMMARY_VERSION = 1;

/**
 * Recomputes the whole summary from the registrations, under the matching
 * lock (registrations wait; statistics keep reading the old counts until it
 * commits). The path after loading registrations in bulk outside the NRM's
 * own writes, after restoring a backup, or when the definition changed.
 */
export async function rebuildStatisticsSummary(db: NrmDb): Promise<void> {
  await db.transaction(async (tx) => {
    await lockMatching(tx);
    await tx.execute(sql`delete from ${statisticsCounts}`);
    await addToSummary(tx, { all: true }, 1);
    await tx.execute(sql`delete from ${statisticsCounts} where count = 0`);
    await tx.execute(sql`
      insert into ${statisticsSummary} (id, version, rebuilt_at) values (1, ${STATISTICS_SUMMARY_VERSION}, now())
      on conflict (id) do update set version = excluded.version, rebuilt_at = excluded.rebuilt_at`);
  });
}

/** Rebuilds the summary when it was never built (a database from before it) or by an older definition. */
export async function ensureStatisticsSummary(db: NrmDb): Promise<boolean> {
  const [state] = await db.select().from(statisticsSummary).where(eq(statisticsSummary.id, 1));
  if (state?.version === STATISTICS_SUMMARY_VERSION) return false;
  await rebuildStatisticsSummary(db);
  return true;
}

const summaryReady = new WeakMap<NrmDb, Promise<unknown>>();

/**
 * `ensureStatisticsSummary` once per database (the NRM starts it when it
 * opens the database; the statistics query waits for it); after a failure
 * the next call tries again.
 */
export function statisticsSummaryReady(db: NrmDb): Promise<unknown> {
  let ready = summaryReady.get(db);
  if (!ready) {
    ready = ensureStatisticsSummary(db).catch((error: unknown) => {
      summaryReady.delete(db);
      throw error;
    });
    summaryReady.set(db, ready);
  }
  return ready;
}

/**
 * Open link reviews between two distinct persons of the year, as they resolve
 * now (a merged-away id is followed to its survivor). Confirming one merges
 * the two; rejecting keeps them apart. Walks the open reviews (the
 * `(state, created_at)` index) and checks each side through the `victim_id`
 * index: the cost follows the open reviews, not the registry.
 */
export async function openReviewPairs(db: NrmDb, year: number): Promise<{ a: string; b: string }[]> {
  const { from, to } = yearRange(year);
  const ofYear = (side: string) =>
    sql.raw(`exists (select 1 from registrations g where g.victim_id = pairs.${side} and g.decided_on >= '${from}'::date and g.decided_on < '${to}'::date)`);
  return selectRows(
    db,
    sql`with pairs as (
          select coalesce(v.merged_into, v.id) as a, coalesce(c.merged_into, c.id) as b
          from link_reviews r join victims v on v.id = r.victim_id join victims c on c.id = r.candidate_victim_id
          where r.state = 'OPEN'
        )
        select a::text, b::text from pairs where a <> b and ${ofYear('a')} and ${ofYear('b')}`,
  );
}

/** One person of the year as the HTCDS export needs it (pseudonymous: no id, no name, no date). */
export interface PersonRecord {
  status: string;
  decidedBy: string;
  gender: string;
  age: number | null;
  country: string | null;
  exploitationTypes: string[];
  agencies: string;
}

/** One row per person of the year, for the k-anonymised HTCDS export. */
export async function personRecords(db: NrmDb, year: number): Promise<PersonRecord[]> {
  const { from, to } = yearRange(year);
  return selectRows<PersonRecord>(
    db,
    sql`with ${personFacts({ year })}
        select status, decided_by as "decidedBy", gender, age, country, combo as agencies,
          coalesce((select array_agg(distinct e order by e) from registrations r, unnest(r.exploitation_types) as e
                    where r.victim_id = p.victim_id and r.decided_on >= ${from}::date and r.decided_on < ${to}::date), '{}') as "exploitationTypes"
        from p order by p.victim_id`,
  );
}
