import { CLK_SEGMENTS, seededRandom, type ClkSegment } from '@nrm-hub/kit';

/**
 * The match model: Fellegi-Sunter, as Splink (UK Ministry of Justice) does
 * it, over comparison levels the NRM computes from the CLKs' field segments
 * alone (it sees no names or dates).
 *
 * - Each field of a pair of CLKs gets a *level* (`LEVELS`): names by the Dice
 *   coefficient of the name segments (order-free token sets with aliases and
 *   optional particles) and their overlap (one record's names inside the
 *   other's: a missing given or family name), down to about one token in
 *   common (a given name replaced, the family name kept); the birth date by the year
 *   segment (same year, one apart, further) crossed with the day/month
 *   segment (both numbers, one, none, unknown in one record; in the same
 *   year, one number off by a mistyped digit is its own level,
 *   told by the day/month-digit segment), and for years
 *   further apart the year-digit segment: when the last two digits share a
 *   position or their pair (1985 / 1988, 1956 / 1965) the year may be
 *   mistyped, its own levels, not a veto; any other year conflicts. So a
 *   year one apart with known, different days and months (namesakes) is
 *   not lumped with a year one apart and no date; sex; citizenship. A field
 *   one record lacks is *missing* and weighs nothing.
 * - Each level has `m` = P(level | same person) and `u` = P(level | different
 *   persons). Its weight is `log2(m/u)`; a pair's match weight is the prior
 *   log-odds plus the sum of its fields' weights, and its posterior
 *   probability `2^W / (1 + 2^W)`.
 * - `u` comes from random pairs of the registry; `m` and the share of
 *   matches are estimated without labels by expectation-maximisation
 *   (`fitModel`) over the candidate pairs the blocking finds, in two
 *   sessions as Splink trains: pairs whose names agree estimate the date,
 *   sex and citizenship levels; pairs whose birth dates agree estimate the
 *   name levels (conditioning on one field leaves the others free). The
 *   number of matching pairs follows from session 2's share of matches
 *   among the pairs born the same day, divided by the share of matches
 *   whose dates agree exactly (session 1).
 * - Term frequency: a name match is weaker evidence when the name is common.
 *   For the EXACT, CLOSE and SIMILAR name levels `u` becomes the share of
 *   the registry's other persons whose names are at least as alike to the
 *   new record's (for EXACT, its namesakes), estimated blind: the victims
 *   among the ranked candidates at that level or closer, less the candidate's
 *   own (leave-one-out: a name held by one victim only is not taken for a
 *   common one), over the registry size; never below the level's average
 *   `u`. When no other victim is that alike, the level's average `u` (for
 *   EXACT times `rareNameFactor`). Past the size the model was fitted on,
 *   the average `u` falls as 1/n, as the prior does: a name no one else in
 *   a larger registry holds is rarer, so it keeps its posterior, while a
 *   name several persons hold keeps its ambiguity.
 * - Prior: `matchesPerRegistration / max(registry size, fitted size)` per
 *   pair (a new registration is a duplicate of about that many records, one
 *   of n), so the bar rises with the registry as namesakes grow common.
 * - Decision (`data/matching.ts`): join at posterior ≥ `MATCH_PROBABILITY`
 *   (the Bayes rule for fewest errors), review from `REVIEW_PROBABILITY`.
 */

export const FIELDS = ['name', 'date', 'sex', 'citizenship'] as const;
export type Field = (typeof FIELDS)[number];

