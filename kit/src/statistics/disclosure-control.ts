import type { Viewer } from '../auth/auth.ts';

/**
 * Statistical disclosure control for the hub's statistics, applied where the
 * numbers are made (in each subgraph, before a figure leaves it).
 *
 * The rule, for callers with only the statistics role (`nrm-working-group`):
 *
 * 1. **Primary suppression.** A count from 1 to `threshold − 1` (default 5,
 *    `STATISTICS_THRESHOLD`) is suppressed. Zero is published: it describes no
 *    person, and hiding every empty category would force complements
 *    everywhere. Figures that count no persons (duplicate registrations, open
 *    link reviews) may be exempted from this step by the subgraph; they still
 *    take part in step 2, so they are withheld whenever they would give a
 *    suppressed figure away.
 * 2. **Complementary suppression.** The figures of one subgraph for one year
 *    are one system of additive equations `total = part + part + …` (a table's
 *    cells and its total, a cross table's rows and columns and their margins,
 *    registrations = persons + duplicates, persons known to an agency = the
 *    agency-overlap cells that include it). Until nothing changes, for every
 *    equation: if its total is published, either no part is suppressed or at
 *    least two are and together they hold at least `threshold` (so "total
 *    minus the other cells" gives only a sum that may be anything up to a
 *    figure no smaller than the threshold); if its total is suppressed, at
 *    least one part is suppressed too (so "the sum of the cells" does not give
 *    the total back). Complements are the smallest published non-zero parts,
 *    then zero parts, then the total itself.
 * 3. **Filters are margins, not new tables.** A breakdown asked with a filter
 *    (for example persons by gender among identified victims) is a slice of
 *    the cross table (gender × status) whose margins are the unfiltered
 *    breakdown; the whole cross table is suppressed as one system, so the
 *    same table asked with one more filter cannot be subtracted from the
 *    table without it.
 * 4. **Years are separate populations.** Each year's figures are suppressed
 *    on their own and no figure spans years; a year-over-year change is
 *    published only when both years' figures are (`cellChange`), so "this
 *    year minus last year" cannot bring back a suppressed figure.
 * 5. **Amounts follow their contributors.** A sum of money paid to persons is
 *    suppressed when the count of persons it sums over is.
 *
 * The coordinating unit gets exact figures (`disclosureFor`). The rule is a
 * heuristic of the kind statistical offices use for linked tables; it is
 * tested against the three differencing attacks with an exhaustive solver
 * (`test/disclosure-control.test.ts`).
 */

/** A figure as it leaves a subgraph: the exact value, or `suppressed` with no value (never 0). */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** An additive relation between figures: `total = Σ parts`. */
export interface Equation {
  total: string;
  parts: readonly string[];
}

/** How a caller's figures are released. */
export type Disclosure = { mode: 'exact' } | { mode: 'controlled'; threshold: number };

/** The default threshold: counts below it are suppressed for the statistics role. */
export const DEFAULT_STATISTICS_THRESHOLD = 5;

/**
 * Reads `STATISTICS_THRESHOLD` (an integer from 2 to 100, default 5); throws
 * naming the variable when it is anything else, so a subgraph fails at start.
 */
export function statisticsThreshold(env: Record<string, string | undefined> = process.env): number {
  const raw = env.STATISTICS_THRESHOLD;
  if (raw === undefined || raw === '') return DEFAULT_STATISTICS_THRESHOLD;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 2 || n > 100) throw new Error('STATISTICS_THRESHOLD must be an integer from 2 to 100');
  return n;
}

/**
 * Exact figures for the coordinating unit working under a purpose (a case reference: an exact small count can
 * point at a person, so it is read, and audited, as personal data is); controlled figures for everyone else who
 * may read statistics, the coordinating unit without a purpose included.
 */
export function disclosureFor(viewer: Pick<Viewer, 'agencyKind' | 'purpose'> | null | undefined, threshold: number): Disclosure {
  return viewer?.agencyKind === 'coordinating-unit' && !!viewer.purpose ? { mode: 'exact' } : { mode: 'controlled', threshold };
}

/**
 * The figures to suppress: primary (1 to threshold − 1 except `exempt`
 * figures, and every `hidden` figure, which takes part in equations but is
 * never published) plus the
 * complements the equations need (see the module comment). Deterministic:
 * ties go to the part listed first.
 */
