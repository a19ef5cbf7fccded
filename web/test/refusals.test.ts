import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { refusalAt, refusalOf, rootRefusal } from '../src/graphql/refusals.ts';

const error = (graphQLErrors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[]) => new CombinedError({ graphQLErrors });

describe('refusal markers from the hub’s errors', () => {
  it('names the reason when there is one (purpose, consent), else the code', () => {
    expect(refusalOf({ extensions: { code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED', field: 'Query.victims' } })).toEqual({
      kind: 'PURPOSE_REQUIRED',
      field: 'Query.victims',
    });
    expect(refusalOf({ extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' } })).toEqual({ kind: 'CONSENT_REQUIRED' });
    expect(refusalOf({ extensions: { code: 'FORBIDDEN', field: 'Victim.police' } })).toEqual({ kind: 'FORBIDDEN', field: 'Victim.police' });
    expect(refusalOf({ extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } })).toEqual({ kind: 'FORBIDDEN' });
    expect(refusalOf({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })).toEqual({ kind: 'SUBGRAPH_UNAVAILABLE' });
    expect(refusalOf({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual({ kind: 'OTHER' });
  });

  it('finds the refusal for a section by its exact path, for one list item, or by the field the error names', () => {
    const e = error([
      { message: 'x', path: ['victim', 'immigration'], extensions: { code: 'FORBIDDEN', field: 'Victim.immigration' } },
      { message: 'y', path: ['victim', 'assistance', 1], extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' } },
      { message: 'z', extensions: { code: 'FORBIDDEN', field: 'Victim.childWelfare' } },
    ]);
    expect(refusalAt(e, ['victim', 'immigration'], 'immigration')?.kind).toBe('FORBIDDEN');
    expect(refusalAt(e, ['victim', 'police'], 'police')).toBeNull();
    expect(refusalAt(e, ['victim', 'assistance', 1])?.kind).toBe('CONSENT_REQUIRED');
    expect(refusalAt(e, ['victim', 'assistance', 0])).toBeNull();
    // One refused record does not refuse the list it is in.
    expect(refusalAt(e, ['victim', 'assistance'], 'assistance')).toBeNull();
    expect(refusalAt(e, ['victim', 'childWelfare'], 'childWelfare')?.kind).toBe('FORBIDDEN');
    expect(refusalAt(undefined, ['victim'])).toBeNull();
  });

  it('reports a network failure as a refusal of the whole answer', () => {
    expect(rootRefusal(new CombinedError({ networkError: new Error('down') }), 'victims')).toEqual({ kind: 'OTHER' });
    expect(rootRefusal(error([{ message: 'p', path: ['victims'], extensions: { code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' } }]), 'victims')?.kind).toBe(
      'PURPOSE_REQUIRED',
    );
  });
});
