import { CLK_SEGMENTS, seededRandom } from '@nrm-hub/kit';

/**
 * Blocking: which registered CLKs a new registration is compared with. Every
 * registration is filed under the keys of several passes, and the candidates
 * are the registrations sharing at least one key, ranked (see
 * `data/matching.ts`). No bucket stops taking members: the number of
 * candidates *compared* is capped, ranked by shared keys, never the members
 * a bucket holds, so a common name keeps getting candidates as the registry
 * grows.
 *
 * 1. Names: MinHash locality-sensitive hashing over the set bits of the name
 *    segment, `NAME_BANDS` bands of `NAME_BITS_PER_BAND` MinHash values each.
 *    Two CLKs whose name bits have Jaccard similarity J share a band with
 *    probability J^r. (Bit sampling, used before, is dominated by the
 *    segment's zeros: its all-zero buckets hold a percent of the registry
 *    each, so they had to be capped, and a one-letter difference in a short
 *    name, Fiday / Friday, could miss every band.)
 * 2. Birth date: the year and day/month segments' bits as one key (so a day /
 *    month swap meets too): catches records whose names differ a lot.
 * 3. Birth year + a name band: `YEAR_NAME_BANDS` keys of the year segment's
 *    bits and `YEAR_NAME_BITS` MinHash values: people born the same year
 *    whose names share much meet even when the name bands miss.
 * 4. Day and month + a name band: `YEAR_NAME_BANDS` keys of the day/month
 *    segment's bits and `YEAR_NAME_BITS` MinHash values: a mistyped birth
 *    year (1956 / 1965) together with a name typo still meets.
 *
 * A key is `pass-band · 2^32 + value` (a safe integer for the bigint column).
 */

/** Bands of the name pass. */
export const NAME_BANDS = 36;
/** MinHash values per name band: a band matches with probability J^r for name-segment Jaccard J. */
export const NAME_BITS_PER_BAND = 4;
/** Bands of the year + name pass. */
export const YEAR_NAME_BANDS = 10;
/** MinHash values per year + name band. */
export const YEAR_NAME_BITS = 2;
/** First band number of the day/month + name pass (after the year + name bands). */
export const DAY_MONTH_NAME_BAND = NAME_BANDS + 1 + YEAR_NAME_BANDS;
/** Band number of the birth-date pass (after the name bands). */
export const DATE_BAND = NAME_BANDS;
/** First band number of the year + name pass. */
export const YEAR_NAME_BAND = NAME_BANDS + 1;
/** Keys at or above this and below `DATE_KEY_END` are birth-date keys. */
export const DATE_KEY_START = DATE_BAND * 2 ** 32;
export const DATE_KEY_END = (DATE_BAND + 1) * 2 ** 32;

/**
 * MinHash permutations of the name segment's bit positions: fixed (seeded),
 * public, one per hash value of every band. Changing them needs the buckets
 * rebuilt.
 */
const PERMUTATIONS: readonly Uint16Array[] = (() => {
  const rnd = seededRandom(0x4e524d);
  const count = NAME_BANDS * NAME_BITS_PER_BAND + 2 * YEAR_NAME_BANDS * YEAR_NAME_BITS;
  return Array.from({ length: count }, () => {
    const perm = Uint16Array.from({ length: CLK_SEGMENTS.name.length }, (_, i) => i);
    for (let i = perm.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rnd() * (i + 1));
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    return perm;
  });
})();

/** The MinHash signature of a CLK's name segment (the smallest permuted position of its set bits, per permutation). */
function minHashes(clk: Uint8Array): Uint16Array {
  const { start, length } = CLK_SEGMENTS.name;
  const set: number[] = [];
  for (let i = 0; i < length; i += 1) if ((clk[(start + i) >> 3]! >> ((start + i) & 7)) & 1) set.push(i);
  const sig = new Uint16Array(PERMUTATIONS.length).fill(0xffff);
  PERMUTATIONS.forEach((perm, h) => {
    let min = 0xffff;
    for (const p of set) if (perm[p]! < min) min = perm[p]!;
    sig[h] = min;
  });
  return sig;
}

function mix(h: number, v: number): number {
  return Math.imul((h ^ v) >>> 0, 0x01000193) >>> 0;
}

