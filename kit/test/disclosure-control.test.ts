import { describe, expect, it } from 'vitest';
import {
  addCrossTable,
  amountCell,
  cellChange,
  disclosureFor,
  exactCell,
  releaseCells,
  statisticsThreshold,
  suppressedKeys,
  type Cell,
  type Equation,
} from '../src/statistics/disclosure-control.ts';

/**
 * An attacker who knows every published figure and every additive relation
 * between the figures (and that counts are whole numbers from 0 up), and
 * solves for the suppressed ones by exhaustive search. Returns, for each
 * suppressed figure, every value it can take consistently with what was
 * published.
 */
function attack(published: Map<string, Cell>, equations: readonly Equation[], bound: number): Map<string, Set<number>> {
  const unknown = [...published].filter(([, c]) => c.suppressed).map(([k]) => k);
  const feasible = new Map(unknown.map((k) => [k, new Set<number>()]));
  const known = new Map<string, number>();
  for (const [k, c] of published) if (!c.suppressed) known.set(k, c.value!);
  const consistent = (assign: Map<string, number>) =>
    equations.every(({ total, parts }) => {
      const items = [total, ...parts];
      if (items.some((k) => !assign.has(k))) {
        const partSum = parts.reduce((s, p) => s + (assign.get(p) ?? 0), 0);
        return !assign.has(total) || partSum <= assign.get(total)!;
      }
      return parts.reduce((s, p) => s + assign.get(p)!, 0) === assign.get(total);
    });
  const search = (i: number, assign: Map<string, number>) => {
    if (!consistent(assign)) return;
    if (i === unknown.length) {
      for (const k of unknown) feasible.get(k)!.add(assign.get(k)!);
      return;
    }
    for (let v = 0; v <= bound; v++) {
      assign.set(unknown[i]!, v);
      search(i + 1, assign);
      assign.delete(unknown[i]!);
    }
  };
  search(0, new Map(known));
  return feasible;
}

function release(counts: Record<string, number>, equations: Equation[], threshold = 5): Map<string, Cell> {
  const map = new Map(Object.entries(counts));
  const cell = releaseCells(map, equations, { mode: 'controlled', threshold });
  return new Map([...map.keys()].map((k) => [k, cell(k)]));
}

/** Every suppressed figure can take at least two values, and one of them is at least the threshold. */
function expectUndisclosed(feasible: Map<string, Set<number>>, threshold = 5) {
  for (const [key, values] of feasible) {
    expect(values.size, `${key} is pinned to ${[...values].join(',')}`).toBeGreaterThan(1);
    expect(Math.max(...values), `${key} is known to be small`).toBeGreaterThanOrEqual(threshold);
  }
}

describe('primary suppression', () => {
  it('suppresses every count from 1 to threshold − 1 as null with suppressed: true, never 0', () => {
    const cells = release({ a: 1, b: 4, c: 5, d: 0, e: 17 }, []);
    expect(cells.get('a')).toEqual({ value: null, suppressed: true });
    expect(cells.get('b')).toEqual({ value: null, suppressed: true });
    expect(cells.get('c')).toEqual({ value: 5, suppressed: false });
    expect(cells.get('d')).toEqual({ value: 0, suppressed: false });
    expect(cells.get('e')).toEqual({ value: 17, suppressed: false });
  });

  it('honours a configured threshold', () => {
    const cells = release({ a: 9, b: 11 }, [], 11);
    expect(cells.get('a')!.suppressed).toBe(true);
    expect(cells.get('b')).toEqual({ value: 11, suppressed: false });
  });

  it('gives the coordinating unit exact figures under a purpose, and everyone else (the unit without one included) controlled ones', () => {
    const counts = new Map([
      ['a', 1],
      ['b', 30],
      ['t', 31],
    ]);
    const eq = [{ total: 't', parts: ['a', 'b'] }];
    const exact = releaseCells(counts, eq, disclosureFor({ agencyKind: 'coordinating-unit', purpose: 'CASE-2021-17' }, 5));
    expect(exact('a')).toEqual(exactCell(1));
    const controlled = releaseCells(counts, eq, disclosureFor({ agencyKind: 'nrm-working-group', purpose: 'STAT-2021-1' }, 5));
    expect(controlled('a').suppressed).toBe(true);
    for (const purpose of [null, '']) {
      expect(releaseCells(counts, eq, disclosureFor({ agencyKind: 'coordinating-unit', purpose }, 5))('a').suppressed).toBe(true);
    }
    expect(disclosureFor(null, 5)).toEqual({ mode: 'controlled', threshold: 5 });
  });
});

