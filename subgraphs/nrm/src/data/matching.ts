import { desc, eq, inArray, sql } from 'drizzle-orm';
import { CLK_SEGMENTS, compareClks, seededRandom, type ClkComparison } from '@nrm-hub/kit';
import { lshBuckets, registrations } from '../db/schema.ts';
import type { NrmDb } from './victim-store.ts';

/**
 * Matching of CLKs (the agencies' Bloom-filter encodings of a person) in the
 * NRM. The NRM holds no linkage secret and sees no names: it only compares
 * bit arrays.
 *
 * - Similarity is the Dice coefficient of two CLKs over the segments both
 *   fill (`compareClks`): a birth date one agency did not record is left out
 *   rather than counted as a disagreement.
 * - The less was compared, the more similar the CLKs must be: a registration
 *   joins the most similar victim at a score of at least `MATCH_THRESHOLDS`
 *   `.fullDate` when both birth dates were compared, `.yearOnly` when only
 *   the years were, `.nameOnly` when neither.
 * - Names must be alike (name segment Dice at least `NAME_FLOOR`), and
 *   birth years three or more apart (year segment Dice below `YEAR_VETO`)
 *   rule out both a match and a review.
 * - Day and month with no number in common (below `DAY_MONTH_VETO`) rule out
 *   an automatic match; so does any registration of the candidate victim
 *   whose birth date conflicts, so that a registration without a date cannot
 *   let a person with another birth date into its victim.
 * - Within `REVIEW_MARGIN` below the threshold, or above it with a date
 *   conflict, the registration gets a new victim and a link review for a
 *   coordinating-unit user.
 * - Candidates come from Hamming locality-sensitive hashing by bit sampling
 *   over the name segment (the one field every registration has):
 *   `LSH_BANDS` bands of `LSH_BITS_PER_BAND` fixed bit positions each; a
 *   registration's bucket in a band is the band number and the values of its
 *   bits there. Two CLKs whose name bits agree on a fraction `a` share a
 *   band's bucket with probability `a^r`: near-duplicates (name Dice ≥ 0.85
 *   agree on ~90% of the bits) nearly always meet in some band, unrelated
 *   names (~60%) almost never. Buckets are rows of an indexed table holding
 *   at most `BUCKET_CAPACITY` registrations each, and at most
 *   `CANDIDATE_LIMIT` candidates are compared, so a registration costs about
 *   the same however large the registry.
 *
 * Weights, thresholds and LSH parameters were tuned with
 * `test/bench/matching.bench.ts` (see its output for the figures).
 */

/** Dice score from which a registration joins a victim, by what both CLKs hold. */
export const MATCH_THRESHOLDS = { fullDate: 0.84, yearOnly: 0.85, nameOnly: 0.92 } as const;
/** Uncertain matches down to this far below the threshold go to the review queue. */
export const REVIEW_MARGIN = 0.08;
/**
 * Below this year-segment Dice the birth years are three or more apart (they
 * share none of their three year tokens; chance overlap stays near 0.2): no
 * match, no review. Years two apart (one token shared) are let through, as
 * estimated ages may be.
 */
export const YEAR_VETO = 0.4;
/** Below this day/month-segment Dice day and month share no number (chance overlap stays near 0.25): no automatic match, but review. */
export const DAY_MONTH_VETO = 0.34;
/** Below this name-segment Dice the names differ too much for any match or review, whatever the dates. */
export const NAME_FLOOR = 0.65;
/** Number of LSH bands. */
export const LSH_BANDS = 40;
/** Sampled bits per band (at most 32, so a bucket key fits a safe integer). */
export const LSH_BITS_PER_BAND = 18;
/**
 * A bucket stops taking new registrations once it holds this many: a
 * crowded bucket is one that many unrelated people share (a very common name
 * sets the same bits), it tells little, and capping it keeps each lookup
 * bounded however large the registry grows.
 */
export const BUCKET_CAPACITY = 32;
/** At most this many candidates (the ones sharing most buckets) are compared per registration. */
export const CANDIDATE_LIMIT = 100;

/**
 * The sampled bit positions of each band: fixed (a seeded shuffle), public,
 * and the same for every registration. Changing them needs the buckets
 * rebuilt.
 */
export const LSH_POSITIONS: readonly (readonly number[])[] = (() => {
  const rnd = seededRandom(0x4e524d);
  const bands: number[][] = [];
  let pool: number[] = [];
  for (let b = 0; b < LSH_BANDS; b += 1) {
    const band: number[] = [];
    while (band.length < LSH_BITS_PER_BAND) {
      // Draw without replacement from a reshuffled pool so every bit is used about equally.
      if (pool.length === 0) {
        pool = Array.from({ length: CLK_SEGMENTS.name.length }, (_, i) => CLK_SEGMENTS.name.start + i);
        for (let i = pool.length - 1; i > 0; i -= 1) {
          const j = Math.floor(rnd() * (i + 1));
          [pool[i], pool[j]] = [pool[j]!, pool[i]!];
        }
      }
      const bit = pool.pop()!;
      if (!band.includes(bit)) band.push(bit);
    }
    bands.push(band);
  }
  return bands;
})();

/** The LSH bucket keys of a CLK, one per band: `band · 2^r + sampled bits`. */
export function lshBucketKeys(clk: Uint8Array): number[] {
  return LSH_POSITIONS.map((positions, band) => {
    let value = 0;
    for (const bit of positions) value = value * 2 + ((clk[bit >> 3]! >> (bit & 7)) & 1);
    return band * 2 ** LSH_BITS_PER_BAND + value;
  });
}

