import { sql } from 'drizzle-orm';
import { selectRows, yearRange } from '@nrm-hub/kit';
import type { NrmDb } from './victim-store.ts';

/**
 * All SQL behind the NRM's national statistics for one calendar year. A
 * person counts in a year when at least one of its registrations was decided
 * that year; everything about the person (status, gender, age, citizenship,
 * exploitation, the agencies that know them) comes from those registrations.
 * Victims are the NRM's deduplicated persons: registrations move to the
 * surviving victim on a merge, so `registrations.victim_id` is the person.
 * Every figure is an aggregate computed in the database; nothing loops over
 * persons in JavaScript.
 */

/** EEA states other than Norway (EU 27, Iceland, Liechtenstein), ISO 3166-1 alpha-2. */
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO',
  'SK', 'SI', 'ES', 'SE', 'IS', 'LI',
] as const;

/** Age bands on the decision day (from the birth year), children first. */
export const AGE_BANDS = ['0-11', '12-17', '18-24', '25-34', '35-44', '45-54', '55+', 'UNKNOWN'] as const;

/** One count of persons in the year's person table, by one dimension and the highest status. */
export interface DimensionCount {
  dimension: string;
  key: string;
  status: string;
  count: number;
}

/** The persons of a year (one row per victim) with the facts statistics break down by. */
function personFacts(year: number) {
  const { from, to } = yearRange(year);
  const eea = sql.raw(EEA_COUNTRIES.map((c) => `'${c}'`).join(','));
  return sql`
    reg as (
      select victim_id, agency, status, decided_by, decided_on, gender, birth_year, citizenships, exploitation_types, registered_at,
             case status when 'ACTUAL' then 3 when 'POSSIBLE' then 2 else 1 end as rank
      from registrations where decided_on >= ${from}::date and decided_on < ${to}::date
    ),
    ex as (
      select victim_id, array_agg(distinct e order by e) as types from reg, unnest(exploitation_types) as e group by victim_id
    ),
    p as materialized (
      select reg.victim_id,
        array_to_string(array_agg(distinct agency order by agency), '+') as combo,
        bool_or(agency = 'NGO') as by_ngo,
        bool_or(agency <> 'NGO') as by_government,
        (array_agg(status order by rank desc, decided_on, registered_at))[1] as status,
        (array_agg(decided_by order by rank desc, decided_on, registered_at))[1] as decided_by,
        (array_agg(gender order by gender = 'UNKNOWN', registered_at))[1] as gender,
        ${year} - min(birth_year) as age,
        (array_agg(citizenships[1] order by registered_at) filter (where cardinality(citizenships) > 0))[1] as country
      from reg group by reg.victim_id
    ),
    f as materialized (
      select p.*,
        case when age is null then 'UNKNOWN' when age < 12 then '0-11' when age < 18 then '12-17' when age < 25 then '18-24'
             when age < 35 then '25-34' when age < 45 then '35-44' when age < 55 then '45-54' else '55+' end as age_band,
        case when age is null then 'UNKNOWN' when age < 18 then 'CHILD' else 'ADULT' end as age_group,
        case when country is null then 'UNKNOWN' when country = 'NO' then 'NO' when country in (${eea}) then 'EEA' else 'NON_EEA' end as area,
        case when ex.types is null then 'NONE' when cardinality(ex.types) = 1 then ex.types[1] else 'MULTIPLE' end as exploitation
      from p left join ex on ex.victim_id = p.victim_id
    )`;
}

/**
 * Persons of the year counted by each dimension × highest status, by agency
 * combination, and by identifying sector (NGO, government) × age group and ×
 * citizenship area: one statement.
 */
export async function personCounts(db: NrmDb, year: number): Promise<DimensionCount[]> {
  const dim = (name: string, column: string) =>
    sql`select ${name}::text as dimension, ${sql.raw(column)}::text as key, status, count(*)::int as count from f group by ${sql.raw(column)}, status`;
  return selectRows<DimensionCount>(
    db,
    sql`with ${personFacts(year)}
      ${dim('gender', 'gender')}
      union all ${dim('ageBand', 'age_band')}
      union all ${dim('ageGroup', 'age_group')}
      union all ${dim('area', 'area')}
      union all ${dim('country', "coalesce(country, 'UNKNOWN')")}
      union all ${dim('exploitation', 'exploitation')}
      union all ${dim('decidedBy', 'decided_by')}
      union all ${dim('combo', 'combo')}
      union all select 'NGO:ageGroup', age_group, status, count(*)::int from f where by_ngo group by age_group, status
      union all select 'NGO:area', area, status, count(*)::int from f where by_ngo group by area, status
      union all select 'GOVERNMENT:ageGroup', age_group, status, count(*)::int from f where by_government group by age_group, status
      union all select 'GOVERNMENT:area', area, status, count(*)::int from f where by_government group by area, status`,
  );
}

/** Registrations decided in the year and the persons they belong to, per registering agency. */
export async function registrationCounts(db: NrmDb, year: number): Promise<{ agency: string; registrations: number; persons: number }[]> {
  const { from, to } = yearRange(year);
  return selectRows(
    db,
    sql`select agency, count(*)::int as registrations, count(distinct victim_id)::int as persons
        from registrations where decided_on >= ${from}::date and decided_on < ${to}::date group by agency order by agency`,
  );
}

/**
 * Open link reviews between two distinct persons of the year, as they resolve
 * now (a merged-away id is followed to its survivor). Confirming one merges
 * the two; rejecting keeps them apart.
 */
export async function openReviewPairs(db: NrmDb, year: number): Promise<{ a: string; b: string }[]> {
  const { from, to } = yearRange(year);
  return selectRows(
    db,
    sql`with persons as (select distinct victim_id from registrations where decided_on >= ${from}::date and decided_on < ${to}::date),
        pairs as (
          select coalesce(v.merged_into, v.id) as a, coalesce(c.merged_into, c.id) as b
          from link_reviews r join victims v on v.id = r.victim_id join victims c on c.id = r.candidate_victim_id
          where r.state = 'OPEN'
        )
        select a::text, b::text from pairs where a <> b and a in (select victim_id from persons) and b in (select victim_id from persons)`,
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
  return selectRows<PersonRecord>(
    db,
    sql`with ${personFacts(year)}
        select status, decided_by as "decidedBy", gender, age, country, coalesce(ex.types, '{}') as "exploitationTypes", combo as agencies
        from p left join ex on ex.victim_id = p.victim_id order by p.victim_id`,
  );
}