function fnv(clk: Uint8Array, fromBit: number, toBit: number, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = fromBit >> 3; i < toBit >> 3; i += 1) {
    h ^= clk[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function segmentEmpty(clk: Uint8Array, seg: { start: number; length: number }): boolean {
  for (let i = seg.start >> 3; i < (seg.start + seg.length) >> 3; i += 1) if (clk[i] !== 0) return false;
  return true;
}

/** The blocking keys of a CLK, without repeats (see the passes above). */
export function blockingKeys(clk: Uint8Array): number[] {
  const keys: number[] = [];
  const sig = minHashes(clk);
  const empty = sig[0] === 0xffff;
  for (let band = 0; band < NAME_BANDS && !empty; band += 1) {
    let h = 0x811c9dc5;
    for (let i = 0; i < NAME_BITS_PER_BAND; i += 1) h = mix(h, sig[band * NAME_BITS_PER_BAND + i]!);
    keys.push(band * 2 ** 32 + h);
  }
  const { birthYear, dayMonth } = CLK_SEGMENTS;
  const hasYear = !segmentEmpty(clk, birthYear);
  if (hasYear && !segmentEmpty(clk, dayMonth)) {
    keys.push(DATE_KEY_START + fnv(clk, dayMonth.start, dayMonth.start + dayMonth.length, fnv(clk, birthYear.start, birthYear.start + birthYear.length)));
  }
  if (hasYear && !empty) {
    const year = fnv(clk, birthYear.start, birthYear.start + birthYear.length);
    const base = NAME_BANDS * NAME_BITS_PER_BAND;
    for (let band = 0; band < YEAR_NAME_BANDS; band += 1) {
      let h = year;
      for (let i = 0; i < YEAR_NAME_BITS; i += 1) h = mix(h, sig[base + band * YEAR_NAME_BITS + i]!);
      keys.push((YEAR_NAME_BAND + band) * 2 ** 32 + h);
    }
  }
  if (!empty && !segmentEmpty(clk, dayMonth)) {
    const dm = fnv(clk, dayMonth.start, dayMonth.start + dayMonth.length);
    const base = NAME_BANDS * NAME_BITS_PER_BAND + YEAR_NAME_BANDS * YEAR_NAME_BITS;
    for (let band = 0; band < YEAR_NAME_BANDS; band += 1) {
      let h = dm;
      for (let i = 0; i < YEAR_NAME_BITS; i += 1) h = mix(h, sig[base + band * YEAR_NAME_BITS + i]!);
      keys.push((DAY_MONTH_NAME_BAND + band) * 2 ** 32 + h);
    }
  }
  return [...new Set(keys)];
}

/** How much a shared key counts when ranking candidates: a shared birth date outranks any number of name bands. */
export function keyRank(key: number): number {
  return key >= DATE_KEY_START && key < DATE_KEY_END ? NAME_BANDS : 1;
}

/**
 * The candidate pairs the blocking proposes within a list of CLKs taken in
 * arrival order, as the NRM would compare them: each record against the
 * earlier records sharing a key, ranked by `keyRank`, at most `limit`.
 * Index pairs `[earlier, later]`. For fitting the model and measuring.
 */
export function candidatePairs(clks: readonly Uint8Array[], limit: number): [number, number][] {
  const index = new Map<number, number[]>();
  const pairs: [number, number][] = [];
  clks.forEach((clk, i) => {
    const keys = blockingKeys(clk);
    const hits = new Map<number, number>();
    for (const k of keys) {
      const members = index.get(k);
      if (!members) continue;
      const r = keyRank(k);
      for (const j of members) hits.set(j, (hits.get(j) ?? 0) + r);
    }
    const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit);
    for (const [j] of ranked) pairs.push([j, i]);
    for (const k of keys) {
      const members = index.get(k);
      if (members) members.push(i);
      else index.set(k, [i]);
    }
  });
  return pairs;
}

/** Share of the given index pairs whose CLKs share at least one blocking key (blocking recall when the pairs are the true ones). */
export function blockingRecall(clks: readonly Uint8Array[], truePairs: readonly (readonly [number, number])[]): number {
  if (truePairs.length === 0) return 1;
  const keys = clks.map((c) => new Set(blockingKeys(c)));
  let met = 0;
  for (const [a, b] of truePairs) {
    for (const k of keys[a]!) {
      if (keys[b]!.has(k)) {
        met += 1;
        break;
      }
    }
  }
  return met / truePairs.length;
}
