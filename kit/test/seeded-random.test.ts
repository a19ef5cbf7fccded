import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/runtime/seeded-random.ts';

describe('seededRandom', () => {
  it('gives the same sequence for a seed on every run: the NRM derives its stored LSH bucket positions from it', () => {
    // Seed of the NRM's LSH bit positions: a different sequence would need every bucket rebuilt.
    const r = seededRandom(0x4e524d);
    expect([r(), r(), r()]).toEqual([0.08362852595746517, 0.941625555511564, 0.3950983779504895]);
    const a = seededRandom(2021);
    const b = seededRandom(2021);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });
});