/** Comparison levels per field, from most to least alike. */
export const LEVELS: Readonly<Record<Field, readonly string[]>> = {
  name: ['EXACT', 'CLOSE', 'SIMILAR', 'SUBSET', 'WEAK', 'SOME_SHARED', 'LITTLE_SHARED', 'DIFFERENT'],
  date: [
    'EXACT_OR_DAY_MONTH_SWAPPED',
    'SAME_YEAR_ONE_DIGIT_OFF',
    'SAME_YEAR_DAY_OR_MONTH_OFF',
    'SAME_YEAR_ONLY_ONE_DATED',
    'SAME_YEAR_DAY_MONTH_DIFFERENT',
    'YEAR_OFF_BY_ONE_SAME_DAY_MONTH',
    'YEAR_OFF_BY_ONE_ONLY_ONE_DATED',
    'YEAR_OFF_BY_ONE_DAY_OR_MONTH_OFF',
    'YEAR_OFF_BY_ONE_DAY_MONTH_DIFFERENT',
    'YEAR_MISTYPED_SAME_DAY_MONTH',
    'YEAR_MISTYPED_DAY_OR_MONTH_OFF',
    'YEAR_MISTYPED_ONLY_ONE_DATED',
    'CONFLICTING',
  ],
  sex: ['AGREE', 'DISAGREE'],
  citizenship: ['AGREE', 'PARTIAL', 'DISAGREE'],
};

/** The least alike name level (DIFFERENT) and date level (CONFLICTING). */
export const NAME_DIFFERENT = LEVELS.name.length - 1;
export const DATE_CONFLICTING = LEVELS.date.length - 1;

/** Level index per field; `-1` when either record lacks the field. */
export type ComparisonVector = Record<Field, number>;

/** Posterior from which a registration joins a victim: the Bayes decision (fewest expected errors). */
export const MATCH_PROBABILITY = 0.5;
/** Posterior from which an uncertain pair goes to the coordinating unit's review queue. */
export const REVIEW_PROBABILITY = 0.15;
/** Posterior from which a match is certain (two certain victims for one registration are merged). */
export const CERTAIN_PROBABILITY = 0.999;

const POP = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let v = i; v; v >>= 1) n += v & 1;
  return n;
});

const SEG: Record<ClkSegment, [number, number]> = Object.fromEntries(
  Object.entries(CLK_SEGMENTS).map(([k, { start, length }]) => [k, [start >> 3, (start + length) >> 3]]),
) as Record<ClkSegment, [number, number]>;

/** Bits set in A, in B and in both, over one segment. */
function counts(a: Uint8Array, b: Uint8Array, seg: ClkSegment): [number, number, number] {
  const [from, to] = SEG[seg];
  let pa = 0;
  let pb = 0;
  let both = 0;
  for (let i = from; i < to; i += 1) {
    pa += POP[a[i]!]!;
    pb += POP[b[i]!]!;
    both += POP[a[i]! & b[i]!]!;
  }
  return [pa, pb, both];
}

/** Name levels: Dice cut points (`some`: about the 90th percentile of random pairs' name Dice on the own generator), and the overlap (shared bits / the smaller record) above which one record's names lie inside the other's. */
export const NAME_CUTS = { exact: 0.97, close: 0.88, similar: 0.76, subsetOverlap: 0.86, weak: 0.6, some: 0.52, little: 0.42 } as const;
/** Year segment: same year at or above `same`, one year apart at or above `near` (three tokens, y-1, y, y+1, share two). */
export const YEAR_CUTS = { same: 0.97, near: 0.6 } as const;
/** Day/month segment: both numbers at or above `both` (a swap too), one number at or above `one`. */
export const DAY_MONTH_CUTS = { both: 0.97, one: 0.5 } as const;
/** Day/month-digit segment: at or above this, the day or month differs by one mistyped digit (three of four digits agree by position; two when only the month agrees). */
export const DAY_MONTH_DIGIT_CUT = 0.67;
/** Year-digit segment: years further apart than one whose last two digits share one position or their pair (one of three features) are a possible typing error. */
export const YEAR_DIGIT_CUT = 0.3;

