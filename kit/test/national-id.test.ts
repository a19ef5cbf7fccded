import { describe, expect, it } from 'vitest';
import { checkNationalId } from '../src/agency/identifiers.ts';

// Synthetic numbers only (valid check digits, belonging to no one).
describe('fødselsnummer and D-nummer checks through the maintained validator', () => {
  it('accepts a valid fødselsnummer and D-nummer, each only as its own kind', () => {
    expect(checkNationalId('01010012356', 'FODSELSNUMMER')).toBeNull();
    expect(checkNationalId('41019022275', 'D_NUMMER')).toBeNull();
    expect(checkNationalId('01010012356', 'D_NUMMER')).toBe('a D-nummer has 40 added to the day');
    expect(checkNationalId('41019022275', 'FODSELSNUMMER')).toBe('day is out of range for a fødselsnummer (is it a D-nummer?)');
  });

  it('names the broken rule without echoing the number', () => {
    expect(checkNationalId('0101001235', 'FODSELSNUMMER')).toBe('must be exactly 11 digits');
    expect(checkNationalId('0101001235X', 'FODSELSNUMMER')).toBe('must be exactly 11 digits');
    expect(checkNationalId('01010012357', 'FODSELSNUMMER')).toBe('check digits do not match');
    expect(checkNationalId('32010012356', 'FODSELSNUMMER')).toBe('does not start with a valid date');
  });

  it('rejects an H-nummer (month plus 40) as a fødselsnummer', () => {
    // 13527248013: the validator's own H-nummer example.
    expect(checkNationalId('13527248013', 'FODSELSNUMMER')).toBe('does not start with a valid date');
  });
});
