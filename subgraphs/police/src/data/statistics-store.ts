import { sql } from 'drizzle-orm';
import { selectRows, yearRange, type Equation, type FigureSystem } from '@nrm-hub/kit';
import type { PoliceDb } from './person-store.ts';

/** Offences (the `Offence` enum), in the order the statistics list them. */
export const OFFENCES = ['TRAFFICKING_257', 'AGGRAVATED_TRAFFICKING_258', 'PIMPING', 'LABOUR_OFFENCE', 'IMMIGRATION_OFFENCE', 'OTHER'] as const;

/**
 * The police's figures for one calendar year, computed in the police
 * database (one statement), as one system for disclosure control:
 * investigations opened in the year by offence; of those, prosecutions by the
 * offence prosecuted as, and how many trafficking cases were prosecuted as
 * another offence; convictions in the year; victims paid compensation in the
 * year and the total paid (NOK, summed as numeric: it cannot overflow); victims in custody or prison during the
 * year. A victim is a person the police registered, counted once by NRM
 * victim id.
 */
export async function policeFigures(db: PoliceDb, year: number): Promise<FigureSystem> {
  const { from, to } = yearRange(year);
  // `count` is numeric for the sum (a year's compensation can pass the 32-bit range), which the driver reads as a string.
  const rows = await selectRows<{ key: string; count: number | string }>(
    db,
    sql`with inv as (select * from investigations where opened_at >= ${from}::date and opened_at < ${to}::date),
        paid as (select coalesce(p.victim_id, p.id) as victim, c.amount_nok from compensation_orders c join persons p on p.id = c.person_id
                 where c.paid_at >= ${from}::date and c.paid_at < ${to}::date),
        held as (select coalesce(p.victim_id, p.id) as victim, s.kind from custody_stays s join persons p on p.id = s.person_id
                 where s.started_at < ${to}::date and (s.ended_at is null or s.ended_at >= ${from}::date))
        select 'investigations:' || offence as key, count(*)::int as count from inv group by offence
        union all select 'prosecutions:' || coalesce(prosecuted_as, offence), count(*)::int from inv
          where status = 'PROSECUTED' or convicted_at is not null group by coalesce(prosecuted_as, offence)
        union all select 'prosecutedAsAnotherOffence', count(*)::int from inv
          where offence in ('TRAFFICKING_257', 'AGGRAVATED_TRAFFICKING_258') and prosecuted_as is not null
            and prosecuted_as not in ('TRAFFICKING_257', 'AGGRAVATED_TRAFFICKING_258')
        union all select 'convictions', count(*)::int from investigations where convicted_at >= ${from}::date and convicted_at < ${to}::date
        union all select 'victimsPaidCompensation', count(distinct victim)::int from paid
        union all select 'compensationNok', coalesce(sum(amount_nok), 0)::numeric from paid
        union all select 'victimsHeld', count(distinct victim)::int from held
        union all select 'victimsInPrison', count(distinct victim)::int from held where kind = 'PRISON'`,
  );
  const counts = new Map<string, number>(rows.map((r) => [r.key, Number(r.count)]));
  const equations: Equation[] = [];
  for (const table of ['investigations', 'prosecutions']) {
    for (const o of OFFENCES) if (!counts.has(`${table}:${o}`)) counts.set(`${table}:${o}`, 0);
    counts.set(
      table,
      OFFENCES.reduce((s, o) => s + counts.get(`${table}:${o}`)!, 0),
    );
    equations.push({ total: table, parts: OFFENCES.map((o) => `${table}:${o}`) });
  }
  // Amounts are not counts: they follow the count of victims they were paid to (`amountCell`), never thresholded themselves.
  return { counts, equations, exempt: ['compensationNok'] };
}
