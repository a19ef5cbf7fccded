import { sql } from 'drizzle-orm';
import { selectRows, yearRange, type FigureSystem } from '@nrm-hub/kit';
import type { ChildWelfareDb } from './case-store.ts';

/** Placement kinds (the `PlacementKind` enum). */
export const PLACEMENT_KINDS = ['INSTITUTION', 'FOSTER_CARE', 'EMERGENCY'] as const;

/**
 * Child welfare's figures for one calendar year, computed in its own
 * database (one statement), as one system for disclosure control: child
 * victims assisted (a placement during the year or a measure taken in it),
 * counted once by NRM victim id, and placements started in the year by kind.
 */
export async function childWelfareFigures(db: ChildWelfareDb, year: number): Promise<FigureSystem> {
  const { from, to } = yearRange(year);
  const rows = await selectRows<{ key: string; count: number }>(
    db,
    sql`with helped as (
          select case_id from placements where started_at < ${to}::date and (ended_at is null or ended_at >= ${from}::date)
          union select case_id from measures where taken_at >= ${from}::date and taken_at < ${to}::date
        )
        select 'childrenAssisted' as key, count(distinct coalesce(c.victim_id, c.id))::int as count from helped h join child_cases c on c.id = h.case_id
        union all select 'placements:' || kind, count(*)::int from placements where started_at >= ${from}::date and started_at < ${to}::date group by kind`,
  );
  const counts = new Map<string, number>(rows.map((r) => [r.key, r.count]));
  for (const k of PLACEMENT_KINDS) if (!counts.has(`placements:${k}`)) counts.set(`placements:${k}`, 0);
  counts.set(
    'placements',
    PLACEMENT_KINDS.reduce((s, k) => s + counts.get(`placements:${k}`)!, 0),
  );
  return { counts, equations: [{ total: 'placements', parts: PLACEMENT_KINDS.map((k) => `placements:${k}`) }] };
}