/** What the registry decides for a CLK: join a victim, open a review against one, or neither. */
export interface MatchDecision {
  kind: 'MATCH' | 'REVIEW' | 'NONE';
  /** The victim to join or review against (MATCH, REVIEW). */
  victimId?: string;
  /** Dice score of the deciding comparison (MATCH, REVIEW). */
  score?: number;
}

/** The Dice score two CLKs need to be one person, given what was compared. */
export function thresholdFor(comparison: ClkComparison): number {
  const { birthYear, dayMonth } = comparison.segments;
  if (dayMonth !== undefined) return MATCH_THRESHOLDS.fullDate;
  if (birthYear !== undefined) return MATCH_THRESHOLDS.yearOnly;
  return MATCH_THRESHOLDS.nameOnly;
}

/** True when the birth dates of two CLKs clearly disagree: years two or more apart, or day and month with no number in common. */
export function datesConflict(comparison: ClkComparison): boolean {
  const { birthYear, dayMonth } = comparison.segments;
  return (birthYear !== undefined && birthYear < YEAR_VETO) || (dayMonth !== undefined && dayMonth < DAY_MONTH_VETO);
}

/**
 * Classifies one comparison: MATCH when at or above its threshold, names
 * alike (name segment at least `NAME_FLOOR`) and no date conflict; REVIEW
 * when within `REVIEW_MARGIN` below it, or above it with only the day and
 * month disagreeing; otherwise NONE. Years two or more apart are never
 * reviewed.
 */
export function classify(comparison: ClkComparison): 'MATCH' | 'REVIEW' | 'NONE' {
  const { birthYear, name } = comparison.segments;
  if (name === undefined || name < NAME_FLOOR) return 'NONE';
  if (birthYear !== undefined && birthYear < YEAR_VETO) return 'NONE';
  const threshold = thresholdFor(comparison);
  if (comparison.dice < threshold - REVIEW_MARGIN) return 'NONE';
  if (comparison.dice < threshold) return 'REVIEW';
  return datesConflict(comparison) ? 'REVIEW' : 'MATCH';
}

/**
 * Decides a CLK against the registrations sharing an LSH bucket with it
 * (one SQL statement, then comparisons in memory), victim by victim: a
 * victim matches when one of its registrations does and none of them has a
 * conflicting birth date (a registration without a date must not let a
 * person with another date in). MATCH the best such victim; otherwise REVIEW
 * against the most similar reviewable or conflicting one; otherwise NONE.
 */
export async function decideMatch(db: NrmDb, clk: Uint8Array): Promise<MatchDecision> {
  const keys = lshBucketKeys(clk);
  const shared = db
    .select({ registrationId: lshBuckets.registrationId, hits: sql<number>`count(*)`.as('hits') })
    .from(lshBuckets)
    .where(inArray(lshBuckets.bucket, keys))
    .groupBy(lshBuckets.registrationId)
    .orderBy(desc(sql`count(*)`))
    .limit(CANDIDATE_LIMIT)
    .as('shared');
  const candidates = await db
    .select({ victimId: registrations.victimId, clk: registrations.clk })
    .from(shared)
    .innerJoin(registrations, eq(registrations.id, shared.registrationId));
  const byVictim = new Map<string, { match: number; review: number; conflict: boolean }>();
  for (const c of candidates) {
    const comparison = compareClks(clk, c.clk);
    const kind = classify(comparison);
    const v = byVictim.get(c.victimId) ?? { match: 0, review: 0, conflict: false };
    if (kind === 'MATCH') v.match = Math.max(v.match, comparison.dice);
    if (kind === 'REVIEW') v.review = Math.max(v.review, comparison.dice);
    v.conflict ||= datesConflict(comparison);
    byVictim.set(c.victimId, v);
  }
  let match: MatchDecision | null = null;
  let review: MatchDecision | null = null;
  for (const [victimId, v] of byVictim) {
    if (v.match > 0 && !v.conflict) {
      if (!match || v.match > match.score!) match = { kind: 'MATCH', victimId, score: v.match };
    } else {
      const score = Math.max(v.match, v.review);
      if (score > 0 && (!review || score > review.score!)) review = { kind: 'REVIEW', victimId, score };
    }
  }
  return match ?? review ?? { kind: 'NONE' };
}

/** The bucket rows of a registration, before the capacity check. */
export function bucketRows(registrationId: string, clk: Uint8Array): { bucket: number; registrationId: string }[] {
  return [...new Set(lshBucketKeys(clk))].map((bucket) => ({ bucket, registrationId }));
}

/**
 * Files a registration under its LSH buckets, skipping buckets already at
 * `BUCKET_CAPACITY` (one statement; each count stops at the capacity).
 */
export async function insertBuckets(db: NrmDb, registrationId: string, clk: Uint8Array): Promise<void> {
  const keys = [...new Set(lshBucketKeys(clk))];
  await db.execute(sql`
    insert into ${lshBuckets} (bucket, registration_id)
    select k, ${registrationId}::uuid
    from unnest(${`{${keys.join(',')}}`}::bigint[]) as k
    where (select count(*) from (select 1 from ${lshBuckets} b where b.bucket = k limit ${BUCKET_CAPACITY}) full_) < ${BUCKET_CAPACITY}
  `);
}