/** The comparison levels of two CLKs (see `LEVELS`), from their segments alone. */
export function compareForModel(a: Uint8Array, b: Uint8Array): ComparisonVector {
  const v: ComparisonVector = { name: -1, date: -1, sex: -1, citizenship: -1 };
  const [na, nb, nboth] = counts(a, b, 'name');
  if (na > 0 && nb > 0) {
    const dice = (2 * nboth) / (na + nb);
    const overlap = nboth / Math.min(na, nb);
    const c = NAME_CUTS;
    // SOME_SHARED: about one name token of two in common (a given name replaced, the family name kept).
    // LITTLE_SHARED: where unrelated names fall by chance too (Bloom bits of other bigrams collide;
    // about nine random pairs in ten are below `some`), its own level so that the few such pairs
    // that are one token of two apart keep SOME_SHARED's weight instead of sharing the crowd's.
    v.name =
      dice >= c.exact
        ? 0
        : dice >= c.close
          ? 1
          : dice >= c.similar
            ? 2
            : overlap >= c.subsetOverlap
              ? 3
              : dice >= c.weak
                ? 4
                : dice >= c.some
                  ? 5
                  : dice >= c.little
                    ? 6
                    : 7;
  }
  const [ya, yb, yboth] = counts(a, b, 'birthYear');
  if (ya > 0 && yb > 0) {
    const year = (2 * yboth) / (ya + yb);
    const [da, db, dboth] = counts(a, b, 'dayMonth');
    const dm = da > 0 && db > 0 ? (2 * dboth) / (da + db) : null;
    // Day and month: 0 both (or swapped), 1 one of the two, 2 unknown in one record, 3 neither.
    const d = dm === null ? 2 : dm >= DAY_MONTH_CUTS.both ? 0 : dm >= DAY_MONTH_CUTS.one ? 1 : 3;
    // One number off: by one mistyped digit (03-15 / 03-16, 03-15 / 03-25), or another number.
    const [ta, tb, tboth] = d === 1 ? counts(a, b, 'dayMonthDigits') : [0, 0, 0];
    const typo = ta > 0 && tb > 0 && (2 * tboth) / (ta + tb) >= DAY_MONTH_DIGIT_CUT;
    if (year >= YEAR_CUTS.same) v.date = typo ? 1 : [0, 2, 3, 4][d]!;
    else if (year >= YEAR_CUTS.near) v.date = [5, 7, 6, 8][d]!;
    else {
      // Years further apart: a typing error when the last two digits still share a position or their pair.
      const [ga, gb, gboth] = counts(a, b, 'yearDigits');
      const mistyped = ga > 0 && gb > 0 && (2 * gboth) / (ga + gb) >= YEAR_DIGIT_CUT;
      v.date = mistyped && d < 3 ? [9, 10, 11][d]! : 12;
    }
  }
  const [sa, sb, sboth] = counts(a, b, 'sex');
  if (sa > 0 && sb > 0) v.sex = (2 * sboth) / (sa + sb) >= 0.9 ? 0 : 1;
  const [ca, cb, cboth] = counts(a, b, 'citizenship');
  if (ca > 0 && cb > 0) {
    const dice = (2 * cboth) / (ca + cb);
    v.citizenship = dice >= 0.9 ? 0 : dice >= 0.45 ? 1 : 2;
  }
  return v;
}

/** Name levels (EXACT, CLOSE, SIMILAR) whose weight depends on how common the name is. */
export const TERM_FREQUENCY_LEVELS = 3;

/** A fitted model: m and u per field and level, and how many earlier records a registration matches on average. */
export interface MatchModel {
  m: Record<Field, number[]>;
  u: Record<Field, number[]>;
  /** Expected number of registry records a new registration is the same person as (the prior's numerator). */
  matchesPerRegistration: number;
  /** Registry size the model was fitted on (the prior's denominator is never below it). */
  fittedOn: number;
  /**
   * How much rarer than the average exact name is a name no other victim holds: the EXACT name
   * level's `u` is multiplied by it for such a name (at most 1; absent = 1). Estimated blind by
   * `fitModel` (`rareNameFactor`).
   */
  rareNameFactor?: number;
}

/** One field's part in a decision, for the review queue (no plaintext: a level name and a number). */
export interface FieldWeight {
  field: Field;
  level: string;
  weight: number;
}

