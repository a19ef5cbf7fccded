import { describe, expect, it } from 'vitest';
import { redactVariableError } from '../src/runtime/errors.ts';

describe('redactVariableError', () => {
  it('keeps the variable, path and enum name but drops the echoed value', () => {
    const msg = 'Variable "$i" got invalid value "Kari Nordmann" at "i.person.gender"; Value "Kari Nordmann" does not exist in "Gender" enum.';
    const out = redactVariableError(msg);
    expect(out).toBe('Invalid value for variable $i at "i.person.gender": the value is not one of the "Gender" enum values.');
    expect(out).not.toContain('Kari');
  });

  it('names a missing required field without echoing the whole input object', () => {
    const msg =
      'Variable "$i" got invalid value { givenNames: "Kari", gender: "FEMININE" } at "i.person"; Field "familyName" of required type "String!" was not provided.';
    expect(redactVariableError(msg)).toBe('Invalid value for variable $i at "i.person": required field "familyName" of type "String!" was not provided.');
  });

  it('redacts scalar parse errors', () => {
    const msg = 'Variable "$i" got invalid value "01010012356" at "i.year"; Int cannot represent non-integer value: "01010012356"';
    expect(redactVariableError(msg)).toBe('Invalid value for variable $i at "i.year": the value does not match its type.');
  });

  it('leaves other messages alone', () => {
    expect(redactVariableError('Cannot query field "x" on type "Query".')).toBeNull();
  });
});
