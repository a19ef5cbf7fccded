import { describe, expect, it } from 'vitest';
import { DATE_CONFLICTING as CONFLICTING, estimateNonMatchU, estimateU, NAME_DIFFERENT as DIFFERENT, type ComparisonVector } from '../src/rules/match-model.ts';
const vector = (name: number, date: number): ComparisonVector => ({ name, date, sex: 0, citizenship: 0 });

describe('u, the chance of a level among different persons', () => {
  // Random pairs of a registry where people are registered several times: 5,000 pairs of different
  // persons (different names, conflicting dates, but 5 born the same day and 5 with one name), and
  // 500 pairs that are one person (exact name, exact date).
  const random = [
    ...Array.from({ length: 4_990 }, () => vector(DIFFERENT, CONFLICTING)),
    ...Array.from({ length: 5 }, () => vector(DIFFERENT, 0)),
    ...Array.from({ length: 5 }, () => vector(0, CONFLICTING)),
    ...Array.from({ length: 500 }, () => vector(0, 0)),
  ];

  it('is not inflated by the matches among random pairs: each field from the pairs that disagree on another', () => {
    const u = estimateNonMatchU(random);
    // About 5 in 5,000, not the 505 in 5,500 that all random pairs show.
    expect(u.date[0]).toBeLessThan(0.0015);
    expect(u.name[0]).toBeLessThan(0.0015);
    expect(estimateU(random).date[0]).toBeGreaterThan(0.09);
  });

  it('falls back to all random pairs when too few disagree on another field', () => {
    const few = Array.from({ length: 300 }, () => vector(0, 0));
    expect(estimateNonMatchU(few)).toEqual(estimateU(few));
  });
});