/** A scored pair: its match weight (log2 odds), posterior probability and each field's part. */
export interface PairScore {
  weight: number;
  probability: number;
  fields: FieldWeight[];
}

/**
 * Scores a comparison vector. `registrySize` sets the prior. `nameFrequency`
 * (blind, `undefined` when not known: the level's average `u`) adjusts the
 * EXACT, CLOSE and SIMILAR name levels for how common the name is: it is the
 * share of the registry's other persons whose names are at least as alike to
 * the new record's as this pair's (for EXACT, the namesakes). A common name
 * weighs less (`u` is at least that share); a name no other person comes as
 * close to (0) more (an exact one by the model's `rareNameFactor`). Past the
 * size the model was fitted on, the level's `u` falls as 1/n, as the prior
 * does, so that a rare name keeps its posterior in a larger registry while a
 * name held by several persons keeps its ambiguity.
 */
export function scorePair(model: MatchModel, v: ComparisonVector, registrySize: number, nameFrequency?: number): PairScore {
  const n = Math.max(registrySize, model.fittedOn, 1);
  const prior = Math.min(model.matchesPerRegistration / n, 0.5);
  let weight = Math.log2(prior / (1 - prior));
  const fields: FieldWeight[] = [];
  for (const field of FIELDS) {
    const level = v[field];
    if (level < 0) continue;
    let u = model.u[field][level]!;
    if (field === 'name' && level < TERM_FREQUENCY_LEVELS && nameFrequency !== undefined) {
      const scaled = (u * Math.max(model.fittedOn, 1)) / n;
      u = nameFrequency > 0 ? Math.max(scaled, nameFrequency) : level === 0 ? scaled * Math.min(model.rareNameFactor ?? 1, 1) : scaled;
    }
    const w = Math.log2(model.m[field][level]! / u);
    weight += w;
    fields.push({ field, level: LEVELS[field][level]!, weight: Math.round(w * 100) / 100 });
  }
  const odds = 2 ** weight;
  return { weight, probability: odds / (1 + odds), fields };
}

/** A level's weight in a model, log2(m/u) (before any name-frequency adjustment). */
export function levelWeight(model: MatchModel, field: Field, level: number): number {
  return Math.log2(model.m[field][level]! / model.u[field][level]!);
}

/** Relative frequencies with a small pseudo-count, so no level is impossible. */
function frequencies(counts: number[], pseudo: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0) + pseudo * counts.length;
  return counts.map((c) => (c + pseudo) / total);
}

/** u per field and level from comparison vectors of random pairs. */
export function estimateU(vectors: readonly ComparisonVector[]): Record<Field, number[]> {
  const u = {} as Record<Field, number[]>;
  for (const field of FIELDS) {
    const c = LEVELS[field].map(() => 0);
    for (const v of vectors) if (v[field] >= 0) c[v[field]]! += 1;
    u[field] = frequencies(c, 0.5);
  }
  return u;
}

/** u per field from random pairs, each field from the pairs that disagree on another (see `fitModel`). */
export function estimateNonMatchU(randomVectors: readonly ComparisonVector[], minimum = 1000): Record<Field, number[]> {
  const all = estimateU(randomVectors);
  const conflictingDates = randomVectors.filter((v) => v.date === DATE_CONFLICTING);
  const differentNames = randomVectors.filter((v) => v.name === NAME_DIFFERENT);
  const byDate = conflictingDates.length >= minimum ? estimateU(conflictingDates) : all;
  const byName = differentNames.length >= minimum ? estimateU(differentNames) : all;
  return { name: byDate.name, date: byName.date, sex: byName.sex, citizenship: byName.citizenship };
}

/** Starting m: most mass on the most alike level. */
function initialM(): Record<Field, number[]> {
  const m = {} as Record<Field, number[]>;
  for (const field of FIELDS) {
    const raw = LEVELS[field].map((_, i) => 0.6 ** (i * 2 + 1));
    const s = raw.reduce((a, b) => a + b, 0);
    m[field] = raw.map((x) => x / s);
  }
  return m;
}

