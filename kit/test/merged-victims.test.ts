import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { loadVictimRecords, victimIdsOf } from '../src/linkage/merged-victims.ts';

describe('records of merged victims', () => {
  it('lists the victim id first, then the merged ids, without repeats', () => {
    expect(victimIdsOf({ id: 'v1' })).toEqual(['v1']);
    expect(victimIdsOf({ id: 'v1', mergedIds: ['v2', 'v3', 'v1'] })).toEqual(['v1', 'v2', 'v3']);
  });

  it('loads records stored under every id of several victims in one batch', async () => {
    const batches: string[][] = [];
    const stored: Record<string, string[]> = { v1: ['r1'], v2: ['r2', 'r3'], v4: ['r4'] };
    const loader = new DataLoader<string, string[]>(async (ids) => {
      batches.push([...ids]);
      return ids.map((id) => stored[id] ?? []);
    });
    const [merged, plain] = await Promise.all([
      loadVictimRecords(loader, { id: 'v1', mergedIds: ['v2', 'v3'] }),
      loadVictimRecords(loader, { id: 'v4', mergedIds: [] }),
    ]);
    expect(merged).toEqual(['r1', 'r2', 'r3']);
    expect(plain).toEqual(['r4']);
    expect(batches).toEqual([['v1', 'v2', 'v3', 'v4']]);
  });
});
