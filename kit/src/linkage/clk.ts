import { createHmac } from 'node:crypto';
import { consonantSkeleton, isParticle, nameTokens } from './name-normalisation.ts';

/**
 * Cryptographic long-term key (CLK): one Bloom filter per person, built by
 * the agency from the person's normalised name tokens, birth date parts, sex
 * and citizenships, and sent to the NRM instead of those values. Two CLKs of
 * the same person share most of their set bits even when the records differ
 * by a typo, a transliteration, swapped names, a day/month swap or an unknown
 * birth date; the NRM compares them with the Dice coefficient and never sees
 * a name or a date.
 *
 * Each feature (a string such as `b:an` for the bigram "an" of a name token,
 * `t:lan` for a whole token, `y:1995`, `dm:3` for a day or month number)
 * sets `k` bits in its field's segment, `k` depending on the kind of feature
 * (`CLK_WEIGHTS`, a weighted CLK). Bit positions are `start + (h1 + i·h2)
 * mod length` for `i < k` (double hashing), where `h1`, `h2` come from
 * HMAC-SHA256(linkage secret, feature): without the secret nobody can tell
 * which bits a bigram sets, so the NRM cannot run a dictionary of names
 * through the encoder.
 *
 * Birth dates: the year as three tokens (year −1, 0, +1), so an approximate
 * year shares most of its bits, and its last two digits (by position and as
 * a pair, in their own segment), so a year with one digit mistyped or two
 * digits transposed still shares some; day and month as an unordered
 * set of two numbers, so a day/month swap encodes identically, and their
 * digits by position in a segment of their own, so a date with one digit
 * mistyped is told from another date. A birth year without a date fills
 * only the year segments.
 */

/** Length of a CLK in bits. */
export const CLK_BITS = 1024;
/** Length of a CLK in bytes. */
export const CLK_BYTES = CLK_BITS / 8;

/**
 * The CLK is one bit array in fixed segments, one per kind of information,
 * so that a field one agency did not record (an unknown birth date, say)
 * counts as unknown rather than as a disagreement: `compareClks` takes the
 * Dice coefficient over the segments both CLKs fill. Start and length in
 * bits. Segments are sized so that each stays about a quarter full: a denser
 * segment makes unrelated values share bits by chance.
 */
export const CLK_SEGMENTS = {
  /** Name bigrams, consonant skeletons and tokens of all name tokens. */
  name: { start: 0, length: 448 },
  /** Birth year and its neighbours. */
  birthYear: { start: 448, length: 192 },
  /** Birth day and month, as an unordered set of two numbers. */
  dayMonth: { start: 640, length: 128 },
  /**
   * The month's and the day's digits by position: tells a date with one digit mistyped (03-15 /
   * 03-16, 03-15 / 03-25) from another date that only shares the month.
   */
  dayMonthDigits: { start: 768, length: 96 },
  /** The birth year's last two digits, by position and as an unordered pair: tells a mistyped year (1985 / 1988, 1956 / 1965) from another year. */
  yearDigits: { start: 864, length: 96 },
  /** Sex. */
  sex: { start: 960, length: 16 },
  /** Citizenships. */
  citizenship: { start: 976, length: 48 },
} as const;

export type ClkSegment = keyof typeof CLK_SEGMENTS;

/**
 * Bits set per feature, by kind (a weighted CLK). Tuned with the matching
 * benchmark (test/bench/matching.bench.ts): names carry most of the weight;
 * sex and citizenship, shared by many unrelated people, very little.
 */
export const CLK_WEIGHTS = {
  /** Each character bigram of a name token (given names, family name). */
  nameBigram: 12,
  /** The consonant skeleton of each name token. */
  nameSkeleton: 12,
  /** Each whole name token, so that short names (Lan, Hoa) count beside long ones. */
  nameToken: 6,
  /** Each bigram and skeleton of an alias token that is not also in the name. */
  alias: 4,
  /** Each bigram, skeleton and token of a name particle (van, le, al...): kept, but optional. */
  particle: 3,
  /** Each of birth year −1, 0 and +1: the same year shares all three, years one apart two, two apart one. */
  birthYear: 14,
  /** Each of the day and the month, as numbers in one set: swaps share all, one wrong number shares half. */
  dayMonth: 16,
  /** Each digit of the month and the day by position: one digit off shares three of four, another day in the same month two. */
  dayMonthDigit: 8,
  /** The year's tens digit, its units digit and the two as an unordered pair: one digit off shares one of three, two digits transposed the pair. */
  yearDigit: 4,
  /** Sex, when known. */
  sex: 3,
  /** Each citizenship. */
  citizenship: 6,
} as const;

