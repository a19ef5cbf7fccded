import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsNothing } from '../src/query-planner.ts';

describe('selectsNothing: an operation the auth directives emptied is not sent to the Rust planner', () => {
  it('is true for an operation left without a selection set', () => {
    const emptied = parse('query V($id: ID!) { victim(id: $id) { id } }');
    const operation = emptied.definitions[0]!;
    if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
    const document = { ...emptied, definitions: [{ ...operation, selectionSet: { ...operation.selectionSet, selections: [] } }] };
    expect(selectsNothing(document)).toBe(true);
    expect(selectsNothing(document, 'V')).toBe(true);
  });

  it('is false while any root field is left, and looks at the named operation', () => {
    expect(selectsNothing(parse('{ victims(first: 1) { id } }'))).toBe(false);
    const two = parse('query A { victims(first: 1) { id } } query B { __typename }');
    expect(selectsNothing(two, 'A')).toBe(false);
    expect(selectsNothing(two, 'B')).toBe(false);
  });
});
