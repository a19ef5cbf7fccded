import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { matchModels, registrations } from '../db/schema.ts';
import { DEFAULT_MODEL } from '../rules/default-model.ts';
import { DATE_CONFLICTING, FIELDS, LEVELS, levelWeight, NAME_DIFFERENT, type MatchModel } from '../rules/match-model.ts';
import { fitInWorker } from './fit-worker-client.ts';
import type { NrmDb } from './db.ts';

/**
 * The match model the NRM decides with, fitted to its own registry.
 *
 * The committed default (`rules/default-model.ts`) was fitted to one synthetic population; a
 * registry of other people (other names, other errors, more namesakes) needs its own m, u and
 * prior. So once the registry holds `REFIT_FROM` registrations, and again each time it has grown
 * by `REFIT_GROWTH`, maintenance fits the model again by EM without labels (`fitModel`) on the
 * registrations' CLKs (at most `REFIT_SAMPLE` of them, evenly spread over arrival order) in a
 * worker thread, checks it is plausible and stores it in `match_models`. Every replica decides
 * with the newest row (`modelById`, cached by id), so replicas agree without talking to each other.
 */

/** The NRM fits its own match model once its registry holds this many registrations. */
export const REFIT_FROM = 300;
/** ...and again whenever the registry has grown by this factor since the last fit. */
export const REFIT_GROWTH = 1.25;
/** At most this many registrations (evenly spread over arrival order) are fitted on. */
export const REFIT_SAMPLE = 10_000;

/** True when a registry of `size` registrations, last fitted at `fittedAt` (0: never), is due a refit. */
export function shouldRefit(size: number, fittedAt: number): boolean {
  return size >= REFIT_FROM && size >= fittedAt * REFIT_GROWTH;
}

/**
 * A model fit to decide with: every level's m and u a probability, and the evidence pointing the
 * right way (an exact name or birth date for, different names or conflicting dates against). A
 * fit that fails this (a registry too odd or too small to learn from) is not used.
 */
export function plausibleModel(model: unknown): model is MatchModel {
  const candidate = model as MatchModel;
  if (typeof candidate !== 'object' || candidate === null || !candidate.m || !candidate.u) return false;
  for (const field of FIELDS) {
    for (const side of [candidate.m[field], candidate.u[field]]) {
      if (!Array.isArray(side) || side.length !== LEVELS[field].length) return false;
      if (!side.every((p) => typeof p === 'number' && Number.isFinite(p) && p > 0 && p <= 1)) return false;
    }
  }
  const { matchesPerRegistration: perRegistration, fittedOn, rareNameFactor } = candidate;
  if (!(perRegistration >= 0.001 && perRegistration <= 20) || !(fittedOn >= 1)) return false;
  if (rareNameFactor !== undefined && !(rareNameFactor > 0 && rareNameFactor <= 1)) return false;
  return (
    levelWeight(candidate, 'name', 0) > 0 &&
    levelWeight(candidate, 'date', 0) > 0 &&
    levelWeight(candidate, 'name', NAME_DIFFERENT) < 0 &&
    levelWeight(candidate, 'date', DATE_CONFLICTING) < 0
  );
}

/**
 * Stored models with as many levels per field as this version compares: one fitted by a version
 * with other levels (a level added or split) is ignored, as if never fitted, so the registry
 * decides with the default until its next check refits it, instead of waiting for the registry to
 * grow past the old model's size.
 */
const currentShape = sql.join(
  FIELDS.flatMap((field) =>
    (['m', 'u'] as const).map((side) => sql`jsonb_array_length(${matchModels.model} -> ${side} -> ${field}) = ${LEVELS[field].length}`),
  ),
  sql` and `,
);

/** One column of the newest stored model of the current shape, as a scalar subquery (null before the first fit). */
function newestModels(column: AnyPgColumn): SQL {
  return sql`(select ${column} from ${matchModels} where ${currentShape} order by ${matchModels.fittedAt} desc limit 1)`;
}

/** Fits the model to the registry now and stores it; null (nothing stored) when it is too small or the fit is implausible. */
export async function refitMatchModel(db: NrmDb): Promise<MatchModel | null> {
  // Every k-th registration in arrival order, k chosen so that at most REFIT_SAMPLE come back.
  const rows = await db
    .select({ clk: sql<Uint8Array>`s.clk`.mapWith(registrations.clk), total: sql<number>`s.total`.mapWith(Number) })
    .from(
      sql`(select ${registrations.clk} as clk, count(*) over () as total,
             row_number() over (order by ${registrations.registeredAt}, ${registrations.id}) - 1 as position
           from ${registrations}) as s`,
    )
    .where(sql`s.position % greatest(ceil(s.total::float8 / ${REFIT_SAMPLE}), 1)::bigint = 0`)
    .orderBy(sql`s.position`);
  const total = rows[0]?.total ?? 0;
  if (total < REFIT_FROM) return null;
  // In a worker thread: a fit takes seconds of CPU, which would otherwise hold every request of this replica.
  const { model } = await fitInWorker(
    rows.map((r) => r.clk),
    total,
  );
  if (!plausibleModel(model)) return null;
  await db.insert(matchModels).values({ fittedOn: total, model });
  return model;
}

/**
 * Refits when the registry has grown enough (`shouldRefit`) since the newest stored model, or since
 * `triedAt`, the size at this process's last attempt (so a registry whose fit is implausible is not
 * fitted again every few registrations). Null when not due; else the registry's size and the model
 * stored (null when the fit was implausible).
 */
export async function refitIfDue(db: NrmDb, triedAt = 0): Promise<{ size: number; model: MatchModel | null } | null> {
  const [row] = await db
    .select({
      size: sql<number>`count(*)`.mapWith(Number),
      fittedOn: sql<number>`coalesce(${newestModels(matchModels.fittedOn)}, 0)`.mapWith(Number),
    })
    .from(registrations);
  const size = row?.size ?? 0;
  if (!shouldRefit(size, Math.max(row?.fittedOn ?? 0, triedAt))) return null;
  return { size, model: await refitMatchModel(db) };
}

/** The newest stored model's id, as a subquery for the candidates' round trip (null before the first fit). */
export const newestModelId = sql<string | null>`${newestModels(matchModels.id)}`;

const cache = new Map<string, MatchModel>();

/** The stored model with this id (cached: a stored model never changes); the default for null or an implausible row. */
export async function modelById(db: NrmDb, id: string | null): Promise<MatchModel> {
  if (id === null) return DEFAULT_MODEL;
  const hit = cache.get(id);
  if (hit) return hit;
  const [row] = await db.select({ model: matchModels.model }).from(matchModels).where(eq(matchModels.id, id));
  const model = plausibleModel(row?.model) ? row.model : DEFAULT_MODEL;
  if (cache.size >= 64) cache.delete(cache.keys().next().value!);
  cache.set(id, model);
  return model;
}

/** The newest stored model (the default before the first fit). */
export async function newestModel(db: NrmDb): Promise<MatchModel> {
  const [row] = await db.select({ id: matchModels.id }).from(matchModels).where(currentShape).orderBy(desc(matchModels.fittedAt)).limit(1);
  return modelById(db, row?.id ?? null);
}
