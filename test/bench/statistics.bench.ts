/**
 * Statistics benchmark: the national statistics query through the real
 * gateway and five subgraphs, next to the bare SQL that computes the same
 * figures from the base tables (the NRM's person and registration counts
 * from scratch over `registrations` and its open link reviews, then the four
 * agencies' aggregates in parallel, as the gateway's plan orders them). The
 * hub's NRM reads its statistics summary (`statistics_counts`, kept with
 * every change to registrations) instead of aggregating the registry; a
 * third column times the statements the hub runs, bare, so the gateway's
 * own cost shows too. Not part of `npm test`; run it with
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/statistics.bench.ts
 *
 * (fresh databases are created and dropped; without a URL, embedded PGlite,
 * which is slow at a million). BENCH_SIZES (default 10000,100000,1000000)
 * victims, BENCH_RUNS (default 5) timed runs each after one warm-up; medians
 * printed, with the load average when each size finished.
 *
 * Synthetic data, loaded in SQL (generate_series) straight into each
 * subgraph's database: per victim 1.4 registrations in 2021 (40% registered
 * by a second agency), one open link review per thousand; police records for
 * 20% (investigations, 1% paid compensation, 1% in custody), UDI 15% (10%
 * reflection periods, 10% permits, 2% returns), child welfare 2% (placements),
 * NGOs 70% clients with an assistance episode, and grants. A bulk load
 * bypasses the NRM's writes, so the summary is then rebuilt
 * (`rebuildStatisticsSummary`, timed) and checked against the from-scratch
 * counts before timing.
 */
import { sql } from 'drizzle-orm';
import { childWelfareFigures } from '@nrm-hub/child-welfare/statistics';
import { immigrationFigures } from '@nrm-hub/immigration/statistics';
import { ngoFigures } from '@nrm-hub/ngo/statistics';
import { countsFromRegistrations, openReviewPairs, rebuildStatisticsSummary, summaryCounts } from '@nrm-hub/nrm/statistics';
import { loadavg } from 'node:os';
import { policeFigures } from '@nrm-hub/police/statistics';
import { startHub, type Hub } from '../support/hub.ts';
import { REPORT_QUERY } from '@nrm-hub/scripts/report-render';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const exec = (hub: Hub, name: keyof Hub['databases'], query: string) => hub.databases[name].db.execute(sql.raw(query));
/** The person and decision columns every agency table has, and synthetic values for them. */
const PERSON_COLUMNS = 'given_names, family_name, aliases, birth_date, birth_year, gender, citizenships, identifiers, status, decided_by, exploitation_types';
const person = (decidedBy: string) =>
  `'Bench', 'Person', '{}'::text[], null, 1990, 'FEMININE', '{RO}'::text[], '[]'::jsonb, 'POSSIBLE', '${decidedBy}', '{SEXUAL_EXPLOITATION}'::text[]`;
const vid = (expr: string) => `md5('v' || (${expr}))::uuid`;