/**
 * Expectation-maximisation over comparison vectors with `u` fixed: estimates
 * `m` of the `train` fields and the share of matches. Returns the new m for
 * those fields and the match share.
 */
export function expectationMaximisation(
  vectors: readonly ComparisonVector[],
  train: readonly Field[],
  u: Record<Field, number[]>,
  m0: Record<Field, number[]>,
  iterations = 40,
): { m: Record<Field, number[]>; share: number; presence: Record<Field, number> } {
  const m = structuredClone(m0);
  let share = 0.2;
  const presence = { name: 1, date: 1, sex: 1, citizenship: 1 } as Record<Field, number>;
  for (let it = 0; it < iterations; it += 1) {
    const acc = Object.fromEntries(train.map((f) => [f, LEVELS[f].map(() => 0)])) as Record<Field, number[]>;
    const present = { name: 0, date: 0, sex: 0, citizenship: 0 } as Record<Field, number>;
    let sum = 0;
    for (const v of vectors) {
      let lm = share;
      let lu = 1 - share;
      for (const f of train) {
        const l = v[f];
        if (l < 0) continue;
        lm *= m[f][l]!;
        lu *= u[f][l]!;
      }
      const p = lm / (lm + lu);
      sum += p;
      for (const f of train) if (v[f] >= 0) acc[f][v[f]]! += p;
      for (const f of FIELDS) if (v[f] >= 0) present[f] += p;
    }
    share = Math.min(Math.max(sum / Math.max(vectors.length, 1), 1e-6), 1 - 1e-6);
    for (const f of train) m[f] = frequencies(acc[f], 0.05);
    for (const f of FIELDS) presence[f] = sum > 0 ? present[f] / sum : 1;
  }
  return { m, share, presence };
}

/**
 * Fits the model to a registry without labels: `u` from `randomPairs`
 * random pairs, `m` by EM over the blocking's candidate pairs (two sessions,
 * see the file comment), and the matches per registration from a last EM
 * pass over all candidate pairs with m and u fixed.
 *
 * `candidatePairs` are index pairs into `clks` (each unordered pair once),
 * as the blocking would propose them.
 */
