import { buildSchema, Kind, parse, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { asRepresentations, DocumentCanon, selectsNothing, trimEnumValueDirectives } from '../src/query-planner.ts';

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

describe('DocumentCanon: the runtime finds its query plan again for a copied document', () => {
  it('gives one object for documents of the same text, another for another text, and forgets the least recently used', () => {
    const canon = new DocumentCanon(2);
    const a = parse('query A { victims(first: 1) { id } }');
    expect(canon.of(parse('query A { victims(first: 1) { id } }'))).not.toBe(a);
    const first = canon.of(a);
    expect(canon.of(parse('query A {\n  victims(first: 1) { id }\n}'))).toBe(first);
    const b = parse('query B { victims(first: 2) { id } }');
    expect(canon.of(b)).toBe(b);
    canon.of(parse('query C { __typename }'));
    // A was used before B: A is forgotten, B kept.
    const againA = parse('query A { victims(first: 1) { id } }');
    expect(canon.of(againA)).toBe(againA);
  });
});

describe('trimEnumValueDirectives', () => {
  it('leaves only @inaccessible on enum values', () => {
    const schema = buildSchema(`
      directive @join__enumValue(graph: String!) repeatable on ENUM_VALUE
      directive @inaccessible on ENUM_VALUE
      enum Agency { POLICE @join__enumValue(graph: "police") @join__enumValue(graph: "nrm") NGO @inaccessible @join__enumValue(graph: "ngo") }
      type Query { agency: Agency }
    `);
    trimEnumValueDirectives(schema);
    const names = (value: string) =>
      schema.getType('Agency') && (schema.getType('Agency') as GraphQLEnumType).getValue(value)?.astNode?.directives?.map((d) => d.name.value);
    expect(names('POLICE')).toEqual([]);
    expect(names('NGO')).toEqual(['inaccessible']);
  });
});

describe('asRepresentations', () => {
  it('sends the same JSON, as objects the HTTP executor does not deep-copy in its search for uploads', () => {
    const representations = [
      { __typename: 'Victim', id: 'a', mergedIds: ['b'] },
      { __typename: 'Victim', id: 'c', mergedIds: [] },
    ];
    const sent = asRepresentations(representations);
    expect(JSON.stringify(sent)).toBe(JSON.stringify(representations));
    for (const r of sent) expect(Object.getPrototypeOf(r)).not.toBe(Object.prototype);
  });
});
