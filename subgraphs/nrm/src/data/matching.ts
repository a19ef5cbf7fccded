import { and, eq, inArray, sql } from 'drizzle-orm';
import { lshBuckets, registrations } from '../db/schema.ts';
import { blockingKeys, DATE_KEY_END, DATE_KEY_START, NAME_BANDS } from '../rules/blocking.ts';
import { DEFAULT_MODEL } from '../rules/default-model.ts';
import {
  CERTAIN_PROBABILITY,
  compareForModel,
  LEVELS,
  MATCH_PROBABILITY,
  REVIEW_PROBABILITY,
  scorePair,
  TERM_FREQUENCY_LEVELS,
  type FieldWeight,
  type MatchModel,
} from '../rules/match-model.ts';
import type { NrmDb } from './db.ts';
import { modelById, newestModel, newestModelId } from './match-model-store.ts';

/**
 * Matching of CLKs (the agencies' Bloom-filter encodings of a person) in the
 * NRM. The NRM holds no linkage secret and sees no names: it compares bit
 * arrays, field segment by field segment.
 *
 * - Candidates: the registrations sharing a blocking key with the new one
 *   (`rules/blocking.ts`: name LSH bands, birth date, birth year + name
 *   band), ranked by how many keys they share (a shared birth date counts as
 *   many), at most `CANDIDATE_LIMIT` compared. Buckets never stop taking
 *   members. Each bucket's members are read as one packed list of 4-byte
 *   registration numbers and counted in memory (`rankMembers`).
 * - Each candidate pair is scored by the Fellegi-Sunter model
 *   (`rules/match-model.ts`): per-field comparison levels, their weights,
 *   a prior that falls as the registry grows, and a term-frequency
 *   adjustment for common names: per candidate victim, the other victims
 *   among the candidates whose names are at least as alike to the new one's
 *   (the candidate's own left out, so a rare name stays rare; namesakes
 *   share every name key, so they rank first).
 * - A victim's score is the best of its registrations'. The registration
 *   joins the best victim at posterior ≥ `MATCH_PROBABILITY`. When a second
 *   victim is above that bar too, the two are merged when both are certain
 *   (≥ `CERTAIN_PROBABILITY`), otherwise a link review opens for the pair.
 *   Below the bar, from `REVIEW_PROBABILITY`, the registration gets a new
 *   victim and a link review against the best candidate.
 */

/** At most this many candidates (ranked by shared blocking keys) are compared per registration. */
export const CANDIDATE_LIMIT = 150;

let override: MatchModel | null = null;

/** The model set with `setMatchModel`, else the committed default (a registry's own fits are in `match_models`). */
export function matchModel(): MatchModel {
  return override ?? DEFAULT_MODEL;
}

/**
 * Decides with this model in every registry of the process, instead of each registry's newest
 * fitted one (`match-model-store.ts`); `null` goes back to those. For benchmarks and tests.
 */
export function setMatchModel(model: MatchModel | null): void {
  override = model;
}

/** The model a registry decides with now: the override, else its newest fitted model, else the default. */
export async function currentModel(db: NrmDb): Promise<MatchModel> {
  return override ?? (await newestModel(db));
}

/** One victim's score for a registration: its best registration's. */
export interface VictimScore {
  victimId: string;
  probability: number;
  weight: number;
  fields: FieldWeight[];
}

/** What the registry decides for a CLK. */
export interface MatchDecision {
  kind: 'MATCH' | 'REVIEW' | 'NONE';
  /** The victim to join (MATCH) or review against (REVIEW). */
  best?: VictimScore;
  /** MATCH only: a second victim above the bar (a review for the pair, or a merge when both are certain). */
  second?: VictimScore;
}

/**
 * Number of registrations, as the planner estimates it (`pg_class.reltuples`, kept fresh by the
 * maintenance run every `MAINTENANCE_EVERY` registrations; 0 before the first). The prior never
 * uses less than the size the model was fitted on, so an estimate that lags a little costs nothing.
 */
