import { describe, expect, it } from 'vitest';
import { checkDufNumber, checkNationalId } from '../src/agency/identifiers.ts';
import { normalisePerson } from '../src/agency/person.ts';

describe('Norwegian identifiers', () => {
  it('accepts the DUF numbers Statistics Norway gives as valid examples', () => {
    expect(checkDufNumber('201212345603')).toBeNull();
    expect(checkDufNumber('200205705502')).toBeNull();
  });

  it('rejects a DUF number with wrong check digits or length', () => {
    expect(checkDufNumber('201212345604')).toBe('check digits do not match');
    expect(checkDufNumber('20121234560')).toBe('must be exactly 12 digits');
  });

  it('accepts a synthetic fødselsnummer and its D-nummer form only as the right kind', () => {
    expect(checkNationalId('01010012356', 'FODSELSNUMMER')).toBeNull();
    expect(checkNationalId('01010012357', 'FODSELSNUMMER')).toBe('check digits do not match');
    expect(checkNationalId('41019022275', 'D_NUMMER')).toBeNull();
    expect(checkNationalId('41019022275', 'FODSELSNUMMER')).not.toBeNull();
    expect(checkNationalId('01010012356', 'D_NUMMER')).not.toBeNull();
  });

  it('normalises identifiers, names and citizenships at the edge', () => {
    const person = normalisePerson({
      givenNames: '  Ana   Maria ',
      familyName: 'Testescu',
      gender: 'FEMININE',
      citizenships: ['ro', 'RO'],
      identifiers: [
        { type: 'DUF_NUMMER', value: '2012 1234 5603' },
        { type: 'PASSPORT', value: 'ab-123456', issuingCountry: 'ro' },
      ],
    });
    expect(person.givenNames).toBe('Ana Maria');
    expect(person.citizenships).toEqual(['RO']);
    expect(person.identifiers).toEqual([
      { type: 'DUF_NUMMER', value: '201212345603', issuingCountry: 'NO' },
      { type: 'PASSPORT', value: 'AB123456', issuingCountry: 'RO' },
    ]);
  });
});
