import {
  defaultFieldResolver,
  getDirectiveValues,
  getNamedType,
  GraphQLError,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { AuditCollector } from '../audit/index.ts';
import type { Viewer } from '../auth/auth.ts';

/** What a field needs, collected from its own and its type's directives. */
interface Requirement {
  authenticated: boolean;
  /** Each entry is one directive's alternatives: OR over AND-groups. */
  scopes: string[][][];
  policies: string[][][];
}

function read(schema: GraphQLSchema, nodes: readonly ({ directives?: readonly ConstDirectiveNode[] } | null | undefined)[]): Requirement {
  const req: Requirement = { authenticated: false, scopes: [], policies: [] };
  const auth = schema.getDirective('authenticated');
  const scopes = schema.getDirective('requiresScopes');
  const policy = schema.getDirective('policy');
  for (const node of nodes) {
    if (!node?.directives) continue;
    if (auth && getDirectiveValues(auth, node)) req.authenticated = true;
    const s = scopes && getDirectiveValues(scopes, node);
    if (s) req.scopes.push(s.scopes as string[][]);
    const p = policy && getDirectiveValues(policy, node);
    if (p) req.policies.push(p.policies as string[][]);
  }
  return req;
}

const satisfied = (alternatives: string[][], held: readonly string[]) => alternatives.some((group) => group.every((x) => held.includes(x)));

/** Throws the error a viewer gets for a field they may not see, or returns when allowed. */
export function checkRequirement(req: Requirement, viewer: Viewer | null | undefined, path: string): void {
  if (!viewer) {
    throw new GraphQLError('Authentication required: send a valid bearer token.', { extensions: { code: 'UNAUTHENTICATED', field: path } });
  }
  for (const alternatives of req.scopes) {
    if (!satisfied(alternatives, viewer.scopes)) {
      throw new GraphQLError(`Not permitted: your agency and role may not see ${path}.`, { extensions: { code: 'FORBIDDEN', field: path } });
    }
  }
  for (const alternatives of req.policies) {
    if (!satisfied(alternatives, viewer.policies)) {
      throw new GraphQLError(`A purpose (case reference) is required in the token to read ${path}.`, {
        extensions: { code: 'FORBIDDEN', field: path, reason: 'PURPOSE_REQUIRED' },
      });
    }
  }
}

const mentions = (requirement: string[][][], name: string) => requirement.some((alternatives) => alternatives.some((group) => group.includes(name)));

/**
 * Whether serving a field is a read to audit: the field needs a purpose (the
 * schema's mark of personal data) or the `audit:read` scope (a victim's audit
 * trail, which says who looked at them). Mutation fields are writes; what a
 * mutation returns is audited through the returned object's own fields.
 */
function isAudited(schema: GraphQLSchema, typeName: string, req: Requirement): boolean {
  if (typeName === schema.getMutationType()?.name) return false;
  return mentions(req.policies, 'purpose') || mentions(req.scopes, 'audit:read');
}

/**
 * Marks the victims a served record is about when the record does not carry them as its own `victimId` (a return
 * proceeding holds its applicant's id, a link review has a candidate as well). The audit names these victims for
 * every personal field read from the record, and for the field that returned it. Kept under a symbol so it is never
 * served, and copied by object spread.
 */
export const AUDIT_VICTIMS: unique symbol = Symbol.for('nrm-hub.audit-victims');

/** `record` with `victimIds` (nulls skipped) added to the victims its reads are logged under. */
export function aboutVictims<T extends object>(record: T, victimIds: readonly (string | null | undefined)[]): T {
  const previous = (record as { [AUDIT_VICTIMS]?: readonly string[] })[AUDIT_VICTIMS] ?? [];
  const ids = [...previous, ...victimIds.filter((id): id is string => typeof id === 'string')];
  return Object.assign(record, { [AUDIT_VICTIMS]: ids });
}

/**
 * What a write returns, marked with the victim of the person it concerns (looked up by `victimOf`, e.g. through
 * the row's person, case or client), so the fields read back are logged under that victim.
 */
export async function aboutVictimOf<T extends object>(written: Promise<T> | T, victimOf: (row: T) => Promise<string | null | undefined>): Promise<T> {
  const row = await written;
  return aboutVictims(row, [await victimOf(row)]);
}

/** The victims a served object is about: an entity's `id` on `Victim`, the record's `victimId`, and those marked by `aboutVictims`. */
function victimIdsOf(typeName: string, source: unknown): unknown[] {
  if (source === null || typeof source !== 'object') return [];
  if (typeName === 'Victim') return [(source as { id?: unknown }).id];
  const marked = (source as { [AUDIT_VICTIMS]?: unknown })[AUDIT_VICTIMS];
  return [(source as { victimId?: unknown }).victimId, ...(Array.isArray(marked) ? (marked as unknown[]) : [])];
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';

/**
 * Enforces `@authenticated`, `@requiresScopes` and `@policy` inside the
 * subgraph, as if no gateway existed: every field of a protected type, and
 * every protected field, checks the request's verified viewer before its
 * resolver runs. A denied field resolves to an error (`UNAUTHENTICATED` or
 * `FORBIDDEN`) and so to null, never to data. The only policy is `purpose`.
 *
 * A field that is personal data (see `isAudited`) and resolved without error
 * is noted in the request's `audit` collector as `Type.field`, with the
 * victims its parent object is about (`victimIdsOf`), and those of the
 * objects it returns. A context without a
 * collector gets an error instead of the field: no unaudited reads.
 * Returns the number of fields wrapped.
 */
export function enforceAuthDirectives(schema: GraphQLSchema): number {
  let wrapped = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeReq = read(schema, [type.astNode, ...type.extensionASTNodes]);
    for (const field of Object.values(type.getFields())) {
      const fieldReq = read(schema, [field.astNode]);
      const req: Requirement = {
        authenticated: typeReq.authenticated || fieldReq.authenticated,
        scopes: [...typeReq.scopes, ...fieldReq.scopes],
        policies: [...typeReq.policies, ...fieldReq.policies],
      };
      if (!req.authenticated && req.scopes.length === 0 && req.policies.length === 0) continue;
      type Context = { viewer?: Viewer | null; audit?: AuditCollector } | undefined;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
      const path = `${type.name}.${field.name}`;
      const audited = isAudited(schema, type.name, req);
      const returnedType = getNamedType(field.type).name;
      field.resolve = (source, args, context: Context, info) => {
        checkRequirement(req, context?.viewer, path);
        if (!audited) return resolve(source, args, context, info);
        const audit = context?.audit;
        if (!audit) throw new Error('No audit collector in the request context');
        const note = (value: unknown) => {
          if (value instanceof Error) return value;
          audit.record(path);
          for (const id of victimIdsOf(type.name, source)) audit.record(path, id);
          // A field that returns records about victims (`Query.victim`, `Query.upcomingReturns`) reads whose they
          // are, whatever is selected below it (even only `id` or `__typename`).
          for (const v of Array.isArray(value) ? value : [value]) for (const id of victimIdsOf(returnedType, v)) audit.record(path, id);
          return value;
        };
        const result = resolve(source, args, context, info);
        return isPromiseLike(result) ? Promise.resolve(result).then(note) : note(result);
      };
      wrapped += 1;
    }
    if (guardEntityReference(schema, type, typeReq)) wrapped += 1;
  }
  return wrapped;
}

/** The top-level field names of each of a type's `@key`s (`@key(fields: "id")` → `id`). */
function keyFieldNames(type: GraphQLObjectType): string[] {
  const names = new Set<string>();
  for (const node of [type.astNode, ...type.extensionASTNodes]) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind !== Kind.STRING) continue;
      for (const name of fields.value.replace(/\{[^}]*\}/g, ' ').split(/\s+/)) if (name) names.add(name);
    }
  }
  return [...names];
}

