import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Database } from '@nrm-hub/kit';

/**
 * Schema-driven fuzzing: for every query and mutation field of a schema,
 * fast-check arbitraries built from the argument types produce inputs that
 * are sometimes valid and mostly hostile (boundary numbers, wrong types, very
 * long and unicode strings, control and bidirectional characters, nulls
 * where a value is required, unknown enum values and fields), sent as
 * variables or as literals. `runFuzz` sends each to its target over HTTP and
 * counts what must never happen: a 5xx answer or a masked server error, a
 * submitted value echoed in an error, a row written when the answer is an
 * error.
 */

/** One place inputs go: the gateway or a subgraph, with its schema. */
export interface FuzzTarget {
  name: string;
  url: string;
  schema: GraphQLSchema;
}

/** Values a realistic client would send (ids of seeded records, valid identifiers): they get the fuzzer past the first checks. */
export interface KnownValues {
  ids: string[];
  strings: string[];
}

/** One generated request. */
export interface FuzzCase {
  target: number;
  field: string;
  operation: 'query' | 'mutation';
  literals: boolean;
  caller: number;
  args: Record<string, unknown>;
}

const NAMEISH = /^[_A-Za-z][_0-9A-Za-z]*$/;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  'x\u202Ey',
  'tab\there',
  'line\nbreak',
  '\u0007\u001B[2J',
  '\u0085\u2028\u2029',
  "' OR 1=1 --",
  "'; DROP TABLE persons; --",
  '__proto__',
  '%s%n%x',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 名前 اسم',
  'ZZ',
  'zz',
  '00000000-0000-0000-0000-000000000000',
  '2021-02-30',
  '9999-12-31',
  '0000-01-01',
  '2021-01-01T25:00:00Z',
];

const BOUNDARY_INTS = [0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 1e15, 1899, 1900, 2100, 10_000];

/** A leaf string: realistic, random, unicode, very long or hostile. */
function stringArb(known: KnownValues): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known.strings, ...known.ids) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'A'.repeat(n)) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  );
}

/** A value of the wrong kind for any type. */
const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(true, 3.5, -7, [], {}, 'not-it', [1, 2], { a: 1 }),
  fc.integer(),
  fc.string({ maxLength: 12 }),
);

/** Arbitrary values for a named leaf type. */
function leafArb(typeName: string, type: GraphQLInputType, known: KnownValues): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom('ZZZ_UNKNOWN', values[0]?.toLowerCase() ?? 'x', 'null') },
      { weight: 1, arbitrary: wrongKind },
    );
  }
  switch (typeName) {
    case 'Int':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -5, max: 500 }) },
        { weight: 2, arbitrary: fc.constantFrom(...BOUNDARY_INTS) },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308), wrongKind);
    case 'Boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongKind });
    case 'Date':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        },
        { weight: 2, arbitrary: stringArb(known) },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'DateTime':
      return fc.oneof(
        { weight: 4, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()) },
        { weight: 2, arbitrary: stringArb(known) },
        { weight: 1, arbitrary: wrongKind },
      );
    case '_Any':
      return fc.oneof(
        fc.record({ __typename: fc.constantFrom('Victim', 'Statistics', 'Nope'), id: fc.oneof(fc.constantFrom(...known.ids), stringArb(known)) }),
        fc.record({
          __typename: fc.constant('Victim'),
          id: fc.constantFrom(...known.ids),
          mergedIds: fc.array(fc.constantFrom(...known.ids), { maxLength: 3 }),
        }),
        wrongKind,
      );
    default:
      return fc.oneof({ weight: 6, arbitrary: stringArb(known) }, { weight: 1, arbitrary: wrongKind });
  }
}

/** Arbitrary values for an input type, to a bounded depth. */
export function inputArb(type: GraphQLInputType, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof({ weight: 12, arbitrary: inputArb(type.ofType, known, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const nullable = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) {
    const item = inputArb(type.ofType, known, depth + 1);
    return nullable(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 25, maxLength: 60 }) },
        { weight: 1, arbitrary: item },
      ),
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = inputArb(f.type, known, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    const object = fc.record(record, { requiredKeys: required });
    return nullable(
      fc.oneof(
        { weight: 10, arbitrary: object },
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
        { weight: 1, arbitrary: object.map((o) => ({ ...(o as object), zzUnknownField: 'x' })) },
        { weight: 1, arbitrary: wrongKind },
      ),
    );
  }
  if (isLeafType(type)) return nullable(leafArb(type.name, type, known));
  return fc.constant(null);
}

/** The query and mutation fields a target offers, with their operation type. */
export function rootFields(schema: GraphQLSchema): { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  const out: { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) if (field.name !== '_service') out.push({ operation, field });
  }
  return out;
}

/** One arbitrary `FuzzCase` over the targets, every root field of each equally likely within its target. */
export function caseArb(targets: FuzzTarget[], known: KnownValues, callers: number): fc.Arbitrary<FuzzCase> {
  const perTarget = targets.map((t, index) => {
    const fields = rootFields(t.schema);
    return fc.oneof(
      ...fields.map(({ operation, field }) => {
        const args: Record<string, fc.Arbitrary<unknown>> = {};
        for (const a of field.args) args[a.name] = inputArb(a.type, known);
        const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
        return fc.record({
          target: fc.constant(index),
          field: fc.constant(field.name),
          operation: fc.constant(operation),
          literals: fc.boolean(),
          caller: fc.nat({ max: callers - 1 }),
          args: fc.record(args, { requiredKeys: required }),
        });
      }),
    );
  });
  return fc.oneof(...perTarget);
}

