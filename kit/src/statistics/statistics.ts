import type { AuditCollector } from '../audit/index.ts';
import type { Viewer } from '../auth/auth.ts';
import { disclosureFor, releaseCells, statisticsThreshold, type Cell, type Equation } from './disclosure-control.ts';
import { badInput } from '../runtime/errors.ts';

/**
 * What every subgraph's `Statistics` resolvers share: the year check, one
 * computation of a year's figures per request, disclosure control and the
 * audit of exact reads. Exact figures for the coordinating unit can be small
 * enough to concern a person, so each field served exactly is noted in the
 * request's audit record (`Statistics.<field>`, no victim ids); figures
 * released under disclosure control are not personal data and are not logged.
 */

/** The `Statistics` entity inside a subgraph: its key. */
export interface StatisticsParent {
  year: number;
}

/** A year's figures as one system for disclosure control. */
export interface FigureSystem {
  counts: Map<string, number>;
  equations: Equation[];
  hidden?: string[];
  /** Figures that count no persons: exempt from primary suppression (still complements). */
  exempt?: string[];
}

/** A published breakdown row (`StatisticsRow`). */
export interface StatisticsRow {
  key: string;
  label: string | null;
  count: Cell;
}

/** Checks a statistics year (1990 to 2100) before it reaches SQL. */
export function checkStatisticsYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput(field, 'must be a year from 1990 to 2100');
  return year;
}

/** `__resolveReference` of `Statistics` in every subgraph. */
export function statisticsReference(ref: { year: number }): StatisticsParent {
  return { year: checkStatisticsYear(ref.year) };
}

const released = new WeakMap<object, Promise<(key: string) => Cell>>();

/**
 * The caller's view of a year's figures: computes them once per entity
 * object (all fields of one `Statistics` in one request share it), applies
 * disclosure control for the caller, and notes an exact read in the audit.
 */
export function releasedFigures(
  parent: StatisticsParent,
  ctx: { viewer: Viewer | null; audit: AuditCollector },
  field: string,
  threshold: number,
  compute: (year: number) => Promise<FigureSystem>,
): Promise<(key: string) => Cell> {
  const disclosure = disclosureFor(ctx.viewer, threshold);
  if (disclosure.mode === 'exact') ctx.audit.record(`Statistics.${field}`);
  let figures = released.get(parent);
  if (!figures) {
    figures = compute(parent.year).then((f) => releaseCells(f.counts, f.equations, disclosure, f.hidden, f.exempt));
    released.set(parent, figures);
  }
  return figures;
}

/** Breakdown rows for categories, in the order given. */
export function statisticsRows(
  keys: readonly string[],
  cell: (key: string) => Cell,
  figure: (key: string) => string,
  labels: Record<string, string> = {},
): StatisticsRow[] {
  return keys.map((key) => ({ key, label: labels[key] ?? null, count: cell(figure(key)) }));
}

/**
 * An agency subgraph's figure resolvers over its `compute`: the disclosure
 * threshold read once at start (a bad value stops the subgraph there),
 * `figures(parent, ctx, field)` the caller's released cells, and
 * `figure(field, key?)` a resolver of one figure.
 */
export function agencyFigures<TCtx extends { viewer: Viewer | null; audit: AuditCollector }>(
  prefix: string,
  compute: (ctx: TCtx, year: number, parent: StatisticsParent) => Promise<FigureSystem>,
) {
  const threshold = statisticsThreshold();
  const figures = (parent: StatisticsParent, ctx: TCtx, field: string) =>
    releasedFigures(parent, ctx, `${prefix}.${field}`, threshold, (year) => compute(ctx, year, parent));
  const figure =
    (field: string, key = field) =>
    async (parent: StatisticsParent, _: unknown, ctx: TCtx) =>
      (await figures(parent, ctx, field))(key);
  return { figures, figure };
}
