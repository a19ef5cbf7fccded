import { sql } from 'drizzle-orm';
import { selectRows, yearRange, type FigureSystem } from '@nrm-hub/kit';
import type { NgoDb } from './client-store.ts';

/** Assistance types (the `AssistanceType` enum). */
export const ASSISTANCE_TYPES = [
  'SHELTER',
  'LEGAL',
  'MEDICAL',
  'PSYCHOLOGICAL',
  'LANGUAGE_CLASSES',
  'FINANCIAL',
  'INTERNSHIP',
  'COUNSELLING',
  'OTHER',
] as const;

/**
 * The NGOs' figures for one calendar year, computed in the NGO database (one
 * statement): persons assisted during the year, deduplicated by NRM victim id
 * (one person assisted by two organisations is two clients, one person),
 * client records assisted, persons by type of assistance (a person may get
 * several types), and public grants to the organisations by source (NOK, summed as numeric: it cannot overflow).
 * Grants go to organisations and describe no person: they are exempt from
 * disclosure control.
 */
export async function ngoFigures(db: NgoDb, year: number): Promise<FigureSystem & { grantSources: string[] }> {
  const { from, to } = yearRange(year);
  // `count` is numeric for the sums (a year's grants pass the 32-bit range), which the driver reads as a string.
  const rows = await selectRows<{ key: string; count: number | string }>(
    db,
    sql`with helped as (
          select c.id as client, coalesce(c.victim_id, c.id) as person, a.type
          from assistance_episodes a join clients c on c.id = a.client_id
          where a.started_at < ${to}::date and (a.ended_at is null or a.ended_at >= ${from}::date)
        )
        select 'personsAssisted' as key, count(distinct person)::int as count from helped
        union all select 'clientsAssisted', count(distinct client)::int from helped
        union all select 'assistance:' || type, count(distinct person)::int from helped group by type
        union all select 'grants:' || grantor, sum(amount_nok)::numeric from grants where year = ${year} group by grantor`,
  );
  const counts = new Map<string, number>(rows.map((r) => [r.key, Number(r.count)]));
  for (const t of ASSISTANCE_TYPES) if (!counts.has(`assistance:${t}`)) counts.set(`assistance:${t}`, 0);
  const grantSources = rows
    .filter((r) => r.key.startsWith('grants:'))
    .map((r) => r.key.slice('grants:'.length))
    .sort();
  counts.set(
    'grants',
    grantSources.reduce((s, g) => s + counts.get(`grants:${g}`)!, 0),
  );
  return { counts, equations: [], exempt: ['grants', ...grantSources.map((g) => `grants:${g}`)], grantSources };
}
