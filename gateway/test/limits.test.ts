import { buildSchema, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withListSizes, withoutSuggestions } from '../src/limits.ts';
import { tokenBuckets } from '../src/rate-limit.ts';

describe('query cost inputs', () => {
  const schema = buildSchema('type Query { victims(first: Int = 50, after: ID): [V!]! } type V { id: ID! }');

  it('makes a list size given by a variable, or left to the schema default, a literal the cost rule can read', () => {
    expect(print(withListSizes(schema, parse('query($n: Int) { victims(first: $n) { id } }'), { n: 400 }))).toContain('victims(first: 400)');
    expect(print(withListSizes(schema, parse('{ victims { id } }'), undefined))).toContain('victims(first: 50)');
    expect(print(withListSizes(schema, parse('{ victims(first: 7) { id } }'), undefined))).toContain('victims(first: 7)');
  });

  it('makes a variable left out the size its definition’s default gives, else the schema default; a variable sent wins', () => {
    const sized = (doc: string, variables?: Record<string, unknown>) => print(withListSizes(schema, parse(doc), variables));
    expect(sized('query($n: Int = 500) { victims(first: $n) { id } }')).toContain('victims(first: 500)');
    expect(sized('query($n: Int = 500) { victims(first: $n) { id } }', {})).toContain('victims(first: 500)');
    expect(sized('query($n: Int! = 500) { ...F } fragment F on Query { victims(first: $n) { id } }')).toContain('victims(first: 500)');
    expect(sized('query($n: Int = 500) { victims(first: $n) { id } }', { n: 3 })).toContain('victims(first: 3)');
    expect(sized('query($n: Int) { victims(first: $n) { id } }', {})).toContain('victims(first: 50)');
  });

  it('cuts every "Did you mean" suggestion from a message', () => {
    expect(withoutSuggestions('Cannot query field "victm" on type "Query". Did you mean "victim" or "victims"?')).toBe(
      'Cannot query field "victm" on type "Query".',
    );
    expect(withoutSuggestions('Value "ROBOT" does not exist in "Gender" enum. Did you mean the enum value "OTHER"?')).toBe(
      'Value "ROBOT" does not exist in "Gender" enum.',
    );
  });
});

describe('the token bucket rate limit', () => {
  it('allows the bucket size at once, then one request per refill interval, per key', () => {
    let t = 0;
    const buckets = tokenBuckets({ requests: 3, windowMs: 3000, burst: 3 }, () => t);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1000);
    expect(buckets.take('b')).toBe(0);
    t = 999;
    expect(buckets.take('a')).toBeGreaterThan(0);
    t = 2100;
    expect(buckets.take('a')).toBe(0);
  });

  it('lets a burst of 5 × the rate through by default', () => {
    const buckets = tokenBuckets({ requests: 2, windowMs: 60_000 }, () => 0);
    expect(Array.from({ length: 11 }, () => buckets.take('a') === 0)).toEqual([...Array(10).fill(true), false]);
  });
});

describe('NUL characters in input', () => {
  it('are found anywhere in the variables, with their path', async () => {
    const { variablesProblem } = await import('@nrm-hub/kit/guards');
    expect(variablesProblem({ i: { person: { names: ['ok', 'b\u0000d'] } } })).toEqual({
      where: '$i.person.names[1]',
      rule: 'text may not contain NUL characters',
    });
    expect(variablesProblem({ i: { purpose: 'fine' } })).toBeNull();
  });
});