/** What the encoder needs of a person (a normalised `Person` fits). */
export interface ClkPerson {
  /** `''` when unknown. */
  givenNames: string;
  /** `''` when unknown. */
  familyName: string;
  aliases?: readonly string[] | null;
  /** `YYYY-MM-DD` when the exact date is known. */
  birthDate?: string | null;
  /** Exact or approximate birth year when the date is not known. */
  birthYear?: number | null;
  gender?: string | null;
  citizenships?: readonly string[] | null;
}

/** One feature to encode: its text, its segment and how many bits it sets. */
export type ClkFeature = [feature: string, segment: ClkSegment, k: number];

/** The weighted features of a person, before hashing; exported for tests. */
export function clkFeatures(person: ClkPerson): ClkFeature[] {
  const w = CLK_WEIGHTS;
  const features: ClkFeature[] = [];
  const main = nameTokens(person.givenNames, person.familyName);
  const aliasOnly = nameTokens(...(person.aliases ?? [])).filter((t) => !main.includes(t));
  for (const token of main) {
    // A particle is a name in one culture and an optional word in another: encoded, with little weight.
    const particle = isParticle(token);
    const padded = `_${token}_`;
    for (let i = 0; i + 2 <= padded.length; i += 1) features.push([`b:${padded.slice(i, i + 2)}`, 'name', particle ? w.particle : w.nameBigram]);
    features.push([`s:${consonantSkeleton(token)}`, 'name', particle ? w.particle : w.nameSkeleton]);
    features.push([`t:${token}`, 'name', particle ? w.particle : w.nameToken]);
  }
  // Aliases count less: one agency knows them, another not, and they are often common names.
  for (const token of aliasOnly) {
    const padded = `_${token}_`;
    for (let i = 0; i + 2 <= padded.length; i += 1) features.push([`b:${padded.slice(i, i + 2)}`, 'name', w.alias]);
    features.push([`s:${consonantSkeleton(token)}`, 'name', w.alias]);
  }
  const year = person.birthDate ? Number(person.birthDate.slice(0, 4)) : (person.birthYear ?? null);
  if (year !== null) {
    for (const near of [year - 1, year, year + 1]) features.push([`y:${near}`, 'birthYear', w.birthYear]);
    const [tens, units] = [Math.floor(year / 10) % 10, year % 10];
    features.push([`yt:${tens}`, 'yearDigits', w.yearDigit]);
    features.push([`yu:${units}`, 'yearDigits', w.yearDigit]);
    features.push([`yp:${Math.min(tens, units)}${Math.max(tens, units)}`, 'yearDigits', w.yearDigit]);
  }
  if (person.birthDate) {
    const month = Number(person.birthDate.slice(5, 7));
    const day = Number(person.birthDate.slice(8, 10));
    // The day and the month as a set of numbers: a day/month swap encodes identically.
    features.push([`dm:${day}`, 'dayMonth', w.dayMonth]);
    features.push([`dm:${month}`, 'dayMonth', w.dayMonth]);
    const digits = `${person.birthDate.slice(5, 7)}${person.birthDate.slice(8, 10)}`;
    for (let i = 0; i < 4; i += 1) features.push([`dd${i}:${digits[i]}`, 'dayMonthDigits', w.dayMonthDigit]);
  }
  if (person.gender && person.gender !== 'UNKNOWN') features.push([`g:${person.gender}`, 'sex', w.sex]);
  for (const c of person.citizenships ?? []) features.push([`c:${c.toUpperCase()}`, 'citizenship', w.citizenship]);
  return features;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Encodes persons into CLKs with one linkage secret, caching each feature's bit positions. */
export class ClkEncoder {
  readonly #secret: string;
  readonly #positions = new Map<string, Uint16Array>();

  constructor(linkageSecret: string) {
    this.#secret = linkageSecret;
  }

  #positionsOf(feature: string, segment: ClkSegment, k: number): Uint16Array {
    const key = `${k}|${feature}`;
    let positions = this.#positions.get(key);
    if (!positions) {
      const digest = createHmac('sha256', this.#secret).update(`clk|${feature}`).digest();
      const { start, length } = CLK_SEGMENTS[segment];
      const h1 = digest.readUInt32BE(0) % length;
      // A step coprime to the segment length, so that the k probes of one feature never repeat.
      let h2 = 1 + (digest.readUInt32BE(4) % (length - 1));
      while (gcd(h2, length) !== 1) h2 += 1;
      positions = new Uint16Array(k);
      for (let i = 0; i < k; i += 1) positions[i] = start + ((h1 + i * h2) % length);
      this.#positions.set(key, positions);
    }
    return positions;
  }

  /** The person's CLK as 128 bytes, bit `i` in byte `i >> 3`, mask `1 << (i & 7)`. */
  encode(person: ClkPerson): Uint8Array {
    const clk = new Uint8Array(CLK_BYTES);
    for (const [feature, segment, k] of clkFeatures(person)) {
      for (const bit of this.#positionsOf(feature, segment, k)) clk[bit >> 3]! |= 1 << (bit & 7);
    }
    return clk;
  }
}

const encoders = new Map<string, ClkEncoder>();

/** The person's CLK under the linkage secret (see `ClkEncoder`). */
export function encodeClk(linkageSecret: string, person: ClkPerson): Uint8Array {
  let encoder = encoders.get(linkageSecret);
  if (!encoder) {
    encoder = new ClkEncoder(linkageSecret);
    encoders.set(linkageSecret, encoder);
  }
  return encoder.encode(person);
}

/** A CLK as the NRM receives it: standard base64 of its 128 bytes. */
export function clkToBase64(clk: Uint8Array): string {
  return Buffer.from(clk.buffer, clk.byteOffset, clk.byteLength).toString('base64');
}

/** Decodes a base64 CLK; null unless it is canonical base64 of exactly 128 bytes. */
export function clkFromBase64(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== CLK_BYTES || bytes.toString('base64') !== value) return null;
  return new Uint8Array(bytes);
}

const POPCOUNT8 = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let v = i; v; v >>= 1) n += v & 1;
  return n;
});

