import { describe, expect, it } from 'vitest';
import { insertNull } from '../src/auth-errors.ts';

describe('nulls for denied fields', () => {
  it('go under an object parent, under every item of a list, and never replace a null parent', () => {
    const data: Record<string, any> = { victim: { id: '1' }, victims: [{ id: '1', police: [{ id: 'p' }] }, { id: '2', police: null }, null] };
    insertNull(data, ['victim', 'immigration']);
    insertNull(data, ['victims', 'immigration']);
    insertNull(data, ['victims', 'police', 'caseRoles']);
    expect(data).toEqual({
      victim: { id: '1', immigration: null },
      victims: [{ id: '1', police: [{ id: 'p', caseRoles: null }], immigration: null }, { id: '2', police: null, immigration: null }, null],
    });
  });

  it('make a parent left with no allowed field null, not an object', () => {
    const data: Record<string, any> = {};
    insertNull(data, ['victim', 'police']);
    expect(data).toEqual({ victim: null });
  });
});