async function load(hub: Hub, n: number): Promise<void> {
  const gs = (share: number) => `generate_series(1, ${Math.max(1, Math.round(n * share))}) as i`;
  await exec(hub, 'nrm', `insert into victims (id) select ${vid('i')} from generate_series(1, ${n}) as i`);
  await exec(
    hub,
    'nrm',
    `insert into registrations (victim_id, issued_victim_id, agency, agency_record_id, idempotency_key, status, decided_by, exploitation_types,
       decided_on, gender, birth_year, citizenships, clk, matched_existing, match_score)
     select ${vid('i')}, ${vid('i')}, (array['NGO','POLICE','IMMIGRATION','CHILD_WELFARE'])[1 + (i % 4)], md5('r' || i)::uuid, 'bench-' || i,
       case when i % 7 = 0 then 'ACTUAL' else 'POSSIBLE' end, case when i % 4 = 0 then 'NGO' else 'POLICE' end,
       case i % 3 when 0 then array['SEXUAL_EXPLOITATION'] when 1 then array['FORCED_LABOUR'] else array['FORCED_CRIMINALITY','FORCED_LABOUR'] end,
       date '2021-01-01' + (i % 365), (array['FEMININE','MASCULINE','FEMININE','UNKNOWN'])[1 + (i % 4)], 1950 + (i % 60),
       array[(array['RO','NG','NO','BG','TH','VN','LT','AL','PL','UA','ER','SE'])[1 + (i % 12)]], decode(repeat('00', 128), 'hex'), false, 1
     from generate_series(1, ${n}) as i
     union all
     select ${vid('i')}, ${vid('i')}, (array['NGO','POLICE','IMMIGRATION','CHILD_WELFARE'])[1 + ((i + 1) % 4)], md5('s' || i)::uuid, 'bench2-' || i,
       'POSSIBLE', 'NGO', array['SEXUAL_EXPLOITATION'], date '2021-01-01' + ((i * 7) % 365), 'FEMININE', 1950 + (i % 60), array['RO'],
       decode(repeat('00', 128), 'hex'), true, 1
     from generate_series(1, ${n}) as i where i % 5 < 2`,
  );
  await exec(
    hub,
    'nrm',
    `insert into link_reviews (registration_id, victim_id, candidate_victim_id, score)
     select r.id, r.victim_id, ${vid(`(split_part(r.idempotency_key, '-', 2)::int % ${n}) + 1`)}, 0.8
     from registrations r where r.idempotency_key like 'bench-%' and split_part(r.idempotency_key, '-', 2)::int % 1000 = 7`,
  );
  await exec(
    hub,
    'police',
    `insert into persons (id, victim_id, ${PERSON_COLUMNS}) select md5('p' || i)::uuid, ${vid('i * 5')}, ${person('POLICE')} from ${gs(0.2)}`,
  );
  await exec(
    hub,
    'police',
    `insert into investigations (reference, police_district, offence, prosecuted_as, status, opened_at)
     select 'B-' || i, 'Oslo', (array['TRAFFICKING_257','AGGRAVATED_TRAFFICKING_258','PIMPING'])[1 + (i % 3)], case when i % 4 = 0 then 'PIMPING' end,
       case when i % 4 = 0 then 'PROSECUTED' else 'OPEN' end, date '2021-01-01' + (i % 365) from ${gs(0.02)}`,
  );
  await exec(
    hub,
    'police',
    `insert into compensation_orders (idempotency_key, person_id, investigation_id, amount_nok, ordered_at, paid_at)
     select 'c-' || i, md5('p' || i)::uuid, (select id from investigations limit 1), 50000 + i, date '2021-03-01', date '2021-06-01' from ${gs(0.01)}`,
  );
  await exec(
    hub,
    'police',
    `insert into custody_stays (idempotency_key, person_id, kind, facility, started_at) select 'h-' || i, md5('p' || (i * 3))::uuid, 'PRISON', 'B', date '2021-02-01' from ${gs(0.01 / 3)}`,
  );
  await exec(
    hub,
    'immigration',
    `insert into applicants (id, victim_id, eea_citizen, ${PERSON_COLUMNS}) select md5('a' || i)::uuid, ${vid('i * 6')}, false, ${person('NON_POLICE_GOVERNMENT')} from ${gs(0.15)}`,
  );
  await exec(
    hub,
    'immigration',
    `insert into reflection_periods (idempotency_key, applicant_id, granted_at, ends_at) select 'rp-' || i, md5('a' || i)::uuid, date '2021-04-01', date '2021-10-01' from ${gs(0.1)}`,
  );
  await exec(
    hub,
    'immigration',
    `insert into residence_permits (idempotency_key, applicant_id, kind, granted_at, valid_until) select 'pm-' || i, md5('a' || i)::uuid, (array['LIMITED_TRAFFICKING','WITNESS','HUMANITARIAN','PROTECTION'])[1 + (i % 4)], date '2021-09-01', date '2022-09-01' from ${gs(0.1)}`,
  );
  await exec(
    hub,
    'immigration',
    `insert into return_proceedings (idempotency_key, applicant_id, departure_date, screened) select 'rt-' || i, md5('a' || i)::uuid, date '2021-11-01', i % 3 = 0 from ${gs(0.02)}`,
  );
  await exec(
    hub,
    'child-welfare',
    `insert into child_cases (id, victim_id, municipality, age_assessment, unaccompanied, ${PERSON_COLUMNS}) select md5('c' || i)::uuid, ${vid('i * 50')}, 'Oslo', 'ASSESSED_CHILD', true, ${person('NON_POLICE_GOVERNMENT')} from ${gs(0.02)}`,
  );
  await exec(
    hub,
    'child-welfare',
    `insert into placements (idempotency_key, case_id, kind, started_at, planned_end_at) select 'pl-' || i, md5('c' || i)::uuid, 'INSTITUTION', date '2021-05-01', date '2021-10-31' from ${gs(0.02)}`,
  );
  await exec(
    hub,
    'ngo',
    `insert into organisations (id, name, kind) select md5('o' || i)::uuid, 'Bench organisation ' || i, 'NGO' from generate_series(1, 5) as i`,
  );
  await exec(
    hub,
    'ngo',
    `insert into clients (id, victim_id, organisation_id, ${PERSON_COLUMNS}) select md5('k' || i)::uuid, ${vid('((i * 10) / 7)')}, md5('o' || (1 + i % 5))::uuid, ${person('NGO')} from ${gs(0.7)}`,
  );
  await exec(
    hub,
    'ngo',
    `insert into assistance_episodes (idempotency_key, client_id, type, started_at) select 'as-' || i, md5('k' || i)::uuid, (array['SHELTER','LEGAL','MEDICAL','COUNSELLING'])[1 + (i % 4)], date '2021-03-01' from ${gs(0.7)}`,
  );
  await exec(
    hub,
    'ngo',
    `insert into grants (idempotency_key, organisation_id, year, amount_nok, grantor) select 'g-' || i, md5('o' || i)::uuid, 2021, 7000000, 'Parliament' from generate_series(1, 5) as i`,
  );
  for (const name of ['nrm', 'police', 'immigration', 'child-welfare', 'ngo'] as const) await exec(hub, name, 'analyze');
}

