import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkCountryCode } from '../src/agency/identifiers.ts';
import { literalsProblem, MAX_INPUT_DEPTH, textProblem, variablesProblem } from '../src/guards/input-checks.ts';
import { redactVariableError } from '../src/runtime/errors.ts';
import { errorSummary } from '../src/runtime/log-safe.ts';
import { redactValueEcho } from '../src/guards/value-errors.ts';

describe('input rules shared by the gateway and every subgraph', () => {
  it('refuse NUL, other control characters and bidirectional formatting, but not tabs, line breaks or any script', () => {
    expect(textProblem('a\u0000b')).toBe('text may not contain NUL characters');
    expect(textProblem('a\u0007b')).toBe('text may not contain control characters');
    expect(textProblem('a\u0085b')).toBe('text may not contain control characters');
    expect(textProblem('a\u202Eb')).toBe('text may not contain bidirectional control characters');
    expect(textProblem('a\u2067b')).toBe('text may not contain bidirectional control characters');
    expect(textProblem('Første linje\n\tandre linje')).toBeNull();
    expect(textProblem('Nguyễn Văn Минь اسم 名前')).toBeNull();
  });

  it('find a NUL written as a braced escape in a literal', () => {
    expect(literalsProblem(parse('{ f(a: "x\\u{0}y") }'))).toEqual({ where: 'a string literal', rule: 'text may not contain NUL characters' });
    expect(literalsProblem(parse('{ f(a: "fine") }'))).toBeNull();
  });

  it('refuse a variable nested deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(variablesProblem({ v: deep })?.rule).toBe(`input may nest at most ${MAX_INPUT_DEPTH} levels deep`);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i += 1) ok = { a: ok };
    expect(variablesProblem({ v: ok })).toBeNull();
  });
});

describe('messages without echoed values', () => {
  it('name the place and the rule for graphql-js literal errors', () => {
    const document = parse('mutation { r(input: { person: { identifiers: [{ value: 71010012356 }] } }) }');
    const field = document.definitions[0] as any;
    const valueNode = field.selectionSet.selections[0].arguments[0].value.fields[0].value.fields[0].value.values[0].fields[0].value;
    expect(redactValueEcho('String cannot represent a non string value: 71010012356', { nodes: [valueNode] }, document)).toBe(
      'Invalid value at input.person.identifiers[0].value: expected type "String".',
    );
    expect(redactValueEcho('Value "VORTHAGEN" does not exist in "Gender" enum.')).toBe('Invalid value: the value is not one of the "Gender" enum values.');
    expect(redactValueEcho('Enum "Gender" cannot represent non-enum value: "Vorthagen".')).toBe(
      'Invalid value: the value is not one of the "Gender" enum values.',
    );
    expect(redactValueEcho('Expected value of type "Int!", found "Vorthagen".')).toBe('Invalid value: expected type "Int!".');
    expect(redactValueEcho('Syntax Error: Expected Name, found String "Vorthagen".')).toBe('Syntax Error: Expected Name, found token.');
    expect(redactValueEcho('Cannot query field "x" on type "Query".')).toBe('Cannot query field "x" on type "Query".');
  });

  it('turn graphql-js’s codeless "too many variable errors" into a client error message', () => {
    expect(redactVariableError('Too many errors processing variables, error limit reached. Execution aborted.')).toBe(
      'Too many invalid variable values: correct the first ones and retry.',
    );
  });
});

describe('log lines about errors', () => {
  it('give the class and the SQLSTATE of a wrapped driver error, never its message', () => {
    const driver = Object.assign(new Error('new row violates check constraint; params: Vorthagen,2009-03-14'), { code: '23514' });
    const wrapped = Object.assign(new Error('Failed query: insert ... params: Vorthagen,2009-03-14'), { name: 'DrizzleQueryError', cause: driver });
    expect(errorSummary(wrapped)).toBe('DrizzleQueryError (SQLSTATE 23514)');
    expect(errorSummary(new TypeError('Vorthagen'))).toBe('TypeError');
  });
});

describe('country codes', () => {
  it('come from the maintained ISO 3166-1 list: two capital letters are not enough', () => {
    expect(checkCountryCode('NO')).toBeNull();
    expect(checkCountryCode('RO')).toBeNull();
    expect(checkCountryCode('ZZ')).not.toBeNull();
    expect(checkCountryCode('QQ')).not.toBeNull();
    expect(checkCountryCode('no')).not.toBeNull();
  });
});