export function suppressedKeys(
  counts: ReadonlyMap<string, number>,
  equations: readonly Equation[],
  threshold: number,
  hidden: Iterable<string> = [],
  exempt: Iterable<string> = [],
): Set<string> {
  const noPrimary = new Set(exempt);
  const value = (k: string) => {
    const v = counts.get(k);
    if (v === undefined) throw new Error(`Disclosure control: no figure named ${k}`);
    return v;
  };
  // A hidden zero gives nothing away (zeros are published anyway), so it needs no protection.
  const out = new Set<string>([...hidden].filter((k) => value(k) !== 0));
  for (const [k, v] of counts) if (v > 0 && v < threshold && !noPrimary.has(k)) out.add(k);
  /** The published part to suppress next: the smallest non-zero one, else a zero one; undefined when none is left. */
  const complement = (parts: readonly string[]) => {
    const open = parts.filter((p) => !out.has(p));
    const nonZero = open.filter((p) => value(p) > 0);
    const pool = nonZero.length > 0 ? nonZero : open;
    return pool.reduce<string | undefined>((best, p) => (best === undefined || value(p) < value(best) ? p : best), undefined);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of equations) {
      const hiddenParts = parts.filter((p) => out.has(p));
      if (out.has(total)) {
        if (hiddenParts.length > 0) continue;
      } else {
        if (hiddenParts.length === 0) continue;
        const hiddenSum = hiddenParts.reduce((s, p) => s + value(p), 0);
        if (hiddenParts.length >= 2 && hiddenSum >= threshold) continue;
      }
      const next = complement(parts);
      out.add(next ?? total);
      changed = true;
    }
  }
  return out;
}

/**
 * Releases a set of figures for a caller: a function from a figure's name to
 * its cell. Exact callers get every value; controlled callers get
 * `suppressedKeys` as `{ value: null, suppressed: true }`.
 */
export function releaseCells(
  counts: ReadonlyMap<string, number>,
  equations: readonly Equation[],
  disclosure: Disclosure,
  hidden: Iterable<string> = [],
  exempt: Iterable<string> = [],
): (key: string) => Cell {
  const suppressed = disclosure.mode === 'exact' ? new Set<string>() : suppressedKeys(counts, equations, disclosure.threshold, hidden, exempt);
  return (key) => {
    const v = counts.get(key);
    if (v === undefined) throw new Error(`Disclosure control: no figure named ${key}`);
    return suppressed.has(key) ? { value: null, suppressed: true } : { value: v, suppressed: false };
  };
}

/** A published figure. */
export const exactCell = (value: number): Cell => ({ value, suppressed: false });

/** A suppressed figure. */
export const SUPPRESSED: Cell = Object.freeze({ value: null, suppressed: true });

/** An amount (NOK) summed over the persons counted by `contributors`: suppressed whenever that count is. */
export function amountCell(amount: number, contributors: Cell): Cell {
  return contributors.suppressed ? SUPPRESSED : exactCell(amount);
}

/** The change from `previous` to `current`, published only when both are. */
export function cellChange(current: Cell, previous: Cell): Cell {
  if (current.suppressed || previous.suppressed || current.value === null || previous.value === null) return SUPPRESSED;
  return exactCell(current.value - previous.value);
}

/**
 * Builds the figures of a cross table `rows × columns` with both margins and
 * the grand total, named `${prefix}:${row}|${column}`, `${prefix}:${row}`,
 * `${columnPrefix}:${column}` and `grand`. Adds them to `counts` and their
 * equations to `equations`. Missing combinations count 0.
 */
export function addCrossTable(
  counts: Map<string, number>,
  equations: Equation[],
  spec: {
    prefix: string;
    rows: readonly string[];
    columnPrefix: string;
    columns: readonly string[];
    grand: string;
    /** Count of one (row, column) combination. */
    count: (row: string, column: string) => number;
  },
): void {
  const { prefix, rows, columnPrefix, columns, grand } = spec;
  const cell = (r: string, c: string) => `${prefix}:${r}|${c}`;
  for (const r of rows) for (const c of columns) counts.set(cell(r, c), spec.count(r, c));
  for (const r of rows) {
    counts.set(
      `${prefix}:${r}`,
      columns.reduce((s, c) => s + counts.get(cell(r, c))!, 0),
    );
    equations.push({ total: `${prefix}:${r}`, parts: columns.map((c) => cell(r, c)) });
  }
  for (const c of columns) {
    const key = `${columnPrefix}:${c}`;
    const sum = rows.reduce((s, r) => s + counts.get(cell(r, c))!, 0);
    const known = counts.get(key);
    if (known !== undefined && known !== sum) throw new Error(`Disclosure control: ${prefix} does not add up to ${key}`);
    counts.set(key, sum);
    equations.push({ total: key, parts: rows.map((r) => cell(r, c)) });
  }
  const total = rows.reduce((s, r) => s + counts.get(`${prefix}:${r}`)!, 0);
  const known = counts.get(grand);
  if (known !== undefined && known !== total) throw new Error(`Disclosure control: ${prefix} does not add up to ${grand}`);
  counts.set(grand, total);
  equations.push({ total: grand, parts: rows.map((r) => `${prefix}:${r}`) });
}