describe('differencing attack 1: the total minus the other cells', () => {
  const counts = { female: 20, male: 3, unknown: 9, total: 32 };
  const equations = [{ total: 'total', parts: ['female', 'male', 'unknown'] }];

  it('the attacker recovers a cell that only primary suppression hid (the solver works)', () => {
    const naive = new Map<string, Cell>([
      ['female', exactCell(20)],
      ['male', { value: null, suppressed: true }],
      ['unknown', exactCell(9)],
      ['total', exactCell(32)],
    ]);
    expect([...attack(naive, equations, 40).get('male')!]).toEqual([3]);
  });

  it('complementary suppression leaves the suppressed cell undetermined', () => {
    const cells = release(counts, equations);
    expect(cells.get('male')!.suppressed).toBe(true);
    expect(cells.get('unknown')!.suppressed).toBe(true); // the smallest other cell, as complement
    expect(cells.get('female')).toEqual(exactCell(20));
    expect(cells.get('total')).toEqual(exactCell(32));
    expectUndisclosed(attack(cells, equations, 40));
  });

  it('adds complements until the hidden cells together hold at least the threshold', () => {
    const cells = release({ a: 1, b: 0, c: 2, d: 30, t: 33 }, [{ total: 't', parts: ['a', 'b', 'c', 'd'] }]);
    // a and c (3 together) are not enough: d joins them, so the total is no help.
    expect(['a', 'c', 'd'].every((k) => cells.get(k)!.suppressed)).toBe(true);
    expectUndisclosed(attack(cells, [{ total: 't', parts: ['a', 'b', 'c', 'd'] }], 40));
  });

  it('a total below the threshold takes a cell with it, so the cells cannot be added up', () => {
    const cells = release({ a: 0, b: 3, t: 3 }, [{ total: 't', parts: ['a', 'b'] }]);
    expect(cells.get('t')!.suppressed).toBe(true);
    expect(cells.get('b')!.suppressed).toBe(true);
  });
});

describe('differencing attack 2: the same table asked with one more filter', () => {
  // Persons by gender (the unfiltered table) and persons by gender among identified (ACTUAL) victims (the filtered one):
  // both are parts of the gender × status cross table, suppressed as one system.
  const build = () => {
    const counts = new Map<string, number>();
    const equations: Equation[] = [];
    const data: Record<string, Record<string, number>> = {
      FEMININE: { ACTUAL: 12, POSSIBLE: 40 },
      MASCULINE: { ACTUAL: 2, POSSIBLE: 16 },
      UNKNOWN: { ACTUAL: 0, POSSIBLE: 6 },
    };
    addCrossTable(counts, equations, {
      prefix: 'gender',
      rows: Object.keys(data),
      columnPrefix: 'status',
      columns: ['ACTUAL', 'POSSIBLE'],
      grand: 'persons',
      count: (r, c) => data[r]![c]!,
    });
    equations.push({ total: 'persons', parts: ['status:ACTUAL', 'status:POSSIBLE'] });
    return { counts, equations };
  };

  it('the attacker recovers the cell when the filtered table is suppressed on its own (the solver works)', () => {
    const { counts, equations } = build();
    // Naively: the unfiltered table and the filtered table each with primary suppression only.
    const naive = new Map<string, Cell>([...counts].map(([k, v]) => [k, k === 'gender:MASCULINE|ACTUAL' ? { value: null, suppressed: true } : exactCell(v)]));
    expect([...attack(naive, equations, 80).get('gender:MASCULINE|ACTUAL')!]).toEqual([2]);
  });

  it('suppressing the cross table as one system leaves every suppressed cell undetermined', () => {
    const { counts, equations } = build();
    const cell = releaseCells(counts, equations, { mode: 'controlled', threshold: 5 });
    const cells = new Map([...counts.keys()].map((k) => [k, cell(k)]));
    expect(cells.get('gender:MASCULINE|ACTUAL')!.suppressed).toBe(true);
    // The unfiltered table (gender margins) and the filtered table (ACTUAL column) are what a caller sees.
    expect(cells.get('gender:FEMININE')).toEqual(exactCell(52));
    expectUndisclosed(attack(cells, equations, 80));
  });
});