type ReferenceResolver = (reference: unknown, context: { viewer?: Viewer | null } | undefined, info: unknown) => unknown;

/**
 * An entity reference (`_entities`) resolves only for a caller who may read the entity's key: its type's
 * requirements and those of its key fields (`Victim.id` in the NRM needs `victim:read` or `audit:read`). Resolving
 * a reference looks the entity up, so without this any caller, anonymous ones included, could learn from
 * `_entities { __typename }` whether an id exists, and read fields whose own directive asks less than the key's
 * (`Victim.mergedIds` needs only a purpose). A refused reference is `null` with the `UNAUTHENTICATED` or
 * `FORBIDDEN` error at its position, like a refused field. Types whose reference is the representation itself
 * (no `__resolveReference`) look nothing up and are left alone. Returns whether the type was guarded.
 */
function guardEntityReference(schema: GraphQLSchema, type: GraphQLObjectType, typeReq: Requirement): boolean {
  const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } }).apollo?.subgraph;
  const resolveReference = subgraph?.resolveReference;
  if (!subgraph || !resolveReference) return false;
  const fields = type.getFields();
  const keyReqs = keyFieldNames(type).map((name) => read(schema, [fields[name]?.astNode]));
  const req: Requirement = {
    authenticated: typeReq.authenticated || keyReqs.some((r) => r.authenticated),
    scopes: [...typeReq.scopes, ...keyReqs.flatMap((r) => r.scopes)],
    policies: [...typeReq.policies, ...keyReqs.flatMap((r) => r.policies)],
  };
  if (!req.authenticated && req.scopes.length === 0 && req.policies.length === 0) return false;
  subgraph.resolveReference = (reference, context, info) => {
    // A rejected item: this entity is null with the error at its index, the others resolve.
    return new Promise((resolve) => {
      checkRequirement(req, context?.viewer, type.name);
      resolve(resolveReference(reference, context, info));
    });
  };
  return true;
}