export async function registrySize(db: NrmDb): Promise<number> {
  const rows: unknown = await db.execute(sql`select greatest(reltuples, 0)::float8 as est from pg_class where oid = 'registrations'::regclass`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { est: number }[];
  return Number(list[0]?.est ?? 0);
}

/** A registration's part in a bucket, by bucket: `NAME_BANDS` for a shared birth date, 1 for any other key. */
function keyWeight(bucket: number): number {
  return bucket >= DATE_KEY_START && bucket < DATE_KEY_END ? NAME_BANDS : 1;
}

// Counting scratch, reused across calls (`rankMembers` is synchronous, so no two calls share it), left zeroed after each.
let shared = new Int32Array(1 << 16);
const byCount = new Int32Array(NAME_BANDS + 4 * NAME_BANDS);

/**
 * The `CANDIDATE_LIMIT` registration numbers sharing the most key weight with the new registration
 * (a shared birth date counts `NAME_BANDS`, any other key 1), ties newest first: the same set as
 * `ORDER BY sum(weight) DESC, seq DESC LIMIT n` over the bucket rows (in no particular order),
 * counted in memory from each bucket's packed member list (big-endian 4-byte numbers).
 */
export function rankMembers(lists: readonly { bucket: number; members: Uint8Array }[], limit = CANDIDATE_LIMIT): number[] {
  const touched: number[] = [];
  for (const { bucket, members } of lists) {
    const w = keyWeight(bucket);
    for (let i = 0; i + 3 < members.length; i += 4) {
      const seq = ((members[i]! << 24) | (members[i + 1]! << 16) | (members[i + 2]! << 8) | members[i + 3]!) >>> 0;
      if (seq >= shared.length) {
        const grown = new Int32Array(Math.max(shared.length * 2, seq + 1));
        grown.set(shared);
        shared = grown;
      }
      if (shared[seq] === 0) touched.push(seq);
      shared[seq]! += w;
    }
  }
  // The count the last one taken has: counts are small (at most the key weights summed), so by a histogram.
  let threshold = 0;
  if (touched.length > limit) {
    for (const seq of touched) byCount[Math.min(shared[seq]!, byCount.length - 1)]! += 1;
    let taken = 0;
    for (threshold = byCount.length - 1; threshold > 0; threshold -= 1) {
      taken += byCount[threshold]!;
      if (taken >= limit) break;
    }
    byCount.fill(0);
  }
  const above: number[] = [];
  const tied: number[] = [];
  for (const seq of touched) {
    const c = shared[seq]!;
    if (c > threshold) above.push(seq);
    else if (c === threshold) tied.push(seq);
    shared[seq] = 0;
  }
  tied.sort((a, b) => b - a);
  return [...above, ...tied].slice(0, limit);
}

/**
 * The ranked candidates of a CLK: registrations sharing blocking keys, at most `CANDIDATE_LIMIT`.
 * Two statements: each key's bucket as one packed list of registration numbers (an index-only
 * scan, no grouping by registration in SQL, which at 100,000 registered took most of the time),
 * ranked in memory by `rankMembers`; then the chosen registrations with the registry size and the
 * newest fitted model.
 */
export async function candidatesOf(
  db: NrmDb,
  clk: Uint8Array,
): Promise<{ registrationId: string; victimId: string; clk: Uint8Array; registry: number; modelId: string | null }[]> {
  const lists = await db
    .select({ bucket: lshBuckets.bucket, members: sql<Uint8Array>`string_agg(int4send(${lshBuckets.registrationSeq}), ''::bytea)` })
    .from(lshBuckets)
    .where(inArray(lshBuckets.bucket, blockingKeys(clk)))
    .groupBy(lshBuckets.bucket);
  const chosen = rankMembers(lists);
  // Nothing shares a key: no second round trip (the caller decides NONE without the registry size or model).
  if (chosen.length === 0) return [];
  return db
    .select({
      registrationId: registrations.id,
      victimId: registrations.victimId,
      clk: registrations.clk,
      // The registry size and its newest fitted model in the same round trip (see `registrySize`, `modelById`).
      registry: sql<number>`(select greatest(reltuples, 0)::float8 from pg_class where oid = 'registrations'::regclass)`.mapWith(Number),
      modelId: newestModelId,
    })
    .from(registrations)
    .where(inArray(registrations.seq, chosen));
}

/** Each candidate victim's most alike name level against `clk` (victims whose names cannot be compared are left out). */
function nameLevels(clk: Uint8Array, candidates: readonly { victimId: string; clk: Uint8Array }[]): Map<string, number> {
  const levels = new Map<string, number>();
  for (const c of candidates) {
    const level = compareForModel(clk, c.clk).name;
    if (level < 0) continue;
    const seen = levels.get(c.victimId);
    if (seen === undefined || level < seen) levels.set(c.victimId, level);
  }
  return levels;
}

/**
 * Scores a CLK against its candidates as `decideMatch` does, with the name's frequency (a match
 * on a common name is weaker evidence, on a name no other victim holds stronger): per victim, the
 * other victims among the candidates whose names are at least as alike to `clk`'s (for an exact
 * name its namesakes; the victim itself left out), over the registry size the prior uses (never
 * below the size the model was fitted on).
 */
export function scoreCandidates(model: MatchModel, clk: Uint8Array, candidates: readonly { victimId: string; clk: Uint8Array }[], n: number): VictimScore[] {
  const levels = nameLevels(clk, candidates);
  // Victims at each name level or closer.
  const within = LEVELS.name.map(() => 0);
  for (const level of levels.values()) for (let l = level; l < within.length; l += 1) within[l]! += 1;
  const size = Math.max(n, model.fittedOn, 1);
  return scoreVictims(model, clk, candidates, n, (victimId) => {
    const level = levels.get(victimId);
    return level === undefined || level >= TERM_FREQUENCY_LEVELS ? undefined : (within[level]! - 1) / size;
  });
}

/** Scores a CLK against candidate CLKs, victim by victim (best registration), most likely first. `frequency`: the name's, for all or per victim (see `scorePair`). */
export function scoreVictims(
  model: MatchModel,
  clk: Uint8Array,
  candidates: readonly { victimId: string; clk: Uint8Array }[],
  n: number,
  frequency?: number | ((victimId: string) => number | undefined),
): VictimScore[] {
  const byVictim = new Map<string, VictimScore>();
  const dateConflict = new Map<string, number>();
  for (const c of candidates) {
    const nameFrequency = typeof frequency === 'function' ? frequency(c.victimId) : frequency;
    const s = scorePair(model, compareForModel(clk, c.clk), n, nameFrequency);
    const v = byVictim.get(c.victimId);
    if (!v || s.weight > v.weight) byVictim.set(c.victimId, { victimId: c.victimId, ...s });
    const date = s.fields.find((f) => f.field === 'date')?.weight ?? 0;
    dateConflict.set(c.victimId, Math.min(dateConflict.get(c.victimId) ?? 0, date));
  }
  // A birth date that conflicts with any registration of the victim counts against it, so that a
  // registration without a date cannot let a person with another date in.
  return [...byVictim.values()]
    .map((v) => {
      const best = v.fields.find((f) => f.field === 'date')?.weight ?? 0;
      const penalty = Math.min(0, dateConflict.get(v.victimId)! - Math.min(best, 0));
      if (penalty === 0) return v;
      const weight = v.weight + penalty;
      const odds = 2 ** weight;
      return {
        ...v,
        weight,
        probability: odds / (1 + odds),
        fields: [...v.fields, { field: 'date' as const, level: 'CONFLICTS_WITH_ANOTHER_REGISTRATION', weight: Math.round(penalty * 100) / 100 }],
      };
    })
    .sort((a, b) => b.weight - a.weight);
}

/** Classifies ranked victim scores (see the file comment). */
export function decide(victims: readonly VictimScore[]): MatchDecision {
  const [best, second] = victims;
  if (!best || best.probability < REVIEW_PROBABILITY) return { kind: 'NONE' };
  if (best.probability < MATCH_PROBABILITY) return { kind: 'REVIEW', best };
  if (second && second.probability >= MATCH_PROBABILITY) return { kind: 'MATCH', best, second };
  return { kind: 'MATCH', best };
}

/**
 * How the model classifies two CLKs alone, in a registry of `registrySize`: MATCH at posterior
 * ≥ `MATCH_PROBABILITY`, REVIEW from `REVIEW_PROBABILITY`, else NONE. `nameFrequency` as for
 * `scorePair` (the share of the registry's other persons with the name; unknown when omitted).
 */
export function classifyPair(
  a: Uint8Array,
  b: Uint8Array,
  registrySize: number,
  model: MatchModel = matchModel(),
  nameFrequency?: number,
): 'MATCH' | 'REVIEW' | 'NONE' {
  return decide(scoreVictims(model, a, [{ victimId: 'candidate', clk: b }], registrySize, nameFrequency)).kind;
}

/** True when a MATCH's second victim is certain enough, with the best, to merge without review. */
export function bothCertain(decision: MatchDecision): boolean {
  return !!decision.second && decision.best!.probability >= CERTAIN_PROBABILITY && decision.second.probability >= CERTAIN_PROBABILITY;
}

/** Decides a CLK against the registry (two SQL statements, see `candidatesOf`; a newly fitted model is loaded once), comparisons in memory. */
export async function decideMatch(db: NrmDb, clk: Uint8Array): Promise<MatchDecision> {
  const candidates = await candidatesOf(db, clk);
  if (candidates.length === 0) return { kind: 'NONE' };
  const model = override ?? (await modelById(db, candidates[0]!.modelId));
  return decide(scoreCandidates(model, clk, candidates, candidates[0]!.registry));
}

/**
 * Explains a registration against a victim's registrations now (for the review queue): the best
 * pair's per-field levels and weights, its match weight and posterior. No plaintext.
 */
export function explainPair(model: MatchModel, clk: Uint8Array, others: readonly Uint8Array[], n: number): VictimScore | null {
  return (
    scoreVictims(
      model,
      clk,
      others.map((c) => ({ victimId: '', clk: c })),
      n,
    )[0] ?? null
  );
}

/** The bucket rows of a registration (by its `seq`). */
export function bucketRows(registrationSeq: number, clk: Uint8Array): { bucket: number; registrationSeq: number }[] {
  return blockingKeys(clk).map((bucket) => ({ bucket, registrationSeq }));
}

/** Files a registration under all its blocking keys (buckets have no capacity). */
export async function insertBuckets(db: NrmDb, registrationSeq: number, clk: Uint8Array): Promise<void> {
  await db.insert(lshBuckets).values(bucketRows(registrationSeq, clk));
}

/** Takes a registration out of its buckets (found through the primary key: its keys and its number). */
export async function deleteBuckets(db: NrmDb, registrationSeq: number, clk: Uint8Array): Promise<void> {
  await db.delete(lshBuckets).where(and(inArray(lshBuckets.bucket, blockingKeys(clk)), eq(lshBuckets.registrationSeq, registrationSeq)));
}