/** A GraphQL literal for a value: enum-looking strings bare where the type is an enum, everything else as JSON. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  if (value === null || value === undefined) return 'null';
  const named = type && getNamedType(type);
  if (typeof value === 'string')
    return named && isEnumType(named) && NAMEISH.test(value) && value !== 'null' && value !== 'true' && value !== 'false' ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
  return `{ ${Object.entries(value as Record<string, unknown>)
    .filter(([k]) => NAMEISH.test(k))
    .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`)
    .join(', ')} }`;
}

/** The request body for a case: `field(args) { __typename }` with the arguments as variables or literals. */
export function requestFor(c: FuzzCase, target: FuzzTarget): { query: string; variables?: Record<string, unknown> } {
  const root = c.operation === 'query' ? target.schema.getQueryType() : target.schema.getMutationType();
  const field = root?.getFields()[c.field];
  if (!field) throw new Error(`No field ${c.field}`);
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const given = field.args.filter((a) => a.name in c.args);
  if (given.length === 0) return { query: `${c.operation} { ${c.field}${selection} }` };
  if (c.literals) {
    return { query: `${c.operation} { ${c.field}(${given.map((a) => `${a.name}: ${literal(c.args[a.name], a.type)}`).join(', ')})${selection} }` };
  }
  const defs = given.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  return {
    query: `${c.operation} Fuzz(${defs}) { ${c.field}(${given.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`,
    variables: Object.fromEntries(given.map((a) => [a.name, c.args[a.name]])),
  };
}

/** Every string (6+ characters) and long number in a value: what must never come back in an error. */
export function submittedValues(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim().length >= 6) out.add(value);
  } else if (typeof value === 'number') {
    if (Math.abs(value) >= 100_000) out.add(String(value));
  } else if (Array.isArray(value)) value.forEach((v) => submittedValues(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => submittedValues(v, out));
  return out;
}

/** A statement that counts every row of every table of a database (one round trip). */
export async function rowCounter(database: Database<Record<string, unknown>>): Promise<() => Promise<number>> {
  const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const tables = rowsOf(
    await database.db.execute(
      sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((r) => String(r.t));
  const statement = sql.raw(`select ${tables.map((t) => `(select count(*) from "${t}")`).join(' + ') || '0'} as n`);
  return async () => Number(rowsOf(await database.db.execute(statement))[0]?.n);
}

/** What a fuzz run found. */
export interface FuzzReport {
  runs: number;
  byTarget: Record<string, number>;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  /** Answers with no error at all. */
  accepted: number;
  serverErrors: { target: string; field: string; status: number; codes: string[] }[];
  echoes: { target: string; field: string }[];
  writesOnError: { target: string; field: string; before: number; after: number }[];
}

/**
 * Sends each case to its target and checks it: status below 500 and no
 * `INTERNAL_SERVER_ERROR`; no submitted value (other than the known ones) in
 * an error's message or extensions; when the answer is an error, the row
 * count of every database unchanged.
 */
export async function runFuzz(options: {
  targets: FuzzTarget[];
  cases: FuzzCase[];
  headers: Record<string, string>[];
  known: KnownValues;
  countRows: () => Promise<number>;
  /** Text that may appear in messages (the SDLs): a value found in it is not an echo. */
  vocabulary: string;
}): Promise<FuzzReport> {
  const report: FuzzReport = { runs: 0, byTarget: {}, byStatus: {}, byCode: {}, accepted: 0, serverErrors: [], echoes: [], writesOnError: [] };
  const knownSet = new Set([...options.known.ids, ...options.known.strings]);
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  // Requests go one at a time and nothing else writes meanwhile: one count after each request is the next one's "before".
  let before = await options.countRows();
  for (const c of options.cases) {
    const target = options.targets[c.target] as FuzzTarget;
    const body = requestFor(c, target);
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options.headers[c.caller] },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    report.runs += 1;
    bump(report.byTarget, target.name);
    bump(report.byStatus, String(res.status));
    const errors = json?.errors ?? [];
    const codes = [...new Set(errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'NONE')))];
    codes.forEach((code) => bump(report.byCode, code));
    if (errors.length === 0 && res.status < 400) report.accepted += 1;
    if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
      report.serverErrors.push({ target: target.name, field: c.field, status: res.status, codes });
    const errorText = errors.map((e) => `${e.message} ${JSON.stringify(e.extensions ?? {})}`).join('\n') + (json ? '' : text);
    const echoed = [...submittedValues(c.args)].filter(
      (v) => !knownSet.has(v) && !options.vocabulary.includes(v) && (errorText.includes(v) || errorText.includes(JSON.stringify(v).slice(1, -1))),
    );
    if (echoed.length > 0) report.echoes.push({ target: target.name, field: c.field });
    const failed = res.status >= 400 || (errors.length > 0 && (json?.data == null || json.data[c.field] == null));
    const after = await options.countRows();
    if (failed && after !== before) report.writesOnError.push({ target: target.name, field: c.field, before, after });
    before = after;
  }
  return report;
}