/** The bare SQL: the year's figures from the base tables, straight on the databases, in the gateway plan's order. */
async function bareSql(hub: Hub, year: number): Promise<void> {
  const d = hub.databases as any;
  await Promise.all([countsFromRegistrations(d.nrm.db, year), openReviewPairs(d.nrm.db, year)]);
  await agencies(hub, year);
}

/** The statements the hub runs for a year (the NRM's from its summary), bare. */
async function hubSql(hub: Hub, year: number): Promise<void> {
  const d = hub.databases as any;
  await Promise.all([summaryCounts(d.nrm.db, year), openReviewPairs(d.nrm.db, year)]);
  await agencies(hub, year);
}

function agencies(hub: Hub, year: number) {
  const d = hub.databases as any;
  return Promise.all([
    policeFigures(d.police.db, year),
    immigrationFigures(d.immigration.db, year),
    childWelfareFigures(d['child-welfare'].db, year),
    ngoFigures(d.ngo.db, year),
  ]);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const load1 = () => loadavg()[0]!.toFixed(1);
console.log(
  `Statistics benchmark on ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${RUNS} runs per size after a warm-up, medians; load average ${load1()} at start`,
);
console.log('   victims  registrations  load s  rebuild s  gateway ms  bare SQL ms   ratio  hub SQL bare ms  load avg');
for (const n of SIZES) {
  const hub = await startHub();
  try {
    const loadStart = performance.now();
    await load(hub, n);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const nrmDb = (hub.databases as any).nrm.db;
    const rebuildSeconds = (await time(() => rebuildStatisticsSummary(nrmDb))) / 1000;
    const sortedRows = (c: Awaited<ReturnType<typeof summaryCounts>>) =>
      JSON.stringify([c.persons.map((r) => `${r.dimension}|${r.key}|${r.status}|${r.count}`).sort(), c.registrations]);
    if (sortedRows(await summaryCounts(nrmDb, 2021)) !== sortedRows(await countsFromRegistrations(nrmDb, 2021)))
      throw new Error('the rebuilt summary differs from the from-scratch counts');
    const headers = await hub.as({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'STAT-BENCH' });
    const viaGateway = async () => {
      const { body } = await hub.query(REPORT_QUERY, { year: 2021, previous: 2020 }, headers);
      if (body.errors?.length) throw new Error(`statistics query failed: ${body.errors.map((e) => e.message).join('; ')}`);
      return body;
    };
    // One year through the gateway against one year of bare SQL, and the report's two years against two.
    const warm = await viaGateway();
    const registrations = warm.data.statistics.registrations.value as number;
    await bareSql(hub, 2021);
    const gateway: number[] = [];
    const bare: number[] = [];
    const hubBare: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      gateway.push(await time(viaGateway));
      bare.push(await time(async () => Promise.all([bareSql(hub, 2021), bareSql(hub, 2020)])));
      hubBare.push(await time(async () => Promise.all([hubSql(hub, 2021), hubSql(hub, 2020)])));
    }
    const g = median(gateway);
    const b = median(bare);
    console.log(
      `${String(n).padStart(10)}  ${String(registrations).padStart(13)}  ${loadSeconds.toFixed(1).padStart(6)}  ${rebuildSeconds.toFixed(1).padStart(9)}  ${g.toFixed(0).padStart(10)}  ${b.toFixed(0).padStart(11)}  ${(g / b).toFixed(2).padStart(5)}x  ${median(hubBare).toFixed(0).padStart(15)}  ${load1().padStart(8)}`,
    );
  } finally {
    await hub.stop();
  }
}