export function fitModel(
  clks: readonly Uint8Array[],
  candidatePairs: readonly (readonly [number, number])[],
  options: { randomPairs?: number; seed?: number } = {},
): MatchModel {
  const rnd = seededRandom(options.seed ?? 0x464d);
  const randomVectors: ComparisonVector[] = [];
  const nRandom = clks.length < 2 ? 0 : (options.randomPairs ?? 200_000);
  for (let i = 0; i < nRandom; i += 1) {
    const a = Math.floor(rnd() * clks.length);
    let b = Math.floor(rnd() * (clks.length - 1));
    if (b >= a) b += 1;
    randomVectors.push(compareForModel(clks[a]!, clks[b]!));
  }
  // Random pairs hold the registry's matches too: few in a large registry, but a registry with
  // many registrations per person (several agencies, repeated contacts) has enough of them to make
  // a rare level (the same birth date) look common among non-matches. So each field's u comes from
  // the random pairs that clearly disagree on another field (conditional independence among
  // non-matches, as the model assumes anyway): names from pairs whose birth dates conflict, the
  // rest from pairs whose names differ. Falls back to all random pairs when too few are left.
  const u = estimateNonMatchU(randomVectors);
  const vectors = candidatePairs.map(([a, b]) => compareForModel(clks[a]!, clks[b]!));
  // Session 1: pairs whose names agree closely train the date, sex and citizenship levels. Sex and
  // citizenship go with names (gendered given names, names of one country), so among these pairs
  // their u is taken from the pairs whose birth dates conflict (nearly all different persons).
  const byName = vectors.filter((v) => v.name >= 0 && v.name <= 1);
  // In a small registry few such pairs conflict: then all candidate pairs whose dates conflict
  // (alike names too, by the blocking) stand in, never the random pairs, whose sex and
  // citizenship agree far less often than namesakes' do (that evidence is the names' already).
  let conflicting = byName.filter((v) => v.date === DATE_CONFLICTING);
  if (conflicting.length < 50) conflicting = vectors.filter((v) => v.date === DATE_CONFLICTING);
  const near = conflicting.length >= 20;
  const uNear = estimateU(conflicting);
  const u1 = { ...u, sex: uNear.sex, citizenship: uNear.citizenship };
  const s1 = expectationMaximisation(byName, ['date', 'sex', 'citizenship'], near ? u1 : u, initialM());
  // Session 2: pairs born the same day train the name, sex and citizenship levels.
  const byDate = vectors.filter((v) => v.date === 0);
  const s2 = expectationMaximisation(byDate, ['name', 'sex', 'citizenship'], u, initialM());
  // Only pairs with alike names are ever scored (the blocking sees to that): there, sex and
  // citizenship agree more often by chance than in random pairs, so their u is the near one.
  const uScored = structuredClone(near ? u1 : u);
  const m: Record<Field, number[]> = {
    name: s2.m.name,
    date: s1.m.date,
    sex: s1.m.sex.map((x, i) => (x + s2.m.sex[i]!) / 2),
    citizenship: s1.m.citizenship.map((x, i) => (x + s2.m.citizenship[i]!) / 2),
  };
  // Agreeing on sex or citizenship is no evidence among alike names (gendered given names, names
  // of one country: namesakes agree on them as often as matches do, as fits on large registries
  // find); a small registry has too few conflicting pairs to show it, so its AGREE weight is at most 0.
  for (const f of ['sex', 'citizenship'] as const) uScored[f][0] = Math.max(uScored[f][0]!, m[f][0]!);
  // How many pairs match: session 2 found share·|pairs born the same day| of them, which are the
  // matches whose dates are both known (presence, from session 1) and agree exactly (m).
  const matchPairs = (s2.share * byDate.length) / Math.max(m.date[0]! * s1.presence.date, 1e-6);
  // A registration arriving last sees every pair it is in: 2 · pairs / records.
  const matchesPerRegistration = Math.max((2 * matchPairs) / Math.max(clks.length, 1), 0.01);
  return { m, u: uScored, matchesPerRegistration, fittedOn: clks.length, rareNameFactor: rareNameFactor(clks.length, candidatePairs, vectors) };
}

/**
 * How much rarer than the average is a name that no earlier record holds, blind (a prequential
 * estimate): for each record, the later records with exactly its name but a conflicting birth
 * date (nearly always other persons) per later record, averaged over the records whose name was
 * new when they arrived, over the same average for all records. The ratio of two rates measured
 * alike, so the blocking's reach and how often dates are known cancel out. A name first seen
 * early may still be common (the first of many), so this errs towards 1. Between 0.05 and 1.
 */
export function rareNameFactor(records: number, pairs: readonly (readonly [number, number])[], vectors: readonly ComparisonVector[]): number {
  const seen = new Uint8Array(records);
  const namesakes = new Float64Array(records);
  pairs.forEach(([a, b], i) => {
    const v = vectors[i]!;
    if (v.name !== 0) return;
    const [early, late] = a < b ? [a, b] : [b, a];
    seen[late] = 1;
    if (v.date === DATE_CONFLICTING) namesakes[early]! += 1;
  });
  let newNames = 0;
  let newExposure = 0;
  let all = 0;
  let allExposure = 0;
  for (let i = 0; i < records; i += 1) {
    const later = records - 1 - i;
    all += namesakes[i]!;
    allExposure += later;
    if (!seen[i]) {
      newNames += namesakes[i]!;
      newExposure += later;
    }
  }
  if (all < 20 || newExposure === 0) return 1;
  const ratio = newNames / newExposure / (all / allExposure);
  return Math.min(Math.max(ratio, 0.05), 1);
}
