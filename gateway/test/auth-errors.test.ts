import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { insertNull, typesAlong } from '../src/auth-errors.ts';

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

describe('nulls for denied non-null fields (the GraphQL spec)', () => {
  const schema = buildSchema(`
    type Query { victim(id: ID): Victim victims: [Victim!]! maybe: [Victim] }
    type Victim { id: ID! highestStatus: String! registrations: [Registration!]! police: [Person!] }
    type Registration { agency: String! }
    type Person { name: String }
  `);
  const typesFor = (query: string, path: string[]) => typesAlong(schema, parse(query), undefined, path) ?? undefined;

  it('go to the nearest nullable parent: a non-null field nulls its nullable parent object', () => {
    const query = '{ victim(id: "1") { id highestStatus } }';
    const data: Record<string, any> = { victim: { id: '1' } };
    expect(insertNull(data, ['victim', 'highestStatus'], typesFor(query, ['victim', 'highestStatus']))).toBe(false);
    expect(data).toEqual({ victim: null });
  });

  it('a non-null list of non-null items nulls its parent object, found through fragments', () => {
    const query = '{ victim(id: "1") { ...V } } fragment V on Victim { id ... on Victim { registrations { agency } } }';
    const data: Record<string, any> = { victim: { id: '1' } };
    insertNull(data, ['victim', 'registrations'], typesFor(query, ['victim', 'registrations']));
    expect(data).toEqual({ victim: null });
  });

  it('inside a non-null list of non-null victims reach the root: data itself becomes null', () => {
    const query = '{ victims { id highestStatus } }';
    const data: Record<string, any> = { victims: [{ id: '1' }, { id: '2' }] };
    expect(insertNull(data, ['victims', 'highestStatus'], typesFor(query, ['victims', 'highestStatus']))).toBe(true);
  });

  it('inside a list of nullable items null only the items', () => {
    const query = '{ maybe { id highestStatus } }';
    const data: Record<string, any> = { maybe: [{ id: '1' }, null] };
    expect(insertNull(data, ['maybe', 'highestStatus'], typesFor(query, ['maybe', 'highestStatus']))).toBe(false);
    expect(data).toEqual({ maybe: [null, null] });
  });

  it('a non-null object parent dropped because its only selected field was denied comes back as an object holding the null', () => {
    const schema2 = buildSchema(`
      type Query { alerts: [Alert!]! }
      type Alert { reasons: [String!]! victim: Victim! }
      type Victim { police: [Person!] }
      type Person { name: String }
    `);
    const query = '{ alerts { reasons victim { police { name } } } }';
    const data: Record<string, any> = { alerts: [{ reasons: ['A'] }, { reasons: ['B'] }] };
    const types = typesAlong(schema2, parse(query), undefined, ['alerts', 'victim', 'police']) ?? undefined;
    expect(insertNull(data, ['alerts', 'victim', 'police'], types)).toBe(false);
    expect(data).toEqual({
      alerts: [
        { reasons: ['A'], victim: { police: null } },
        { reasons: ['B'], victim: { police: null } },
      ],
    });
  });

  it('a nullable field is set to null in place, as before', () => {
    const query = '{ victim(id: "1") { id police { name } } }';
    const data: Record<string, any> = { victim: { id: '1' } };
    insertNull(data, ['victim', 'police'], typesFor(query, ['victim', 'police']));
    expect(data).toEqual({ victim: { id: '1', police: null } });
  });
});

describe('the types along a denied field’s path', () => {
  it('are found by field name when the runtime has already removed the denied field from the document', () => {
    const schema = buildSchema('type Query { victim: Victim } type Victim { id: ID! highestStatus: String! }');
    const types = typesAlong(schema, parse('{ victim { id } }'), undefined, ['victim', 'highestStatus']);
    expect(types?.map(String)).toEqual(['Victim', 'String!']);
  });
});
