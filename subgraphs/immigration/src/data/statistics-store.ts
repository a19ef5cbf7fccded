import { sql } from 'drizzle-orm';
import { selectRows, yearRange, type FigureSystem } from '@nrm-hub/kit';
import type { ImmigrationDb } from './applicant-store.ts';

/** Residence permit kinds (the `PermitKind` enum). */
export const PERMIT_KINDS = ['LIMITED_TRAFFICKING', 'WITNESS', 'HUMANITARIAN', 'PROTECTION'] as const;

/**
 * UDI's figures for one calendar year, computed in the immigration database
 * (one statement), as one system for disclosure control: reflection periods
 * granted, residence permits granted by kind, returns with a departure date
 * in the year and how many of them were screened for trafficking first (the
 * unscreened take part in the equation without being published).
 */
export async function immigrationFigures(db: ImmigrationDb, year: number): Promise<FigureSystem> {
  const { from, to } = yearRange(year);
  const rows = await selectRows<{ key: string; count: number }>(
    db,
    sql`select 'reflectionPeriods' as key, count(*)::int as count from reflection_periods where granted_at >= ${from}::date and granted_at < ${to}::date
        union all select 'permits:' || kind, count(*)::int from residence_permits where granted_at >= ${from}::date and granted_at < ${to}::date group by kind
        union all select 'returns', count(*)::int from return_proceedings where departure_date >= ${from}::date and departure_date < ${to}::date and status <> 'CANCELLED'
        union all select 'returnsScreened', count(*)::int from return_proceedings
          where departure_date >= ${from}::date and departure_date < ${to}::date and status <> 'CANCELLED' and screened`,
  );
  const counts = new Map<string, number>(rows.map((r) => [r.key, r.count]));
  for (const k of PERMIT_KINDS) if (!counts.has(`permits:${k}`)) counts.set(`permits:${k}`, 0);
  counts.set(
    'permits',
    PERMIT_KINDS.reduce((s, k) => s + counts.get(`permits:${k}`)!, 0),
  );
  counts.set('returnsNotScreened', counts.get('returns')! - counts.get('returnsScreened')!);
  return {
    counts,
    equations: [
      { total: 'permits', parts: PERMIT_KINDS.map((k) => `permits:${k}`) },
      { total: 'returns', parts: ['returnsScreened', 'returnsNotScreened'] },
    ],
  };
}