/** Number of set bits. */
export function popcount(bits: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i += 1) n += POPCOUNT8[bits[i]!]!;
  return n;
}

/** Dice coefficient 2|A∩B| / (|A| + |B|) of two equally long bit arrays; 0 when both are empty. */
export function diceCoefficient(a: Uint8Array, b: Uint8Array, popA = popcount(a), popB = popcount(b)): number {
  if (popA + popB === 0) return 0;
  let common = 0;
  for (let i = 0; i < a.length; i += 1) common += POPCOUNT8[a[i]! & b[i]!]!;
  return (2 * common) / (popA + popB);
}

const SEGMENTS = Object.entries(CLK_SEGMENTS).map(([name, { start, length }]) => ({
  name: name as ClkSegment,
  from: start / 8,
  to: (start + length) / 8,
}));

/** How two CLKs compare: their Dice coefficient over the segments both fill, and each of those segments' own. */
export interface ClkComparison {
  dice: number;
  /** Dice coefficient of each segment both CLKs fill; the others were left out. */
  segments: Partial<Record<ClkSegment, number>>;
}

/**
 * Compares two CLKs segment by segment (see `CLK_SEGMENTS`): the Dice
 * coefficient over the segments both fill, so that a field one record lacks
 * is left out instead of counting as a disagreement. Dice is 0 when they
 * fill no segment in common.
 */
export function compareClks(a: Uint8Array, b: Uint8Array): ClkComparison {
  let common = 0;
  let total = 0;
  const segments: Partial<Record<ClkSegment, number>> = {};
  for (const { name, from, to } of SEGMENTS) {
    let popA = 0;
    let popB = 0;
    let both = 0;
    for (let i = from; i < to; i += 1) {
      popA += POPCOUNT8[a[i]!]!;
      popB += POPCOUNT8[b[i]!]!;
      both += POPCOUNT8[a[i]! & b[i]!]!;
    }
    if (popA === 0 || popB === 0) continue;
    segments[name] = (2 * both) / (popA + popB);
    common += both;
    total += popA + popB;
  }
  return { dice: total === 0 ? 0 : (2 * common) / total, segments };
}

/** `compareClks(a, b).dice`. */
export function clkSimilarity(a: Uint8Array, b: Uint8Array): number {
  return compareClks(a, b).dice;
}