describe('differencing attack 3: this year minus last year', () => {
  it('publishes a change only when both years are published', () => {
    expect(cellChange(exactCell(8), exactCell(16))).toEqual(exactCell(-8));
    expect(cellChange({ value: null, suppressed: true }, exactCell(6))).toEqual({ value: null, suppressed: true });
    expect(cellChange(exactCell(6), { value: null, suppressed: true })).toEqual({ value: null, suppressed: true });
  });

  it('an attacker holding both years, their totals and every published change cannot recover a suppressed cell', () => {
    const equations = (y: string) => [{ total: `${y}:total`, parts: [`${y}:child`, `${y}:adult`] }];
    const y2021 = release({ '2021:child': 1, '2021:adult': 81, '2021:total': 82 }, equations('2021'));
    const y2020 = release({ '2020:child': 0, '2020:adult': 70, '2020:total': 70 }, equations('2020'));
    const published = new Map([...y2021, ...y2020]);
    // Each published change is one more equation for the attacker: current = previous + change.
    const changeEquations: Equation[] = [];
    for (const k of ['child', 'adult', 'total']) {
      const change = cellChange(published.get(`2021:${k}`)!, published.get(`2020:${k}`)!);
      if (!change.suppressed) {
        published.set(`change:${k}`, change);
        expect(change.value).toBeGreaterThanOrEqual(0); // so the relation is additive: 2021 = 2020 + change
        changeEquations.push({ total: `2021:${k}`, parts: [`2020:${k}`, `change:${k}`] });
      }
    }
    expect(published.get('2021:child')!.suppressed).toBe(true);
    expect(published.has('change:child')).toBe(false);
    expectUndisclosed(attack(published, [...equations('2021'), ...equations('2020'), ...changeEquations], 90));
  });
});

describe('amounts and configuration', () => {
  it('suppresses an amount whenever the count of persons it sums over is suppressed', () => {
    expect(amountCell(446_000, exactCell(5))).toEqual(exactCell(446_000));
    expect(amountCell(120_000, { value: null, suppressed: true })).toEqual({ value: null, suppressed: true });
  });

  it('reads STATISTICS_THRESHOLD, defaulting to 5 and refusing nonsense by name', () => {
    expect(statisticsThreshold({})).toBe(5);
    expect(statisticsThreshold({ STATISTICS_THRESHOLD: '11' })).toBe(11);
    expect(() => statisticsThreshold({ STATISTICS_THRESHOLD: '1' })).toThrow(/STATISTICS_THRESHOLD/);
    expect(() => statisticsThreshold({ STATISTICS_THRESHOLD: 'five' })).toThrow(/STATISTICS_THRESHOLD/);
  });

  it('treats hidden figures as unknowns without publishing them', () => {
    const hidden = suppressedKeys(
      new Map([
        ['returns', 9],
        ['screened', 7],
        ['notScreened', 2],
      ]),
      [{ total: 'returns', parts: ['screened', 'notScreened'] }],
      5,
      ['notScreened'],
    );
    expect(hidden.has('screened')).toBe(true);
  });
});
